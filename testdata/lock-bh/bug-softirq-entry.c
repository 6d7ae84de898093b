/*
 * netif_receive_skb() is called by drivers from their NAPI poll, outside
 * the facts: the catalogue (softirq_entry) says it runs in softirq, so
 * the plain acquisition in rx_stats_reset() races with it.
 */
struct sk_buff;
struct rx_stats { spinlock_t lock; unsigned long packets; };

struct rx_stats *rx_stats_of(struct sk_buff *skb);

static void rx_count(struct sk_buff *skb)
{
	struct rx_stats *st = rx_stats_of(skb);

	spin_lock(&st->lock);
	st->packets++;
	spin_unlock(&st->lock);
}

int netif_receive_skb(struct sk_buff *skb)
{
	rx_count(skb);
	return 0;
}

void rx_stats_reset(struct rx_stats *st)
{
	spin_lock(&st->lock);	/* BUG */
	st->packets = 0;
	spin_unlock(&st->lock);
}
/*
 * check-name: a lock taken under an exported softirq entry point and plainly in process context
 * check-options: --all-locks
 *
 * check-output-start
bug-softirq-entry.c:28:9: error: lock struct rx_stats::lock taken with BH enabled here but also in softirq context: deadlock if the softirq interrupts its holder [mm-lock-softirq-unsafe]
 * check-output-end
 */
