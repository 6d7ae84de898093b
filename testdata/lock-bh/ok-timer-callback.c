/* Plain in a timer callback (softirq, BH already off), _bh in process
 * context: the correct pattern, not a finding. */
struct dev { spinlock_t lock; struct timer_list timer; };

static void dev_timeout(struct timer_list *t)
{
	struct dev *d = (struct dev *)t;

	spin_lock(&d->lock);
	do_work();
	spin_unlock(&d->lock);
}

void dev_reset(struct dev *d)
{
	spin_lock_bh(&d->lock);
	do_work();
	spin_unlock_bh(&d->lock);
}

void dev_start(struct dev *d)
{
	timer_setup(&d->timer, dev_timeout, 0);
}
/*
 * check-name: plain acquisition in a timer callback is softirq context
 * check-options: --all-locks
 *
 * check-output-start
 * check-output-end
 */
