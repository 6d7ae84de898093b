/*
 * The twin of ok-bh-workqueue-macro.c: the work item is queued on
 * system_wq, whose workers run in process context with BH enabled, so
 * its plain acquisition meets the _bh one.  Only a catalogue
 * bh_workqueue makes a work function softirq.
 */
struct work_struct { unsigned long data; void (*func)(struct work_struct *w); };
struct workqueue_struct;
extern struct workqueue_struct *system_wq;
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
	queue_work(system_wq, &h->finish_bh_work);
	spin_unlock_bh(&h->lock);
}
/*
 * check-name: a work function queued on a workqueue that is not BH
 * check-options: --all-locks
 *
 * check-output-start
bug-workqueue-not-bh.c:22:9: warning: lock struct host::lock taken with BH enabled here but with spin_lock_bh() elsewhere [mm-lock-bh-mixed]
 * check-output-end
 */
