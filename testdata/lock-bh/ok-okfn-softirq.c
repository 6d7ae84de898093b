/*
 * Like ip_local_deliver_finish(): netfilter's okfn is passed to NF_HOOK(),
 * which calls it through its parameter.  The only caller passes it from a
 * protocol handler, in softirq, so the okfn's plain lock is the softirq
 * side, and the _bh in process context is the correct pattern.  The okfn's
 * address is taken only to be passed: it does not escape.
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

	spin_lock(&t->lock);
	t->packets++;
	spin_unlock(&t->lock);
	return 0;
}

static int rx_deliver(struct sk_buff *skb)
{
	return rx_hook(skb, rx_deliver_finish);
}

static const struct net_protocol rx_protocol = {
	.handler	= rx_deliver,
};

void rx_reset(struct rx_table *t)
{
	spin_lock_bh(&t->lock);
	t->packets = 0;
	spin_unlock_bh(&t->lock);
}

const struct net_protocol *rx_ops(void)
{
	return &rx_protocol;
}
/*
 * check-name: an okfn called through a parameter, from softirq only
 * check-options: --all-locks
 *
 * check-output-start
 * check-output-end
 */
