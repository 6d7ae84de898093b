/*
 * Like 6.12's xfrm4_rcv_encap_finish(): an inline okfn, only ever passed
 * to the hook, hands a second function on to a queue that stores it in
 * the skb's control block; the queue's worker calls it with BH disabled.
 * GCC emits an inline function whose address is taken, and the plugin
 * analyses it, so the second function is entered only there; sparse must
 * analyse such an inline too, or the second function has no caller at all
 * and counts as entered from anywhere with BH enabled.
 */
struct sk_buff { char cb[48]; };
struct rx_table { spinlock_t lock; int n; };
struct trans_cb { int (*finish)(struct sk_buff *skb); };

#define TRANS_CB(skb) ((struct trans_cb *)&(skb)->cb[0])

struct rx_table *rx_table_of(struct sk_buff *skb);

static int encap_finish2(struct sk_buff *skb)
{
	struct rx_table *t = rx_table_of(skb);

	spin_lock(&t->lock);
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
	local_bh_disable();
	TRANS_CB(skb)->finish(skb);
	local_bh_enable();
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
 * check-name: an inline okfn that hands a function on to a queue
 * check-options: --all-locks
 *
 * check-output-start
 * check-output-end
 */
