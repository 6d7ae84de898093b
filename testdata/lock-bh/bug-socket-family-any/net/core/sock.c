/*
 * Generic socket code takes a receive queue's lock plainly with BH
 * enabled: it may hold any family's socket, AF_PACKET's too, whose receive
 * handler takes the lock in softirq.  Only code that handles one family
 * (catalogue socket_family_path) is of that family's class.
 */
#include "../../sock.h"

int sock_queue_len(struct sock *sk)
{
	int n;

	spin_lock(&sk->sk_receive_queue.lock);	/* BUG */
	n = sk->sk_receive_queue.qlen;
	spin_unlock(&sk->sk_receive_queue.lock);
	return n;
}
/*
 * check-name: generic socket code may hold any family's queue lock
 * check-options: --all-locks
 *
 * check-output-start
net/core/sock.c:13:9: error: lock struct sock::sk_receive_queue.lock taken with BH enabled here but also in softirq context: deadlock if the softirq interrupts its holder [mm-lock-softirq-unsafe]
 * check-output-end
 */
