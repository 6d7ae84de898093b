#include "../../sock.h"

void raw_purge(struct sock *sk)
{
	spin_lock_bh(&sk->sk_receive_queue.lock);
	sk->sk_receive_queue.qlen = 0;
	spin_unlock_bh(&sk->sk_receive_queue.lock);
}
/*
 * check-output-start
 * check-output-end
 */
