/*
 * As ok-inline-okfn-passes-on.c, but the queue's worker calls what it
 * queued with BH enabled: encap_finish2(), handed on by an inline okfn
 * that only the hook's caller takes the address of, takes the table lock
 * plainly with BH enabled, and rx_reset() takes it with _bh.
 */
struct sk_buff { char cb[48]; };
struct rx_table { spinlock_t lock; int n; };
struct trans_cb { int (*finish)(struct sk_buff *skb); };

#define TRANS_CB(skb) ((struct trans_cb *)&(skb)->cb[0])

struct rx_table *rx_table_of(struct sk_buff *skb);

static int encap_finish2(struct sk_buff *skb)
{
	struct rx_table *t = rx_table_of(skb);

	spin_lock(&t->lock);	/* BUG */
	t->n++;
	spin_unlock(&t->lock);
	return 0;
}

int trans_queue(struct sk_buff *skb, int (*finish)(struct sk_buff *skb))
{
	TRANS_CB(skb)->finish = finish;
	return 0;
}

void trans_reinject(struct sk_buff *skb)
{
	TRANS_CB(skb)->finish(skb);
}

static inline int encap_finish(struct sk_buff *skb)
{
	return trans_queue(skb, encap_finish2);
}

static inline int hook(struct sk_buff *skb, int (*okfn)(struct sk_buff *skb))
{
	return okfn(skb);
}

int encap_rcv(struct sk_buff *skb)
{
	return hook(skb, encap_finish);
}

void rx_reset(struct rx_table *t)
{
	spin_lock_bh(&t->lock);
	t->n = 0;
	spin_unlock_bh(&t->lock);
}
/*
 * check-name: an inline okfn hands a function on to a queue run with BH enabled
 * check-options: --all-locks
 *
 * check-output-start
bug-inline-okfn-passes-on.c:19:9: warning: lock struct rx_table::lock taken with BH enabled here but with spin_lock_bh() elsewhere [mm-lock-bh-mixed]
 * check-output-end
 */
