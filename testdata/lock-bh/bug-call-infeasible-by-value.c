/*
 * ok-call-infeasible-by-value.c with free_frame() passing a value that
 * is no constant: the handler may run with BH enabled.
 */
struct sk_buff;
struct link { spinlock_t teardown_lock; int pending; struct timer_list timer; };

static void teardown_tx_handle(struct link *l)
{
	spin_lock(&l->teardown_lock);
	l->pending--;
	spin_unlock(&l->teardown_lock);
}

static void report_used(struct link *l, struct sk_buff *skb, bool dropped)
{
	if (skb && !dropped)
		teardown_tx_handle(l);
}

void free_frame(struct link *l, struct sk_buff *skb)
{
	report_used(l, skb, l->pending > 0);
}

static void status_timer(struct timer_list *t)
{
	struct link *l = (struct link *)t;

	report_used(l, (struct sk_buff *)l, false);
}

void link_init(struct link *l)
{
	timer_setup(&l->timer, status_timer, 0);
}
/*
 * check-name: a call a caller's argument does not rule out
 * check-options: --all-locks
 *
 * check-output-start
bug-call-infeasible-by-value.c:10:9: error: lock struct link::teardown_lock taken with BH enabled here but also in softirq context: deadlock if the softirq interrupts its holder [mm-lock-softirq-unsafe]
 * check-output-end
 */
