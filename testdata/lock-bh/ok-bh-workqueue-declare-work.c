/*
 * Work items that are globals, queued on a workqueue made with WQ_BH:
 * proc_work is defined with DECLARE_WORK(), a static initializer (7.2
 * fs/dlm/lowcomms.c: process_work on dlm's process_workqueue), reap_work
 * gets its function from INIT_WORK() at run time.  The engines name a
 * global work item as they name a global lock (proc_work@unit) where its
 * function is set (the initializer's .func) and where it is queued, so
 * both functions run in softirq and their plain acquisitions meet no
 * acquisition with BH enabled.  Twin: bug-declare-work-not-bh.c.
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
	proc_wq = alloc_workqueue("proc", WQ_HIGHPRI | WQ_BH | WQ_PERCPU, 0);
	if (!proc_wq)
		return -ENOMEM;
	INIT_WORK(&reap_work, reap_fn);
	return 0;
}
/*
 * check-name: plain acquisition in a DECLARE_WORK() item's function, queued on a workqueue made with WQ_BH
 * check-options: --all-locks
 * check-known-to-fail: clang-16 libclang before 17 names no operator, and gives a macro body's tokens the place of the expansion: the store in INIT_WORK() is not read
 *
 * check-output-start
 * check-output-end
 */
