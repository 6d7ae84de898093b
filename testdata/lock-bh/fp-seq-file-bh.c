/*
 * Like arp_seq_show(): a seq_file's start takes rcu_read_lock_bh() and its
 * stop drops it, so show runs with BH disabled.  The seq_file core calls
 * the three through pointers, one after the other; the analysis sees what
 * each function does on its own, not the state one leaves for the next,
 * so show's plain lock counts as taken with BH enabled: a false alarm
 * (6.1 and 6.12: arp_format_neigh_entry()).
 */
struct seq_file;
struct neigh_table { spinlock_t lock; int entries; };
struct seq_operations {
	void *(*start)(struct seq_file *m, long long *pos);
	void (*stop)(struct seq_file *m, void *v);
	int (*show)(struct seq_file *m, void *v);
};

struct neigh_table *table_of(struct seq_file *m);
void rcu_read_lock_bh(void);
void rcu_read_unlock_bh(void);

static void *neigh_seq_start(struct seq_file *m, long long *pos)
{
	rcu_read_lock_bh();
	return table_of(m);
}

static void neigh_seq_stop(struct seq_file *m, void *v)
{
	rcu_read_unlock_bh();
}

static int neigh_seq_show(struct seq_file *m, void *v)
{
	struct neigh_table *t = v;

	spin_lock(&t->lock);
	t->entries++;
	spin_unlock(&t->lock);
	return 0;
}

static const struct seq_operations neigh_seq_ops = {
	.start	= neigh_seq_start,
	.stop	= neigh_seq_stop,
	.show	= neigh_seq_show,
};

void neigh_flush(struct neigh_table *t)
{
	spin_lock_bh(&t->lock);
	t->entries = 0;
	spin_unlock_bh(&t->lock);
}

const struct seq_operations *neigh_ops(void)
{
	return &neigh_seq_ops;
}
/*
 * check-name: state a seq_file's start leaves for its show
 * check-options: --all-locks
 * check-known-to-fail: gcc,sparse,cocci the BH state start leaves for show is not seen
 *
 * check-output-start
 * check-output-end
 */
