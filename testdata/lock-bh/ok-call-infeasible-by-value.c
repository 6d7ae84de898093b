/*
 * Like 6.12's ieee80211_report_used_skb(): the teardown handler, which
 * takes a lock plainly, is called only for a frame that was not dropped
 * (if (!dropped)), and the one caller that runs with BH enabled,
 * free_frame(), passes dropped = true.  The timer reports frames with
 * dropped = false and takes the lock in softirq: no process path does.
 * (Was a false alarm on 6.1 and 6.12: mac80211's status.c.)
 */
struct sk_buff;
struct link { spinlock_t teardown_lock; int pending; struct timer_list timer; };

static void teardown_tx_handle(struct link *l)
{
	spin_lock(&l->teardown_lock);
	l->pending--;
	spin_unlock(&l->teardown_lock);
}

static void report_used(struct link *l, struct sk_buff *skb, bool dropped)
{
	if (skb && !dropped)
		teardown_tx_handle(l);
}

void free_frame(struct link *l, struct sk_buff *skb)
{
	report_used(l, skb, true);
}

static void status_timer(struct timer_list *t)
{
	struct link *l = (struct link *)t;

	report_used(l, (struct sk_buff *)l, false);
}

void link_init(struct link *l)
{
	timer_setup(&l->timer, status_timer, 0);
}
/*
 * check-name: a call a caller's constant argument rules out
 * check-options: --all-locks
 *
 * check-output-start
 * check-output-end
 */
