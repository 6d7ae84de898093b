/*
 * Two queues of a socket, each reached through a local pointer: lockdep
 * keys the error queue and the receive queue apart (sk_init_common()), so
 * the timer's error-queue lock does not meet the plain receive-queue lock
 * of sk_purge_receive().  Named by the pointer's type, both would be
 * "struct sk_buff_head::lock": every queue of the kernel in one class
 * (6.12: AF_UNIX's __unix_gc() met __msg_zerocopy_callback()'s error
 * queue so).
 */
struct sk_buff_head { spinlock_t lock; unsigned int qlen; };
struct sock {
	struct sk_buff_head sk_receive_queue;
	struct sk_buff_head sk_error_queue;
	struct timer_list sk_timer;
};

static void sk_error_timer(struct timer_list *t)
{
	struct sock *sk = (struct sock *)t;
	struct sk_buff_head *q = &sk->sk_error_queue;

	spin_lock(&q->lock);
	q->qlen = 0;
	spin_unlock(&q->lock);
}

void sk_timer_init(struct sock *sk)
{
	timer_setup(&sk->sk_timer, sk_error_timer, 0);
}

void sk_purge_receive(struct sock *sk)
{
	struct sk_buff_head *q = &sk->sk_receive_queue;

	spin_lock(&q->lock);
	q->qlen = 0;
	spin_unlock(&q->lock);
}
/*
 * check-name: two queues of a socket through local pointers are two classes
 * check-options: --all-locks
 *
 * check-output-start
 * check-output-end
 */
