/*
 * The twin of fp-in-softirq-branch.c with the branches swapped: the plain
 * acquisition is the one made outside softirq, with BH enabled, while the
 * timer takes the lock in softirq.  A context test disables nothing; only
 * its nonzero side runs with BH disabled.
 */
struct ring { spinlock_t producer_lock; int count; struct timer_list flush; };

static void ring_put(struct ring *r)
{
	if (in_softirq())
		spin_lock_bh(&r->producer_lock);
	else
		spin_lock(&r->producer_lock);
	r->count++;
	if (in_softirq())
		spin_unlock_bh(&r->producer_lock);
	else
		spin_unlock(&r->producer_lock);
}

void ring_release(struct ring *r)
{
	ring_put(r);
}

static void ring_flush(struct timer_list *t)
{
	ring_put((struct ring *)t);
}

void ring_init(struct ring *r)
{
	timer_setup(&r->flush, ring_flush, 0);
}
/*
 * check-name: a context test's zero side keeps BH as it was
 * check-options: --all-locks
 *
 * check-output-start
bug-in-softirq-branch-inverted.c:14:17: error: lock struct ring::producer_lock taken with BH enabled here but also in softirq context: deadlock if the softirq interrupts its holder [mm-lock-softirq-unsafe]
bug-in-softirq-branch-inverted.c:14:17: warning: lock struct ring::producer_lock taken with BH enabled here but with spin_lock_bh() elsewhere [mm-lock-bh-mixed]
 * check-output-end
 */
