/*
 * 6.12 BH workqueue: the work function runs in softirq.  The compiled
 * engines name the work item as they name a lock ("struct host::
 * finish_bh_work") where INIT_WORK() gives it its function and where it is
 * queued on a catalogue bh_workqueue.  INIT_WORK() is a function here;
 * ok-bh-workqueue-macro.c has the kernel's macro.  Twin:
 * bug-workqueue-not-bh.c.
 */
struct work_struct { unsigned long data; };
struct workqueue_struct;
extern struct workqueue_struct *system_bh_wq;
void INIT_WORK(struct work_struct *w, void (*fn)(struct work_struct *));
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
 * check-name: plain acquisition in a work function queued on system_bh_wq
 * check-options: --all-locks
 *
 * check-output-start
 * check-output-end
 */
