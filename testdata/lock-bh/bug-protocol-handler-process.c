/*
 * The same handler table, but flow_reset() takes the lock plainly in
 * process context: the handler's softirq acquisition makes that a
 * deadlock (lockdep: {SOFTIRQ-ON-W} -> {IN-SOFTIRQ-W}).  The chain note
 * names the table's initializer, since no call edge reaches flow_rcv().
 */
struct sk_buff;
struct flow { spinlock_t lock; int mtu; };
struct net_protocol {
	int (*handler)(struct sk_buff *skb);
	int (*err_handler)(struct sk_buff *skb, unsigned int info);
};

struct flow *flow_of(struct sk_buff *skb);

static int flow_rcv(struct sk_buff *skb)
{
	struct flow *f = flow_of(skb);

	spin_lock(&f->lock);
	f->mtu++;
	spin_unlock(&f->lock);
	return 0;
}

static const struct net_protocol flow_protocol = {
	.handler	= flow_rcv,
};

void flow_reset(struct flow *f)
{
	spin_lock(&f->lock);
	f->mtu = 0;
	spin_unlock(&f->lock);
}

const struct net_protocol *flow_ops(void)
{
	return &flow_protocol;
}
/*
 * check-name: a plain lock in process context, also taken by a net_protocol handler
 * check-options: --all-locks
 *
 * check-output-start
bug-protocol-handler-process.c:32:9: error: lock struct flow::lock taken with BH enabled here but also in softirq context: deadlock if the softirq interrupts its holder [mm-lock-softirq-unsafe]
 * check-output-end
 */
