#include "../../sock.h"

int unix_inq_len(struct sock *sk)
{
	int n;

	spin_lock(&sk->sk_receive_queue.lock);	/* BUG */
	n = sk->sk_receive_queue.qlen;
	spin_unlock(&sk->sk_receive_queue.lock);
	return n;
}
/*
 * check-output-start
net/unix/af_unix.c:7:9: error: lock struct sock::sk_receive_queue.lock taken with BH enabled here but also in softirq context: deadlock if the softirq interrupts its holder [mm-lock-softirq-unsafe]
 * check-output-end
 */
