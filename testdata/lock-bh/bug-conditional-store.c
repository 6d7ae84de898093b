/*
 * The positive of ok-conditional-store.c: either receive handler stored
 * through a conditional in packet_type.func (catalogue softirq_field) runs
 * in softirq, the else branch's too, so a plain acquisition of its lock in
 * process context with BH enabled can deadlock.
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
	return 0;
}

static int queue_rcv(struct sk_buff *skb, struct net_device *dev, struct packet_type *pt)
{
	struct rx_sock *s = rx_sock_of(pt);

	spin_lock(&s->lock);
	s->drops++;
	spin_unlock(&s->lock);
	return 0;
}

void rx_sock_bind(struct rx_sock *s, struct packet_type *pt)
{
	pt->func = s->ring ? ring_rcv : queue_rcv;
}

int rx_sock_drops(struct rx_sock *s)
{
	int n;

	spin_lock(&s->lock);	/* BUG */
	n = s->drops;
	spin_unlock(&s->lock);
	return n;
}
/*
 * check-name: a receive handler stored through a conditional's else branch runs in softirq
 * check-options: --all-locks
 *
 * check-output-start
bug-conditional-store.c:40:9: error: lock struct rx_sock::lock taken with BH enabled here but also in softirq context: deadlock if the softirq interrupts its holder [mm-lock-softirq-unsafe]
 * check-output-end
 */
