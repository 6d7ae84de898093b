/*
 * The correct pattern with an open_softirq() action: plain in the softirq
 * action (BH is off there), spin_lock_bh() in process context.
 */
DEFINE_SPINLOCK(tx_lock);
static int tx_pending;

static void tx_action(void)
{
	spin_lock(&tx_lock);
	tx_pending = 0;
	spin_unlock(&tx_lock);
}

void tx_init(void)
{
	open_softirq(NET_RX_SOFTIRQ, tx_action);
}

void tx_queue(void)
{
	spin_lock_bh(&tx_lock);
	tx_pending++;
	spin_unlock_bh(&tx_lock);
}
/*
 * check-name: plain in an open_softirq() action, _bh in process context
 * check-options: --all-locks
 *
 * check-output-start
 * check-output-end
 */
