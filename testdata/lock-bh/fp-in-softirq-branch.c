/*
 * Like 7.2's page_pool_producer_lock(): the same code runs in softirq and
 * in process context, and chooses the lock form by asking which:
 * in_softirq() ? spin_lock() : spin_lock_bh().  The plain acquisition is
 * only ever made with BH already disabled, so there is no mix and no
 * SOFTIRQ-ON usage (7.2 net/core/page_pool.c, a false alarm before the
 * catalogue's bh_test rows).  in_softirq() is the kernel's macro, a mask
 * of the preempt count, whose value is followed into the variable the
 * branch tests.  Twin: bug-in-softirq-branch-inverted.c.
 */
struct ring { spinlock_t producer_lock; int count; struct timer_list flush; };

static bool ring_lock(struct ring *r)
{
	bool softirq = in_softirq();

	if (softirq)
		spin_lock(&r->producer_lock);
	else
		spin_lock_bh(&r->producer_lock);
	return softirq;
}

static void ring_unlock(struct ring *r, bool softirq)
{
	if (softirq)
		spin_unlock(&r->producer_lock);
	else
		spin_unlock_bh(&r->producer_lock);
}

void ring_put(struct ring *r)
{
	bool softirq = ring_lock(r);

	r->count++;
	ring_unlock(r, softirq);
}

/* Process context, BH enabled: the _bh branch. */
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
 * check-name: a lock form chosen by in_softirq()
 * check-options: --all-locks
 * check-known-to-fail: clang-16 libclang before 17 names no operator, and gives a macro body's tokens the place of the expansion: the mask in in_softirq() is not read
 *
 * check-output-start
 * check-output-end
 */
