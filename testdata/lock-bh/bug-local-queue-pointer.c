/*
 * The receive queue reached through a local pointer in a timer and in
 * process context: one class, struct sock::sk_receive_queue.lock, and a
 * plain acquisition the timer can interrupt.
 */
struct sk_buff_head { spinlock_t lock; unsigned int qlen; };
struct sock {
	struct sk_buff_head sk_receive_queue;
	struct sk_buff_head sk_error_queue;
	struct timer_list sk_timer;
};

static void sk_receive_timer(struct timer_list *t)
{
	struct sock *sk = (struct sock *)t;
	struct sk_buff_head *q = &sk->sk_receive_queue;

	spin_lock(&q->lock);
	q->qlen = 0;
	spin_unlock(&q->lock);
}

void sk_timer_init(struct sock *sk)
{
	timer_setup(&sk->sk_timer, sk_receive_timer, 0);
}

void sk_purge_receive(struct sock *sk)
{
	struct sk_buff_head *q = &sk->sk_receive_queue;

	spin_lock(&q->lock);	/* BUG */
	q->qlen = 0;
	spin_unlock(&q->lock);
}
/*
 * check-name: one queue of a socket through local pointers, in a timer and plainly
 * check-options: --all-locks
 *
 * check-output-start
bug-local-queue-pointer.c:32:9: error: lock struct sock::sk_receive_queue.lock taken with BH enabled here but also in softirq context: deadlock if the softirq interrupts its holder [mm-lock-softirq-unsafe]
 * check-output-end
 */
