/*
 * The same queue named through its container, nl->wait.lock, in the
 * timer and in process context: one init site, one lockdep class, and a
 * plain acquisition the timer can interrupt.
 */
struct wait_queue_head { spinlock_t lock; int n; };
struct nl_sock { struct timer_list timer; struct wait_queue_head wait; };

static void nl_timer(struct timer_list *t)
{
	struct nl_sock *nl = (struct nl_sock *)t;

	spin_lock(&nl->wait.lock);
	nl->wait.n++;
	spin_unlock(&nl->wait.lock);
}

void nl_init(struct nl_sock *nl)
{
	timer_setup(&nl->timer, nl_timer, 0);
}

void nl_drain(struct nl_sock *nl)
{
	spin_lock(&nl->wait.lock);	/* BUG */
	nl->wait.n = 0;
	spin_unlock(&nl->wait.lock);
}
/*
 * check-name: a queue's lock named through its container, taken plainly and by a timer
 * check-options: --all-locks
 *
 * check-output-start
bug-lock-class-embedded-queue.c:25:9: error: lock struct nl_sock::wait.lock taken with BH enabled here but also in softirq context: deadlock if the softirq interrupts its holder [mm-lock-softirq-unsafe]
 * check-output-end
 */
