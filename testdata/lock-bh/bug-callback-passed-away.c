/*
 * A callback passed to a function outside the analysed code (a thread
 * starter): nothing says who calls it, so it counts as entered with BH
 * enabled, in process context.  It takes a lock plainly that a timer
 * takes in softirq.
 */
struct stats { spinlock_t lock; int runs; };

static struct stats stats;
static struct timer_list stats_timer;

int start_worker(int (*fn)(void *data), void *data);

static int stats_worker(void *data)
{
	spin_lock(&stats.lock);	/* BUG */
	stats.runs++;
	spin_unlock(&stats.lock);
	return 0;
}

static void stats_expire(struct timer_list *t)
{
	spin_lock(&stats.lock);
	stats.runs = 0;
	spin_unlock(&stats.lock);
}

int stats_start(void)
{
	timer_setup(&stats_timer, stats_expire, 0);
	return start_worker(stats_worker, NULL);
}
/*
 * check-name: a callback passed to an unknown function is entered with BH enabled
 * check-options: --all-locks
 *
 * check-output-start
bug-callback-passed-away.c:16:9: error: lock stats@bug-callback-passed-away.c.lock taken with BH enabled here but also in softirq context: deadlock if the softirq interrupts its holder [mm-lock-softirq-unsafe]
 * check-output-end
 */
