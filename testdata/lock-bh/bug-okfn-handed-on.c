/*
 * The hook hands its okfn on to a helper that stores it in the hook state,
 * and reinject() calls through that member with BH enabled: followed
 * through both parameters and the member, rcv_finish()'s plain lock is
 * taken with BH enabled, and rx_reset() takes it with _bh.
 */
struct sk_buff;
struct rx_table { spinlock_t lock; int packets; };
struct hook_state {
	int (*okfn)(struct sk_buff *skb);
};
struct packet_type {
	int (*func)(struct sk_buff *skb, struct net_device *dev, struct packet_type *pt);
};

struct rx_table *rx_table_of(struct sk_buff *skb);
void hook_slow_list(struct sk_buff *skb, struct hook_state *state);

static inline void hook_state_init(struct hook_state *s, int (*okfn)(struct sk_buff *skb))
{
	s->okfn = okfn;
}

static inline void hook_list(struct sk_buff *skb, int (*okfn)(struct sk_buff *skb))
{
	struct hook_state state;

	hook_state_init(&state, okfn);
	hook_slow_list(skb, &state);
}

static int rcv_finish(struct sk_buff *skb)
{
	struct rx_table *t = rx_table_of(skb);

	spin_lock(&t->lock);	/* BUG */
	t->packets++;
	spin_unlock(&t->lock);
	return 0;
}

static int rcv(struct sk_buff *skb, struct net_device *dev, struct packet_type *pt)
{
	hook_list(skb, rcv_finish);
	return 0;
}

void reinject(struct sk_buff *skb, struct hook_state *state)
{
	state->okfn(skb);
}

void rcv_init(struct packet_type *pt)
{
	pt->func = rcv;
}

void rx_reset(struct rx_table *t)
{
	spin_lock_bh(&t->lock);
	t->packets = 0;
	spin_unlock_bh(&t->lock);
}
/*
 * check-name: an okfn handed on twice, called through the member with BH enabled
 * check-options: --all-locks
 *
 * check-output-start
bug-okfn-handed-on.c:36:9: warning: lock struct rx_table::lock taken with BH enabled here but with spin_lock_bh() elsewhere [mm-lock-bh-mixed]
 * check-output-end
 */
