/*
 * Like 6.12's NF_HOOK_LIST(): the hook does not call its okfn but hands
 * it on to a helper that stores it in the hook state, and the one call
 * through that member, nf_reinject(), is in a module the build lacks
 * (nfnetlink_queue).  The catalogue says the kernel calls
 * nf_hook_state.okfn with BH disabled (bh_off_field), so rcv_finish(),
 * passed on twice, is not entered from anywhere with BH enabled: only the
 * receive softirq runs it.  (6.1 and 6.12: the ip_rcv_finish() chains.)
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

	spin_lock(&t->lock);
	t->packets++;
	spin_unlock(&t->lock);
	return 0;
}

static int rcv(struct sk_buff *skb, struct net_device *dev, struct packet_type *pt)
{
	hook_list(skb, rcv_finish);
	return 0;
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
 * check-name: an okfn handed on to a member the kernel calls with BH disabled
 * check-options: --all-locks
 *
 * check-output-start
 * check-output-end
 */
