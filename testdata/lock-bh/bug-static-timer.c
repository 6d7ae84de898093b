/*
 * Like ip6_fl_gc(): a timer defined with DEFINE_TIMER() names its callback
 * only in a static initializer, and the callback takes the lock plainly
 * in softirq.  fl_flush() takes it plainly in process context: the timer
 * can interrupt it on the same CPU.
 */
struct fl_table { spinlock_t lock; int n; };

static struct fl_table fl_table;

static void fl_gc(struct timer_list *unused)
{
	spin_lock(&fl_table.lock);
	fl_table.n = 0;
	spin_unlock(&fl_table.lock);
}

static DEFINE_TIMER(fl_gc_timer, fl_gc);

void fl_flush(void)
{
	spin_lock(&fl_table.lock);	/* BUG */
	fl_table.n = 0;
	spin_unlock(&fl_table.lock);
}

struct timer_list *fl_timer(void)
{
	return &fl_gc_timer;
}
/*
 * check-name: a lock taken by a DEFINE_TIMER() callback and plainly in process context
 * check-options: --all-locks
 *
 * check-output-start
bug-static-timer.c:22:9: error: lock fl_table@bug-static-timer.c.lock taken with BH enabled here but also in softirq context: deadlock if the softirq interrupts its holder [mm-lock-softirq-unsafe]
 * check-output-end
 */
