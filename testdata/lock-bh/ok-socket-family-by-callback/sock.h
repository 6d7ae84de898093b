/* The socket of every family: its queue locks are keyed per family. */
struct sk_buff;
struct net_device;
struct sk_buff_head { spinlock_t lock; int qlen; };
struct sock { struct sk_buff_head sk_receive_queue; };
struct packet_type {
	int (*func)(struct sk_buff *skb, struct net_device *dev, struct packet_type *pt);
};

struct sock *sk_of(struct packet_type *pt);
