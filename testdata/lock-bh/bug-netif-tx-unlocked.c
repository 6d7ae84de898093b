/*
 * As ok-netif-tx-lock-bh.c, but the watchdog lock is taken after
 * netif_tx_unlock_bh() has enabled BH again: the timer can interrupt it.
 */
struct wdev { struct net_device *dev; spinlock_t watchdog_lock; struct timer_list timer; };

void watchdog_down(struct wdev *w)
{
	netif_tx_lock_bh(w->dev);
	do_work();
	netif_tx_unlock_bh(w->dev);
	spin_lock(&w->watchdog_lock);	/* BUG */
	do_work();
	spin_unlock(&w->watchdog_lock);
}

static void watchdog_fire(struct timer_list *t)
{
	struct wdev *w = (struct wdev *)t;

	spin_lock(&w->watchdog_lock);
	do_work();
	spin_unlock(&w->watchdog_lock);
}

void watchdog_init(struct wdev *w)
{
	timer_setup(&w->timer, watchdog_fire, 0);
}
/*
 * check-name: a plain lock after netif_tx_unlock_bh() has enabled BH again
 * check-options: --all-locks
 *
 * check-output-start
bug-netif-tx-unlocked.c:12:9: error: lock struct wdev::watchdog_lock taken with BH enabled here but also in softirq context: deadlock if the softirq interrupts its holder [mm-lock-softirq-unsafe]
 * check-output-end
 */
