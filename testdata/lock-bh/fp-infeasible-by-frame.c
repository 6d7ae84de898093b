/*
 * Like mac80211's ieee80211_tx_prepare_skb(): exported for frames a
 * driver builds itself (scan probe requests, station-mode nullfuncs) and
 * called from a work item with BH enabled.  Its handlers take a station's
 * PS lock only for a frame that can be buffered, which a driver-built
 * frame is not; the TX tasklet's frames can be, in softirq.  What a frame
 * is lies in its contents, which the facts do not hold: the catalogue
 * says so (process_cut ieee80211_tx_h_unicast_ps_buf
 * from=ieee80211_tx_prepare_skb), and the process-context walk from
 * ieee80211_tx_prepare_skb() does not enter the handler (6.1, 6.12 and
 * 7.2: tkip.c, tx.c).
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
	spin_lock(&tx->sta->ps_lock);
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
 * check-name: a lock a driver-built frame never reaches
 * check-options: --all-locks
 *
 * check-output-start
 * check-output-end
 */
