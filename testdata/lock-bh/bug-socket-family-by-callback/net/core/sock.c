/*
 * Generic socket code queues to a receive queue in softirq, from
 * AF_PACKET's receive handler and from a timer of its own: the timer's
 * socket may be of any family, AF_UNIX's too, whose plain acquisition
 * the timer can interrupt.
 */
#include "../../sock.h"

void sock_queue_rcv(struct sock *sk)
{
	spin_lock(&sk->sk_receive_queue.lock);
	sk->sk_receive_queue.qlen++;
	spin_unlock(&sk->sk_receive_queue.lock);
}

struct sock_timer { struct timer_list t; struct sock *sk; };

static void sock_requeue(struct timer_list *t)
{
	sock_queue_rcv(((struct sock_timer *)t)->sk);
}

void sock_timer_init(struct sock_timer *st)
{
	timer_setup(&st->t, sock_requeue, 0);
}
/*
 * check-name: generic code reached in softirq from a callback of no one family
 * check-options: --all-locks
 *
 * check-output-start
 * check-output-end
 */
