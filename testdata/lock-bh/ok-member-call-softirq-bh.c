/*
 * The benign twin of bug-member-call-softirq.c: the timer's walker calls
 * w->func(w), so walk_expire() runs in softirq, and process context takes
 * the same lock with spin_lock_bh(): the correct pattern.  The member is
 * this unit's own (the only store in walker.func and the only call through
 * it are here), so the call gives softirq context, and walk_expire()'s
 * plain lock, with BH already off, is no mixed use.
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

	spin_lock_bh(&table->lock);
	n = table->nodes;
	spin_unlock_bh(&table->lock);
	return n;
}

void node_gc_start(void)
{
	timer_setup(&node_gc_timer, node_gc, 0);
}
/*
 * check-name: a function called through a unit's own member in softirq, its lock taken with _bh in process context
 * check-options: --all-locks
 *
 * check-output-start
 * check-output-end
 */
