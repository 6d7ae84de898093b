/*
 * Like unix_inq_len(): AF_UNIX takes its receive queue's lock plainly, in
 * process context with BH enabled.  AF_PACKET takes its own sockets' lock
 * in softirq, and raw sockets theirs with _bh, but lockdep keys these
 * locks per address family (sk_init_common()): three classes, no
 * deadlock (catalogue lock_class_per_family, socket_family_path).
 */
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
 * check-name: socket queue locks of different address families are different classes
 * check-options: --all-locks
 *
 * check-output-start
 * check-output-end
 */
