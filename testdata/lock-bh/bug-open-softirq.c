/*
 * A softirq action itself, registered with open_softirq() as net_rx_action()
 * is: what it calls runs in softirq context, so the plain acquisition in
 * process context can deadlock.
 */
DEFINE_SPINLOCK(rx_lock);
static int rx_pending;

static void rx_drain(void)
{
	spin_lock(&rx_lock);
	rx_pending = 0;
	spin_unlock(&rx_lock);
}

static void rx_action(void)
{
	rx_drain();
}

void rx_init(void)
{
	open_softirq(NET_RX_SOFTIRQ, rx_action);
}

void rx_reset(void)
{
	spin_lock(&rx_lock);	/* BUG */
	rx_pending = -1;
	spin_unlock(&rx_lock);
}
/*
 * check-name: a lock taken under an open_softirq() action and plainly in process context
 * check-options: --all-locks
 *
 * check-output-start
bug-open-softirq.c:28:9: error: lock rx_lock taken with BH enabled here but also in softirq context: deadlock if the softirq interrupts its holder [mm-lock-softirq-unsafe]
 * check-output-end
 */
