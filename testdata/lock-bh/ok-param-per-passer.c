/*
 * Like arp.c's NF_HOOK(): one hook helper gets the receive path's okfn
 * from the softirq handler and the transmit path's from process context.
 * The call through the parameter reaches an okfn only from where it was
 * passed, so transmitting with BH enabled does not reach arp_process(),
 * which only the softirq runs (6.1 and 6.12: pneigh_enqueue()).
 */
struct sk_buff;
struct neigh_proxy { spinlock_t lock; int queued; };
struct packet_type {
	int (*func)(struct sk_buff *skb, struct net_device *dev, struct packet_type *pt);
};

struct neigh_proxy *proxy_of(struct sk_buff *skb);
int dev_send(struct sk_buff *skb);

static inline int hook(struct sk_buff *skb, int (*okfn)(struct sk_buff *skb))
{
	return okfn(skb);
}

static int arp_process(struct sk_buff *skb)
{
	struct neigh_proxy *p = proxy_of(skb);

	spin_lock(&p->lock);
	p->queued++;
	spin_unlock(&p->lock);
	return 0;
}

static int arp_rcv(struct sk_buff *skb, struct net_device *dev, struct packet_type *pt)
{
	return hook(skb, arp_process);
}

static int arp_xmit_finish(struct sk_buff *skb)
{
	return dev_send(skb);
}

int arp_xmit(struct sk_buff *skb)
{
	return hook(skb, arp_xmit_finish);
}

void arp_init(struct packet_type *pt)
{
	pt->func = arp_rcv;
}

static void proxy_expire(struct timer_list *t)
{
	struct neigh_proxy *p = (struct neigh_proxy *)t;

	spin_lock(&p->lock);
	p->queued = 0;
	spin_unlock(&p->lock);
}

void proxy_init(struct timer_list *t)
{
	timer_setup(t, proxy_expire, 0);
}
/*
 * check-name: a call through a parameter reaches only what its passers passed
 * check-options: --all-locks
 *
 * check-output-start
 * check-output-end
 */
