/* 6.12 BH workqueue: the work function runs in softirq. */
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
 * check-known-to-fail: sparse work items queued on system_bh_wq (6.9+) are not yet softirq context in the facts
 * check-name: plain acquisition in a work function queued on system_bh_wq
 * check-options: --all-locks
 * check-known-to-fail: gcc work items queued on system_bh_wq (6.9+) are not yet softirq context in the facts
 * check-known-to-fail: clang work items queued on system_bh_wq (6.9+) are not yet softirq context in the facts
 *
 * check-output-start
 * check-output-end
 */
