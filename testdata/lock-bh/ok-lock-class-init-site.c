/*
 * Like the wait queues behind do_wait_intr() and netlink: every queue is
 * a struct wait_queue_head, but each is initialised at its own site, and
 * lockdep gives each init site a class of its own (init_waitqueue_head()
 * declares a static lock_class_key).  Only netlink's queue is taken in
 * softirq.  Reached through a bare struct wait_queue_head *, a queue's
 * lock may be any of those classes, so it has none (catalogue
 * lock_class_per_site).
 */
struct wait_queue_head { spinlock_t lock; int n; };
struct nl_sock { struct timer_list timer; struct wait_queue_head wait; };

static void nl_timer(struct timer_list *t)
{
	struct nl_sock *nl = (struct nl_sock *)t;
	struct wait_queue_head *q = &nl->wait;

	spin_lock(&q->lock);
	q->n++;
	spin_unlock(&q->lock);
}

void nl_init(struct nl_sock *nl)
{
	timer_setup(&nl->timer, nl_timer, 0);
}

/* Process context only: a different lockdep class at run time. */
void task_wait(struct wait_queue_head *q)
{
	spin_lock(&q->lock);
	q->n--;
	spin_unlock(&q->lock);
}
/*
 * check-name: two lockdep classes of one struct type, one of them taken in softirq
 * check-options: --all-locks
 *
 * check-output-start
 * check-output-end
 */
