/*
 * Like tasklet_struct's func and callback: two function pointers share an
 * anonymous union.  A call through callback calls only what is stored in
 * callback: job_cb() runs in the timer, in softirq, and its plain lock is
 * the softirq side of the _bh in process context.  Calls through func, in
 * process context, do not reach it, though func is at the same offset.
 */
struct job_table { spinlock_t lock; int done; };
struct job {
	int state;
	union {
		void (*func)(unsigned long data);
		void (*callback)(struct job *j);
	};
	unsigned long data;
	struct job_table *table;
};

static void job_cb(struct job *j)
{
	spin_lock(&j->table->lock);
	j->table->done++;
	spin_unlock(&j->table->lock);
}

static void job_fn(unsigned long data)
{
}

static void job_expire(struct timer_list *t)
{
	struct job *j = (struct job *)t;

	j->callback(j);
}

void job_run_legacy(struct job *j)
{
	j->func(j->data);
}

void job_init(struct job *j, struct job *legacy, struct timer_list *t)
{
	j->callback = job_cb;
	legacy->func = job_fn;
	timer_setup(t, job_expire, 0);
	spin_lock_bh(&j->table->lock);
	j->table->done = 0;
	spin_unlock_bh(&j->table->lock);
}
/*
 * check-name: a call through one member of a union calls what is stored in that member only
 * check-options: --all-locks
 *
 * check-output-start
 * check-output-end
 */
