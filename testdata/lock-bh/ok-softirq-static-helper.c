/*
 * An RCU callback hands the work to a static helper of the same file,
 * and nothing else calls the helper: its plain spin_lock() runs in
 * softirq only, the softirq side of the _bh in process context.  Every
 * engine follows the file's own helpers; the semantic patch too, as long
 * as the helper's name is used nowhere but in its calls.
 */
struct tbl { spinlock_t lock; int n; };
struct obj { struct rcu_head rcu; struct tbl *t; };

static void tbl_drop(struct tbl *t)
{
	spin_lock(&t->lock);
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

void tbl_reset(struct tbl *t)
{
	spin_lock_bh(&t->lock);
	t->n = 0;
	spin_unlock_bh(&t->lock);
}
/*
 * check-name: a static helper called only from an RCU callback
 * check-options: --all-locks
 *
 * check-output-start
 * check-output-end
 */
