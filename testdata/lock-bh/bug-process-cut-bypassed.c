/*
 * The twin of fp-infeasible-by-frame.c: the catalogue's process_cut row
 * says only that ieee80211_tx_prepare_skb()'s frames never reach the PS
 * buffer.  Here another exported function hands the handlers a frame of
 * its own with BH enabled, and that path is walked: the plain PS lock
 * meets the TX tasklet's.
 */
struct sk_buff { int frame_control; };
struct sta { spinlock_t ps_lock; int buffered; };
struct tx_data { struct sk_buff *skb; struct sta *sta; };
struct local { struct tasklet_struct tx_pending; struct tx_data pending; };

static int is_bufferable(const struct sk_buff *skb)
{
	return skb->frame_control & 0x8;
}

static void ieee80211_tx_h_unicast_ps_buf(struct tx_data *tx)
{
	if (!is_bufferable(tx->skb))
		return;
	spin_lock(&tx->sta->ps_lock);	/* BUG */
	tx->sta->buffered++;
	spin_unlock(&tx->sta->ps_lock);
}

static void invoke_tx_handlers(struct tx_data *tx)
{
	ieee80211_tx_h_unicast_ps_buf(tx);
}

bool ieee80211_tx_prepare_skb(struct tx_data *tx)
{
	invoke_tx_handlers(tx);
	return true;
}

void tx_frame_from_work(struct tx_data *tx)
{
	invoke_tx_handlers(tx);
}

static void tx_pending(struct tasklet_struct *t)
{
	struct local *local = (struct local *)t;

	invoke_tx_handlers(&local->pending);
}

void local_init(struct local *local)
{
	tasklet_setup(&local->tx_pending, tx_pending);
}
/*
 * check-name: a process-context path that does not come from the cut's entry is still walked
 * check-options: --all-locks
 *
 * check-output-start
bug-process-cut-bypassed.c:22:9: error: lock struct sta::ps_lock taken with BH enabled here but also in softirq context: deadlock if the softirq interrupts its holder [mm-lock-softirq-unsafe]
 * check-output-end
 */
