/*
 * A workqueue of the driver's own, made with WQ_BH (6.9+; dlm's
 * process_workqueue in 7.2 fs/dlm/lowcomms.c is one): its work functions
 * run in softirq, as system_bh_wq's do, so the plain acquisition in
 * rx_work_fn() meets no acquisition with BH enabled.  The engines read
 * the flags of the alloc_workqueue() call whose result is stored in the
 * global (catalogue bh_workqueue_alloc, and bh_workqueue WQ_BH bit=0).  Twin:
 * bug-workqueue-alloc-not-bh.c.
 */
struct work_struct { unsigned long data; void (*func)(struct work_struct *w); };
struct workqueue_struct;
enum wq_flags {
	WQ_BH		= 1 << 0,
	WQ_UNBOUND	= 1 << 1,
	WQ_HIGHPRI	= 1 << 4,
	WQ_PERCPU	= 1 << 8,
};
#define INIT_WORK(_work, _func)				\
	do {						\
		(_work)->data = 0;			\
		(_work)->func = (_func);		\
	} while (0)
struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags, int max_active, ...);
bool queue_work(struct workqueue_struct *wq, struct work_struct *w);
struct rx_ring { spinlock_t lock; struct work_struct rx_work; };

static struct workqueue_struct *rx_wq;

static void rx_work_fn(struct work_struct *t)
{
	struct rx_ring *r = (struct rx_ring *)t;

	spin_lock(&r->lock);
	do_work();
	spin_unlock(&r->lock);
}

void rx_kick(struct rx_ring *r)
{
	spin_lock_bh(&r->lock);
	queue_work(rx_wq, &r->rx_work);
	spin_unlock_bh(&r->lock);
}

int rx_init(struct rx_ring *r)
{
	INIT_WORK(&r->rx_work, rx_work_fn);
	rx_wq = alloc_workqueue("rx", WQ_HIGHPRI | WQ_BH | WQ_PERCPU, 0);
	if (!rx_wq)
		return -ENOMEM;
	return 0;
}
/*
 * check-name: plain acquisition in a work function queued on a workqueue made with WQ_BH
 * check-options: --all-locks
 * check-known-to-fail: clang-16 libclang before 17 names no operator, and gives a macro body's tokens the place of the expansion: the store in INIT_WORK() is not read
 *
 * check-output-start
 * check-output-end
 */
