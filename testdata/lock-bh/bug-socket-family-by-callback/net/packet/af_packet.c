#include "../../sock.h"

void sock_queue_rcv(struct sock *sk);

static int packet_rcv(struct sk_buff *skb, struct net_device *dev, struct packet_type *pt)
{
	sock_queue_rcv(sk_of(pt));
	return 0;
}

void packet_bind(struct packet_type *pt)
{
	pt->func = packet_rcv;
}
/*
 * check-output-start
 * check-output-end
 */
