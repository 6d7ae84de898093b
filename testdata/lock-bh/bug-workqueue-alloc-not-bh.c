/*
 * The twin of ok-bh-workqueue-alloc.c: the driver's workqueue is made
 * without WQ_BH, so its workers run in process context with BH enabled
 * and the plain acquisition in rx_work_fn() meets the _bh one.
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
	rx_wq = alloc_workqueue("rx", WQ_HIGHPRI | WQ_PERCPU, 0);
	if (!rx_wq)
		return -ENOMEM;
	return 0;
}
/*
 * check-name: a work function queued on a workqueue made without WQ_BH
 * check-options: --all-locks
 *
 * check-output-start
bug-workqueue-alloc-not-bh.c:29:9: warning: lock struct rx_ring::lock taken with BH enabled here but with spin_lock_bh() elsewhere [mm-lock-bh-mixed]
 * check-output-end
 */
