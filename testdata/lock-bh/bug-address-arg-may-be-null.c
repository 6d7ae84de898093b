/*
 * The twin of fp-nonnull-address-arg.c: here the BH-enabled caller hands
 * on a pointer it was given, which may be NULL, so check_established()
 * may kill the entry itself and take the bucket lock with BH enabled,
 * while the timer takes it in softirq.  Only the address of a local is
 * known to be non-NULL.
 */
struct bucket { spinlock_t lock; int entries; };
struct tw { struct bucket *b; };

static struct timer_list tw_timer;

static void tw_kill(struct tw *tw)
{
	spin_lock(&tw->b->lock);
	tw->b->entries--;
	spin_unlock(&tw->b->lock);
}

static int check_established(struct tw *found, struct tw **twp)
{
	if (twp)
		*twp = found;
	else if (found)
		tw_kill(found);
	return 0;
}

int hash_connect(struct tw *found, struct tw **twp)
{
	return check_established(found, twp);
}

static void tw_timeout(struct timer_list *t)
{
	tw_kill((struct tw *)t);
}

void tw_init(void)
{
	timer_setup(&tw_timer, tw_timeout, 0);
}
/*
 * check-name: a callee's branch on a pointer argument that may be NULL
 * check-options: --all-locks
 *
 * check-output-start
bug-address-arg-may-be-null.c:15:9: error: lock struct bucket::lock taken with BH enabled here but also in softirq context: deadlock if the softirq interrupts its holder [mm-lock-softirq-unsafe]
 * check-output-end
 */
