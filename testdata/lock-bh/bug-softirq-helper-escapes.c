/*
 * The twin of ok-softirq-static-helper.c where the helper's address also
 * goes to a function outside the file: whoever that hands it to may call
 * it with BH enabled, so the helper is not known to run in softirq only,
 * and its plain spin_lock() meets the _bh in process context.  The
 * semantic patch, which sees the name used as a value, follows no helper
 * it cannot account for.
 */
struct tbl { spinlock_t lock; int n; };
struct obj { struct rcu_head rcu; struct tbl *t; };

void tbl_register_drop(void (*drop)(struct tbl *t));

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

void tbl_init(void)
{
	tbl_register_drop(tbl_drop);
}

void tbl_reset(struct tbl *t)
{
	spin_lock_bh(&t->lock);
	t->n = 0;
	spin_unlock_bh(&t->lock);
}
/*
 * check-name: a helper of an RCU callback whose address escapes the file
 * check-options: --all-locks
 *
 * check-output-start
bug-softirq-helper-escapes.c:16:9: error: lock struct tbl::lock taken with BH enabled here but also in softirq context: deadlock if the softirq interrupts its holder [mm-lock-softirq-unsafe]
bug-softirq-helper-escapes.c:16:9: warning: lock struct tbl::lock taken with BH enabled here but with spin_lock_bh() elsewhere [mm-lock-bh-mixed]
 * check-output-end
 */
