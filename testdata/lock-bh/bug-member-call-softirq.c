/*
 * A timer walks the table and the walker calls w->func(w): the function
 * stored there runs in softirq, reached only through the member.  Process
 * context takes the same lock plainly with BH enabled, so the timer can
 * interrupt its holder on the same CPU.  Calls through pointers give
 * softirq context only through a member that one unit both stores in and
 * calls through, as here: resolved by member across units, they would
 * join unrelated subsystems (perf's hrtimer would reach every
 * filesystem's writepages).
 */
struct node_table { spinlock_t lock; int nodes; };
struct walker {
	int (*func)(struct walker *w);
	struct node_table *table;
};

static struct timer_list node_gc_timer;

struct node_table *node_table_get(void);

static int walk_expire(struct walker *w)
{
	spin_lock(&w->table->lock);
	w->table->nodes--;
	spin_unlock(&w->table->lock);
	return 0;
}

static int walk_continue(struct walker *w)
{
	return w->func(w);
}

static void node_gc(struct timer_list *t)
{
	struct walker w = { .table = node_table_get() };

	w.func = walk_expire;
	walk_continue(&w);
}

int node_count(void)
{
	struct node_table *table = node_table_get();
	int n;

	spin_lock(&table->lock);	/* BUG */
	n = table->nodes;
	spin_unlock(&table->lock);
	return n;
}

void node_gc_start(void)
{
	timer_setup(&node_gc_timer, node_gc, 0);
}
/*
 * check-name: a function called through a member in softirq, its lock also taken in process context
 * check-options: --all-locks
 *
 * check-output-start
bug-member-call-softirq.c:47:9: error: lock struct node_table::lock taken with BH enabled here but also in softirq context: deadlock if the softirq interrupts its holder [mm-lock-softirq-unsafe]
 * check-output-end
 */
