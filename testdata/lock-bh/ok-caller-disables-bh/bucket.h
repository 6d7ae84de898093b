/* The bind bucket of the two files of this case. */
struct bucket {
	struct rcu_head rcu;
	spinlock_t lock;
	int owners;
};

void __put_port(struct bucket *b);
