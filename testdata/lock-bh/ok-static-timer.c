/*
 * The same DEFINE_TIMER() callback, with the process-context side under
 * spin_lock_bh(): the timer cannot run on this CPU while it is held.
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
	spin_lock_bh(&fl_table.lock);
	fl_table.n = 0;
	spin_unlock_bh(&fl_table.lock);
}

struct timer_list *fl_timer(void)
{
	return &fl_gc_timer;
}
/*
 * check-name: a DEFINE_TIMER() callback's plain lock, _bh in process context
 * check-options: --all-locks
 *
 * check-output-start
 * check-output-end
 */
