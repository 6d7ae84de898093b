/*
 * Like 7.2's MAC Merge verification: ethtool_mmsv_event_handle() is
 * exported for drivers to call from their interrupt handlers ("Calling
 * context expects to have interrupts disabled"), so it takes the state
 * lock plainly, and the verify timer takes it with IRQs saved.  No caller
 * is in the tree's mm/ kernel/ fs/ net/; the catalogue's bh_off_entry row
 * says how it is entered.
 */
struct mmsv { spinlock_t lock; int status; struct timer_list verify_timer; };

void ethtool_mmsv_event_handle(struct mmsv *mmsv, int event)
{
	spin_lock(&mmsv->lock);
	mmsv->status = event;
	spin_unlock(&mmsv->lock);
}

static void mmsv_verify_timer(struct timer_list *t)
{
	struct mmsv *mmsv = (struct mmsv *)t;
	unsigned long flags;

	spin_lock_irqsave(&mmsv->lock, flags);
	mmsv->status = 0;
	spin_unlock_irqrestore(&mmsv->lock, flags);
}

void mmsv_init(struct mmsv *mmsv)
{
	timer_setup(&mmsv->verify_timer, mmsv_verify_timer, 0);
}
/*
 * check-name: an exported handler drivers call with interrupts disabled
 * check-options: --all-locks
 *
 * check-output-start
 * check-output-end
 */
