/*
 * Like fib6_walk(): a walker calls w->func(w) for each node.  One user's
 * func takes the table lock plainly, and a timer takes it too; the walk is
 * started from process context with BH enabled, so the timer can
 * interrupt the walker's holder on the same CPU.
 */
struct node_table { spinlock_t lock; int nodes; };
struct walker {
	int (*func)(struct walker *w);
	struct node_table *table;
};

static struct timer_list node_gc_timer;

struct node_table *node_table_get(void);

static int walk_clean(struct walker *w)
{
	spin_lock(&w->table->lock);	/* BUG */
	w->table->nodes--;
	spin_unlock(&w->table->lock);
	return 0;
}

static int walk_continue(struct walker *w)
{
	return w->func(w);
}

void node_clean_all(void)
{
	struct walker w = { .table = node_table_get() };

	w.func = walk_clean;
	walk_continue(&w);
}

static void node_gc(struct timer_list *t)
{
	struct node_table *table = node_table_get();

	spin_lock(&table->lock);
	table->nodes = 0;
	spin_unlock(&table->lock);
}

void node_gc_start(void)
{
	timer_setup(&node_gc_timer, node_gc, 0);
}
/*
 * check-name: a function called through a member from process context, its lock also taken in softirq
 * check-options: --all-locks
 *
 * check-output-start
bug-member-call-process.c:19:9: error: lock struct node_table::lock taken with BH enabled here but also in softirq context: deadlock if the softirq interrupts its holder [mm-lock-softirq-unsafe]
 * check-output-end
 */
