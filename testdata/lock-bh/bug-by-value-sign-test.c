/*
 * A branch on a parameter's sign: if (mode >= 0) holds for mode = 1 as
 * well as for 0, so a caller passing 1 still takes the lock.  Only a test
 * for equality with 0 rules a constant out.
 */
struct stat_sock { spinlock_t lock; int count; struct timer_list timer; };

static void stat_account(struct stat_sock *s, int mode)
{
	if (mode >= 0) {
		spin_lock(&s->lock);
		s->count += mode;
		spin_unlock(&s->lock);
	}
}

static void stat_timer(struct timer_list *t)
{
	stat_account((struct stat_sock *)t, -1);
	stat_account((struct stat_sock *)t, 0);
}

void stat_init(struct stat_sock *s)
{
	timer_setup(&s->timer, stat_timer, 0);
}

void stat_add(struct stat_sock *s)
{
	stat_account(s, 1);
}
/*
 * check-name: a sign test does not rule out a nonzero constant
 * check-options: --all-locks
 *
 * check-output-start
bug-by-value-sign-test.c:11:17: error: lock struct stat_sock::lock taken with BH enabled here but also in softirq context: deadlock if the softirq interrupts its holder [mm-lock-softirq-unsafe]
 * check-output-end
 */
