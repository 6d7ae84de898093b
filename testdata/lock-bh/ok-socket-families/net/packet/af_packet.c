#include "../../sock.h"

static int packet_rcv(struct sk_buff *skb, struct net_device *dev, struct packet_type *pt)
{
	struct sock *sk = sk_of(pt);

	spin_lock(&sk->sk_receive_queue.lock);
	sk->sk_receive_queue.qlen++;
	spin_unlock(&sk->sk_receive_queue.lock);
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
