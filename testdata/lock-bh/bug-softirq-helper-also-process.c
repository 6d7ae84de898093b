/*
 * The twin of ok-softirq-static-helper.c: the helper the RCU callback
 * calls is also called from process context, with BH enabled, so its
 * plain spin_lock() can be interrupted by the callback on the same CPU.
 */
struct tbl { spinlock_t lock; int n; };
struct obj { struct rcu_head rcu; struct tbl *t; };

static void tbl_drop(struct tbl *t)
{
	spin_lock(&t->lock);	/* BUG */
	t->n--;
	spin_unlock(&t->lock);
}

static void obj_free_rcu(struct rcu_head *head)
{
	struct obj *o = (struct obj *)head;

	tbl_drop(o->t);
}

void obj_release(struct obj *o)
{
	call_rcu(&o->rcu, obj_free_rcu);
}

void tbl_put(struct tbl *t)
{
	tbl_drop(t);
}

void tbl_reset(struct tbl *t)
{
	spin_lock_bh(&t->lock);
	t->n = 0;
	spin_unlock_bh(&t->lock);
}
/*
 * check-name: a helper of an RCU callback also called with BH enabled
 * check-options: --all-locks
 *
 * check-output-start
bug-softirq-helper-also-process.c:11:9: error: lock struct tbl::lock taken with BH enabled here but also in softirq context: deadlock if the softirq interrupts its holder [mm-lock-softirq-unsafe]
bug-softirq-helper-also-process.c:11:9: warning: lock struct tbl::lock taken with BH enabled here but with spin_lock_bh() elsewhere [mm-lock-bh-mixed]
 * check-output-end
 */
