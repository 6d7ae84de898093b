/*
 * Like AF_PACKET's prot_hook.func = rx_ring ? tpacket_rcv : packet_rcv:
 * either function is stored in packet_type.func (catalogue softirq_field),
 * so both are receive handlers run in softirq, and their plain locks are
 * the softirq side of the _bh in process context.
 */
struct sk_buff;
struct net_device;
struct rx_sock { spinlock_t lock; int ring; int drops; };
struct packet_type {
	int (*func)(struct sk_buff *skb, struct net_device *dev, struct packet_type *pt);
};

struct rx_sock *rx_sock_of(struct packet_type *pt);

static int ring_rcv(struct sk_buff *skb, struct net_device *dev, struct packet_type *pt)
{
	struct rx_sock *s = rx_sock_of(pt);

	spin_lock(&s->lock);
	s->drops++;
	spin_unlock(&s->lock);
	return 0;
}

static int queue_rcv(struct sk_buff *skb, struct net_device *dev, struct packet_type *pt)
{
	struct rx_sock *s = rx_sock_of(pt);

	spin_lock(&s->lock);
	s->drops = 0;
	spin_unlock(&s->lock);
	return 0;
}

void rx_sock_bind(struct rx_sock *s, struct packet_type *pt)
{
	pt->func = s->ring ? ring_rcv : queue_rcv;
	spin_lock_bh(&s->lock);
	s->drops = 0;
	spin_unlock_bh(&s->lock);
}
/*
 * check-name: a receive handler stored through a conditional
 * check-options: --all-locks
 *
 * check-output-start
 * check-output-end
 */
