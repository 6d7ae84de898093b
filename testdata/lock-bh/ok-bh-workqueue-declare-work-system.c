/*
 * A DECLARE_WORK() item queued on system_bh_wq (a catalogue
 * bh_workqueue), as on a workqueue the code makes with WQ_BH
 * (ok-bh-workqueue-declare-work.c): its function runs in softirq, so
 * the plain acquisition in poll_fn() meets no acquisition with BH
 * enabled.  Twin: bug-declare-work-system-wq.c.
 */
struct work_struct { unsigned long data; void (*func)(struct work_struct *w); };
struct workqueue_struct;
extern struct workqueue_struct *system_bh_wq;
bool queue_work(struct workqueue_struct *wq, struct work_struct *w);
struct poll_dev { spinlock_t lock; int ready; };

static struct poll_dev *poll_dev;

static void poll_fn(struct work_struct *w)
{
	spin_lock(&poll_dev->lock);
	poll_dev->ready = 0;
	spin_unlock(&poll_dev->lock);
}

static DECLARE_WORK(poll_work, poll_fn);

void poll_kick(void)
{
	spin_lock_bh(&poll_dev->lock);
	poll_dev->ready = 1;
	spin_unlock_bh(&poll_dev->lock);
	queue_work(system_bh_wq, &poll_work);
}
/*
 * check-name: plain acquisition in a DECLARE_WORK() item's function, queued on system_bh_wq
 * check-options: --all-locks
 *
 * check-output-start
 * check-output-end
 */
