/*
 * bug-by-value-sign-test.c the other way round: the lock is taken only
 * if (mode < 0), and a caller passing 0 can never take it; the failure
 * edge of a sign test says its value is nonzero.
 */
struct stat_sock { spinlock_t lock; int count; struct timer_list timer; };

static void stat_account(struct stat_sock *s, int mode)
{
	if (mode < 0) {
		spin_lock(&s->lock);
		s->count += mode;
		spin_unlock(&s->lock);
	}
}

static void stat_timer(struct timer_list *t)
{
	stat_account((struct stat_sock *)t, -1);
}

void stat_init(struct stat_sock *s)
{
	timer_setup(&s->timer, stat_timer, 0);
}

void stat_add(struct stat_sock *s)
{
	stat_account(s, 0);
}
/*
 * check-name: a sign test's failure rules out the constant 0
 * check-options: --all-locks
 *
 * check-output-start
 * check-output-end
 */
