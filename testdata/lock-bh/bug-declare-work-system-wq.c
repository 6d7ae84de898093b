/*
 * The twin of ok-bh-workqueue-declare-work-system.c: the DECLARE_WORK()
 * item is queued on system_wq, whose workers run in process context
 * with BH enabled, so the plain acquisition in poll_fn() meets the _bh
 * one.
 */
struct work_struct { unsigned long data; void (*func)(struct work_struct *w); };
struct workqueue_struct;
extern struct workqueue_struct *system_wq;
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
	queue_work(system_wq, &poll_work);
}
/*
 * check-name: a DECLARE_WORK() item queued on system_wq
 * check-options: --all-locks
 *
 * check-output-start
bug-declare-work-system-wq.c:17:9: warning: lock struct poll_dev::lock taken with BH enabled here but with spin_lock_bh() elsewhere [mm-lock-bh-mixed]
 * check-output-end
 */
