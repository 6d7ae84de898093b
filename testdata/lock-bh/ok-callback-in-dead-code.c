/*
 * Like 7.2's swap_cluster_free_table() on s390: the RCU callback is
 * registered only on a branch a constant rules out (SWP_TABLE_USE_PAGE is
 * sizeof(struct swap_table) == PAGE_SIZE, false there), so the compiler
 * drops the registration and the callback with it: the callback's lock is
 * never taken in softirq, and the plain acquisition below is no bug.
 */
struct table { unsigned long slot[64]; };
struct table_pool { spinlock_t lock; int nr; };

extern struct table_pool pool;
void table_free(struct table *t);

#define TABLE_USE_PAGE	(sizeof(struct table) == 4096)

static void table_free_rcu_cb(struct rcu_head *head)
{
	spin_lock(&pool.lock);
	pool.nr--;
	spin_unlock(&pool.lock);
}

void table_release(struct table *t, struct rcu_head *head)
{
	if (!TABLE_USE_PAGE) {
		table_free(t);
		return;
	}
	call_rcu(head, table_free_rcu_cb);
}

void table_count(void)
{
	spin_lock(&pool.lock);
	pool.nr++;
	spin_unlock(&pool.lock);
}
/*
 * check-name: an RCU callback registered only in code a constant rules out
 * check-options: --all-locks
 *
 * check-output-start
 * check-output-end
 */
