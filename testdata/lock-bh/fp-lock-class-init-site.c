/*
 * Like the wait queues behind do_wait_intr() and netlink: two kinds of
 * queue share struct wq, but each is initialised at its own site, and
 * lockdep gives each init site a class of its own (init_waitqueue_head()
 * declares a static lock_class_key).  Only netlink's queue is taken in
 * softirq; the struct::member class merges the two.
 */
struct wq { spinlock_t lock; int n; };
struct nl_sock { struct timer_list timer; struct wq wait; };

static void nl_timer(struct timer_list *t)
{
	struct nl_sock *nl = (struct nl_sock *)t;
	struct wq *q = &nl->wait;

	spin_lock(&q->lock);
	q->n++;
	spin_unlock(&q->lock);
}

void nl_init(struct nl_sock *nl)
{
	timer_setup(&nl->timer, nl_timer, 0);
}

/* Process context only: a different lockdep class at run time. */
void task_wait(struct wq *q)
{
	spin_lock(&q->lock);
	q->n--;
	spin_unlock(&q->lock);
}
/*
 * check-name: two lockdep classes of one struct type, one of them taken in softirq
 * check-options: --all-locks
 * check-known-to-fail: gcc a lock class is a struct type and member path; lockdep keys each initialisation site apart (mmcheck-locks(1), LIMITS); sparse folds q = &nl->wait and names struct nl_sock::wait.lock, so it keeps these two apart
 *
 * check-output-start
 * check-output-end
 */
