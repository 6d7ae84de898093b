/*
 * Like ok-callee-returns-bh-held.c, but the callee that disables BH is
 * called on one path only: on the fast path nothing has disabled BH when
 * head2.lock is taken, and the later spin_unlock_bh() is skipped there
 * too.  The timer takes head2.lock in softirq context.
 */
struct bucket { spinlock_t lock; int port; };
struct table { struct bucket head, head2; struct timer_list timer; };

static struct bucket *find_port(struct table *t)
{
	spin_lock_bh(&t->head.lock);
	return &t->head;
}

int get_port(struct table *t, int fast)
{
	struct bucket *head = NULL;

	if (!fast)
		head = find_port(t);
	spin_lock(&t->head2.lock);	/* BUG */
	t->head2.port = fast;
	spin_unlock(&t->head2.lock);
	if (head)
		spin_unlock_bh(&head->lock);
	return 0;
}

static void table_expire(struct timer_list *tm)
{
	struct table *t = (struct table *)tm;

	spin_lock(&t->head2.lock);
	t->head2.port = 0;
	spin_unlock(&t->head2.lock);
}

void table_init(struct table *t)
{
	timer_setup(&t->timer, table_expire, 0);
}
/*
 * check-name: a callee disables BH on one path only: the plain lock is taken with BH enabled on the other
 * check-options: --all-locks
 *
 * check-output-start
bug-callee-bh-one-path.c:22:9: error: lock struct table::head2.lock taken with BH enabled here but also in softirq context: deadlock if the softirq interrupts its holder [mm-lock-softirq-unsafe]
 * check-output-end
 */
