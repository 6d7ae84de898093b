/*
 * ok-bh-workqueue.c with the kernel's INIT_WORK(), a macro that stores the
 * function in the work item's func member: the compiled engines read the
 * store (catalogue work_field work_struct.func) as the function form.
 */
struct work_struct { unsigned long data; void (*func)(struct work_struct *w); };
struct workqueue_struct;
extern struct workqueue_struct *system_bh_wq;
#define INIT_WORK(_work, _func)				\
	do {						\
		(_work)->data = 0;			\
		(_work)->func = (_func);		\
	} while (0)
bool queue_work(struct workqueue_struct *wq, struct work_struct *w);
struct host { spinlock_t lock; struct work_struct finish_bh_work; };

static void host_finish_bh_work(struct work_struct *t)
{
	struct host *h = (struct host *)t;

	spin_lock(&h->lock);
	do_work();
	spin_unlock(&h->lock);
}

void host_request(struct host *h)
{
	INIT_WORK(&h->finish_bh_work, host_finish_bh_work);
	spin_lock_bh(&h->lock);
	queue_work(system_bh_wq, &h->finish_bh_work);
	spin_unlock_bh(&h->lock);
}
/*
 * check-name: a work function given by the kernel's INIT_WORK() macro, queued on system_bh_wq
 * check-options: --all-locks
 * check-known-to-fail: clang-16 libclang before 17 names no operator, and gives a macro body's tokens the place of the expansion: the store in INIT_WORK() is not read
 *
 * check-output-start
 * check-output-end
 */
