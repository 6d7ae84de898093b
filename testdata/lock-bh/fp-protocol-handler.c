/*
 * Like tcp_v4_err(): an ICMP error handler in a static net_protocol table
 * runs in the NET_RX softirq, so its plain lock is the softirq side and
 * the _bh in process context is the correct pattern.  The table is a
 * static initializer, no call-graph edge: the analysis takes the handler
 * for process context with BH enabled (6.1 and 6.12 wide ledgers).
 */
struct sk_buff;
struct flow { spinlock_t lock; int mtu; struct timer_list timer; };
struct proto_ops { void (*err_handler)(struct sk_buff *skb, struct flow *f); };

static void flow_err(struct sk_buff *skb, struct flow *f)
{
	spin_lock(&f->lock);
	f->mtu = 0;
	spin_unlock(&f->lock);
}

static const struct proto_ops flow_protocol = { .err_handler = flow_err };

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

const struct proto_ops *flow_ops(void)
{
	return &flow_protocol;
}
/*
 * check-name: a handler in a static ops table runs in softirq
 * check-options: --all-locks
 * check-known-to-fail: gcc,sparse static ops tables are not softirq registrations in the facts (mmcheck-locks(1), LIMITS)
 * check-known-to-fail: cocci the cocci rule reads the mix in one file and cannot know the handler's context
 *
 * check-output-start
 * check-output-end
 */
