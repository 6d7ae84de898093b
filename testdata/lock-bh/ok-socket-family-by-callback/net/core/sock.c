/*
 * Generic socket code queues to a receive queue in softirq, but only
 * AF_PACKET's receive handler calls it: the lock it takes there is
 * AF_PACKET's class, which AF_UNIX's plain acquisition does not meet.
 * Without the family of the callback that reaches it, code of no one
 * family would meet every family (6.12: __sock_queue_rcv_skb() from
 * packet_rcv_spkt() against AF_UNIX's unix_inq_len()).
 */
#include "../../sock.h"

void sock_queue_rcv(struct sock *sk)
{
	spin_lock(&sk->sk_receive_queue.lock);
	sk->sk_receive_queue.qlen++;
	spin_unlock(&sk->sk_receive_queue.lock);
}
/*
 * check-name: generic code reached in softirq only from one family's handler
 * check-options: --all-locks
 *
 * check-output-start
 * check-output-end
 */
