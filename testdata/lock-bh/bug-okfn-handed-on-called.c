/*
 * As ok-okfn-handed-on-uncalled.c, but a call through nf_hook_state.okfn
 * with BH enabled is in the facts: the catalogue's bh_off_field row only
 * speaks for a member nobody calls, so the facts win, and rcv_finish()'s
 * plain lock, entered with BH enabled, meets rx_reset()'s _bh.
 */
struct sk_buff;
struct rx_table { spinlock_t lock; int packets; };
struct nf_hook_state {
	int (*okfn)(struct sk_buff *skb);
};
struct packet_type {
	int (*func)(struct sk_buff *skb, struct net_device *dev, struct packet_type *pt);
};

struct rx_table *rx_table_of(struct sk_buff *skb);
void hook_slow_list(struct sk_buff *skb, struct nf_hook_state *state);

static inline void hook_state_init(struct nf_hook_state *s, int (*okfn)(struct sk_buff *skb))
{
	s->okfn = okfn;
}

static inline void hook_list(struct sk_buff *skb, int (*okfn)(struct sk_buff *skb))
{
	struct nf_hook_state state;

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

void reinject(struct sk_buff *skb, struct nf_hook_state *state)
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
 * check-name: a bh_off_field member called with BH enabled in the facts
 * check-options: --all-locks
 *
 * check-output-start
bug-okfn-handed-on-called.c:36:9: warning: lock struct rx_table::lock taken with BH enabled here but with spin_lock_bh() elsewhere [mm-lock-bh-mixed]
 * check-output-end
 */
