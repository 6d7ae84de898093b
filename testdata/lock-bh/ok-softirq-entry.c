/*
 * netif_receive_skb() runs in softirq (catalogue softirq_entry), so its
 * plain lock is the softirq side, and rx_stats_reset() rightly takes the
 * same lock with spin_lock_bh().
 */
struct sk_buff;
struct rx_stats { spinlock_t lock; unsigned long packets; };

struct rx_stats *rx_stats_of(struct sk_buff *skb);

int netif_receive_skb(struct sk_buff *skb)
{
	struct rx_stats *st = rx_stats_of(skb);

	spin_lock(&st->lock);
	st->packets++;
	spin_unlock(&st->lock);
	return 0;
}

void rx_stats_reset(struct rx_stats *st)
{
	spin_lock_bh(&st->lock);
	st->packets = 0;
	spin_unlock_bh(&st->lock);
}
/*
 * check-name: an exported softirq entry point's plain lock, _bh in process context
 * check-options: --all-locks
 *
 * check-output-start
 * check-output-end
 */
