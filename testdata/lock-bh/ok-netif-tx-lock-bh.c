/*
 * Like dev_watchdog_down(): netif_tx_lock_bh() is a helper that leaves BH
 * disabled, so the plain lock after it is safe against the watchdog timer.
 */
struct wdev { struct net_device *dev; spinlock_t watchdog_lock; struct timer_list timer; };

void watchdog_down(struct wdev *w)
{
	netif_tx_lock_bh(w->dev);
	spin_lock(&w->watchdog_lock);
	do_work();
	spin_unlock(&w->watchdog_lock);
	netif_tx_unlock_bh(w->dev);
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
 * check-name: a plain lock after netif_tx_lock_bh(), a helper that disables BH
 * check-options: --all-locks
 *
 * check-output-start
 * check-output-end
 */
