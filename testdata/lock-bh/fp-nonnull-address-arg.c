/*
 * Like 7.2's __inet_check_established(): a helper kills the time-wait
 * entry itself only when its caller passes no place to return it
 * (twp == NULL).  Callers with BH enabled pass &tw, a local's address,
 * which is never NULL; the one that passes NULL disables BH around the
 * call.  So the bucket lock below is never taken with BH enabled.  The
 * compiled engines count the address of a local as a nonzero constant
 * argument, against the callee's branch on it (7.2 inet_twsk_kill() was a
 * false alarm before).  The per-file cocci rule follows no call into
 * check_established() and is silent.  Twin: bug-address-arg-may-be-null.c.
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

int hash_connect(struct tw *found)
{
	struct tw *tw = NULL;
	int ret;

	ret = check_established(found, &tw);
	local_bh_disable();
	check_established(found, NULL);
	local_bh_enable();
	return ret;
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
 * check-name: a callee's branch on a pointer its BH-enabled callers pass as an address
 * check-options: --all-locks
 *
 * check-output-start
 * check-output-end
 */
