/*
 * The twin of ok-bh-workqueue-declare-work.c: the workqueue is made
 * without WQ_BH, so the functions of the global work items (one from
 * DECLARE_WORK(), one from INIT_WORK()) run in process context with BH
 * enabled, and their plain acquisitions meet the _bh one.
 */
struct work_struct { unsigned long data; void (*func)(struct work_struct *w); };
struct workqueue_struct;
enum wq_flags {
	WQ_BH		= 1 << 0,
	WQ_HIGHPRI	= 1 << 4,
	WQ_PERCPU	= 1 << 8,
};
struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags, int max_active, ...);
bool queue_work(struct workqueue_struct *wq, struct work_struct *w);
#define INIT_WORK(_work, _func)				\
	do {						\
		(_work)->data = 0;			\
		(_work)->func = (_func);		\
	} while (0)

struct proc_dev { spinlock_t lock; int pending; };

static struct proc_dev *proc_dev;
static struct workqueue_struct *proc_wq;

static void proc_fn(struct work_struct *w)
{
	spin_lock(&proc_dev->lock);
	proc_dev->pending = 0;
	spin_unlock(&proc_dev->lock);
}

static DECLARE_WORK(proc_work, proc_fn);
static struct work_struct reap_work;

static void reap_fn(struct work_struct *w)
{
	spin_lock(&proc_dev->lock);
	proc_dev->pending = -1;
	spin_unlock(&proc_dev->lock);
}

void proc_kick(void)
{
	spin_lock_bh(&proc_dev->lock);
	proc_dev->pending = 1;
	spin_unlock_bh(&proc_dev->lock);
	queue_work(proc_wq, &proc_work);
}

void proc_reap(void)
{
	queue_work(proc_wq, &reap_work);
}

int proc_init(void)
{
	proc_wq = alloc_workqueue("proc", WQ_HIGHPRI | WQ_PERCPU, 0);
	if (!proc_wq)
		return -ENOMEM;
	INIT_WORK(&reap_work, reap_fn);
	return 0;
}
/*
 * check-name: a DECLARE_WORK() item's function queued on a workqueue made without WQ_BH
 * check-options: --all-locks
 *
 * check-output-start
bug-declare-work-not-bh.c:29:9: warning: lock struct proc_dev::lock taken with BH enabled here but with spin_lock_bh() elsewhere [mm-lock-bh-mixed]
bug-declare-work-not-bh.c:39:9: warning: lock struct proc_dev::lock taken with BH enabled here but with spin_lock_bh() elsewhere [mm-lock-bh-mixed]
 * check-output-end
 */
