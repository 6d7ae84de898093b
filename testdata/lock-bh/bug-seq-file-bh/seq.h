/* Like include/linux/seq_file.h and net/neighbour.h, as much as the case needs. */
struct seq_operations;
struct seq_file {
	const struct seq_operations *op;
	void *private;
};
struct seq_operations {
	void *(*start)(struct seq_file *m, long long *pos);
	void (*stop)(struct seq_file *m, void *v);
	int (*show)(struct seq_file *m, void *v);
};
struct neigh_table { rwlock_t lock; };
struct neighbour { rwlock_t lock; int nud_state; };

void *neigh_seq_start(struct seq_file *m, long long *pos, struct neigh_table *tbl,
		      unsigned int flags);
void neigh_seq_stop(struct seq_file *m, void *v);
