/*
 * The okfn of ok-okfn-softirq.c, also passed to the hook from process
 * context with BH enabled (a local output path): the okfn then takes its
 * lock plainly with BH enabled, and the protocol handler takes it in
 * softirq.  The call through the hook's parameter says how the okfn is
 * entered: rx_output() -> rx_hook() -> (*rx_hook() argument 2)().
 */
struct sk_buff;
struct rx_table { spinlock_t lock; int packets; };
struct net_protocol {
	int (*handler)(struct sk_buff *skb);
};

struct rx_table *rx_table_of(struct sk_buff *skb);

static inline int rx_hook(struct sk_buff *skb, int (*okfn)(struct sk_buff *skb))
{
	return okfn(skb);
}

static int rx_deliver_finish(struct sk_buff *skb)
{
	struct rx_table *t = rx_table_of(skb);

	spin_lock(&t->lock);	/* BUG: also reached from rx_output() */
	t->packets++;
	spin_unlock(&t->lock);
	return 0;
}

static int rx_deliver(struct sk_buff *skb)
{
	struct rx_table *t = rx_table_of(skb);

	spin_lock(&t->lock);
	t->packets--;
	spin_unlock(&t->lock);
	return rx_hook(skb, rx_deliver_finish);
}

static const struct net_protocol rx_protocol = {
	.handler	= rx_deliver,
};

int rx_output(struct sk_buff *skb)
{
	return rx_hook(skb, rx_deliver_finish);
}

const struct net_protocol *rx_ops(void)
{
	return &rx_protocol;
}
/*
 * check-name: an okfn called through a parameter, from softirq and from process context
 * check-options: --all-locks
 *
 * check-output-start
bug-okfn-process.c:25:9: error: lock struct rx_table::lock taken with BH enabled here but also in softirq context: deadlock if the softirq interrupts its holder [mm-lock-softirq-unsafe]
 * check-output-end
 */
