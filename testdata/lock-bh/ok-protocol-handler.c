/*
 * Like tcp_v4_err(): an ICMP error handler in a static net_protocol table
 * runs in the NET_RX softirq, so its plain lock is the softirq side and
 * the _bh in process context is the correct pattern.  No call edge leads
 * to the handler: the table's initializer registers it (catalogue
 * softirq_field net_protocol.err_handler).
 */
struct sk_buff;
struct flow { spinlock_t lock; int mtu; struct timer_list timer; };
struct net_protocol {
	int (*handler)(struct sk_buff *skb);
	int (*err_handler)(struct sk_buff *skb, unsigned int info);
	unsigned int no_policy:1;
};

struct flow *flow_of(struct sk_buff *skb);

static int flow_err(struct sk_buff *skb, unsigned int info)
{
	struct flow *f = flow_of(skb);

	spin_lock(&f->lock);
	f->mtu = info;
	spin_unlock(&f->lock);
	return 0;
}

static const struct net_protocol flow_protocol = {
	.err_handler	= flow_err,
	.no_policy	= 1,
};

static void flow_expire(struct timer_list *t)
{
	struct flow *f = (struct flow *)t;

	spin_lock(&f->lock);
	f->mtu = -1;
	spin_unlock(&f->lock);
}

void flow_init(struct flow *f)
{
	timer_setup(&f->timer, flow_expire, 0);
	spin_lock_bh(&f->lock);
	f->mtu = 1500;
	spin_unlock_bh(&f->lock);
}

const struct net_protocol *flow_ops(void)
{
	return &flow_protocol;
}
/*
 * check-name: a handler in a static ops table runs in softirq
 * check-options: --all-locks
 *
 * check-output-start
 * check-output-end
 */
