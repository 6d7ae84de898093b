/*
 * ieee80211_sta_ps_transition() must be called with BH disabled
 * (catalogue bh_off_entry), but here a caller in the facts calls it with
 * BH enabled: the known caller counts, and ps_start()'s plain lock races
 * with the PS timer.
 */
struct ieee80211_sta;
struct ps_state { spinlock_t lock; int dozing; struct timer_list timer; };

struct ps_state *ps_of(struct ieee80211_sta *sta);

static void ps_start(struct ps_state *ps)
{
	spin_lock(&ps->lock);	/* BUG */
	ps->dozing = 1;
	spin_unlock(&ps->lock);
}

int ieee80211_sta_ps_transition(struct ieee80211_sta *sta, bool start)
{
	if (start)
		ps_start(ps_of(sta));
	return 0;
}

void drv_doze(struct ieee80211_sta *sta)
{
	ieee80211_sta_ps_transition(sta, true);
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
 * check-name: a function documented as BH-off, called with BH enabled by a known caller
 * check-options: --all-locks
 *
 * check-output-start
bug-bh-off-entry-caller.c:14:9: error: lock struct ps_state::lock taken with BH enabled here but also in softirq context: deadlock if the softirq interrupts its holder [mm-lock-softirq-unsafe]
 * check-output-end
 */
