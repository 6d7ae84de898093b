/*
 * Like 6.12's udp_err(): the ICMP error handler is stored by assigning a
 * compound literal, net_hotdata.udp_protocol = (struct net_protocol){
 * .err_handler = udp_err }, in an init function, not by a static
 * table's initializer (ok-protocol-handler.c).  GCC stores each member;
 * the clang engine reads the literal's initializer as GCC does (it took
 * the handler for a function nobody calls, entered with BH enabled).
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

static struct { struct net_protocol flow_protocol; } hotdata;

static void flow_expire(struct timer_list *t)
{
	struct flow *f = (struct flow *)t;

	spin_lock(&f->lock);
	f->mtu = -1;
	spin_unlock(&f->lock);
}

void flow_init(struct flow *f)
{
	hotdata.flow_protocol = (struct net_protocol) {
		.err_handler	= flow_err,
		.no_policy	= 1,
	};
	timer_setup(&f->timer, flow_expire, 0);
	spin_lock_bh(&f->lock);
	f->mtu = 1500;
	spin_unlock_bh(&f->lock);
}

const struct net_protocol *flow_ops(void)
{
	return &hotdata.flow_protocol;
}
/*
 * check-name: a handler stored by assigning a compound literal runs in softirq
 * check-options: --all-locks
 *
 * check-output-start
 * check-output-end
 */
