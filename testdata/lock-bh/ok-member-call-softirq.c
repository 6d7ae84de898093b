/*
 * Like icmp_unreach(): a handler in a table of a struct the catalogue does
 * not list (icmp_control), called through the member by the protocol's
 * receive handler, in softirq.  A call through a member calls every
 * function stored in it, so the handler runs in softirq, and its plain
 * lock is the softirq side of the _bh in process context.
 */
struct sk_buff;
struct pmtu { spinlock_t lock; int mtu; };
struct net_protocol {
	int (*handler)(struct sk_buff *skb);
};
struct msg_control {
	void (*handler)(struct sk_buff *skb);
};

struct pmtu *pmtu_of(struct sk_buff *skb);
int msg_type(struct sk_buff *skb);

static void msg_unreach(struct sk_buff *skb)
{
	struct pmtu *p = pmtu_of(skb);

	spin_lock(&p->lock);
	p->mtu = 576;
	spin_unlock(&p->lock);
}

static void msg_discard(struct sk_buff *skb)
{
}

static const struct msg_control msg_pointers[3] = {
	[0] = { .handler = msg_discard },
	[1] = { .handler = msg_unreach },
	[2] = { .handler = msg_discard },
};

static int msg_rcv(struct sk_buff *skb)
{
	msg_pointers[msg_type(skb)].handler(skb);
	return 0;
}

static const struct net_protocol msg_protocol = {
	.handler	= msg_rcv,
};

void pmtu_set(struct pmtu *p, int mtu)
{
	spin_lock_bh(&p->lock);
	p->mtu = mtu;
	spin_unlock_bh(&p->lock);
}

const struct net_protocol *msg_ops(void)
{
	return &msg_protocol;
}
/*
 * check-name: a handler called through a member, from softirq only
 * check-options: --all-locks
 *
 * check-output-start
 * check-output-end
 */
