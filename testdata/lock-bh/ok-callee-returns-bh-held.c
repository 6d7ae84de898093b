/*
 * Like inet_csk_get_port() in 6.12: find_port() returns with the bucket
 * lock taken by spin_lock_bh(), the caller takes the second lock plainly
 * and later releases the first with spin_unlock_bh().  BH is disabled at
 * the plain acquisition, by the callee; the timer takes the same lock.
 */
struct bucket { spinlock_t lock; int port; };
struct table { struct bucket head, head2; struct timer_list timer; };

static struct bucket *find_port(struct table *t)
{
	spin_lock_bh(&t->head.lock);
	if (t->head.port)
		return &t->head;
	spin_unlock_bh(&t->head.lock);
	return NULL;
}

int get_port(struct table *t)
{
	struct bucket *head = find_port(t);

	if (!head)
		return -1;
	spin_lock(&t->head2.lock);
	__mmcheck_bh();
	t->head2.port = head->port;
	spin_unlock(&t->head2.lock);
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
 * check-name: a callee returns holding a _bh lock: the caller's plain lock is taken with BH off
 * check-options: --all-locks
 *
 * check-output-start
ok-callee-returns-bh-held.c:26:9: warning: BH disabled on every path [mm-debug]
 * check-output-end
 */
