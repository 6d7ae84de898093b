/*
 * Like sta_ps_start(): ieee80211_sta_ps_transition() is exported to
 * drivers, which the kernel-doc tells to call it with BH disabled
 * (catalogue bh_off_entry).  Its plain lock is then no SOFTIRQ-ON usage,
 * though the PS timer takes the same lock in softirq.
 */
struct ieee80211_sta;
struct ps_state { spinlock_t lock; int dozing; struct timer_list timer; };

struct ps_state *ps_of(struct ieee80211_sta *sta);

static void ps_start(struct ps_state *ps)
{
	spin_lock(&ps->lock);
	ps->dozing = 1;
	spin_unlock(&ps->lock);
}

int ieee80211_sta_ps_transition(struct ieee80211_sta *sta, bool start)
{
	if (start)
		ps_start(ps_of(sta));
	return 0;
}

static void ps_timeout(struct timer_list *t)
{
	struct ps_state *ps = (struct ps_state *)t;

	spin_lock(&ps->lock);
	ps->dozing = 0;
	spin_unlock(&ps->lock);
}

void ps_init(struct ps_state *ps)
{
	timer_setup(&ps->timer, ps_timeout, 0);
}
/*
 * check-name: an exported function documented to run with BH disabled
 * check-options: --all-locks
 *
 * check-output-start
 * check-output-end
 */
