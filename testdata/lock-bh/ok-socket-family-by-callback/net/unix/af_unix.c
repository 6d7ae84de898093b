#include "../../sock.h"

int unix_inq_len(struct sock *sk)
{
	int n;

	spin_lock(&sk->sk_receive_queue.lock);
	n = sk->sk_receive_queue.qlen;
	spin_unlock(&sk->sk_receive_queue.lock);
	return n;
}
/*
 * check-output-start
 * check-output-end
 */
