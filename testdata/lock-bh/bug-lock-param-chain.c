/*
 * A lock handed on through two helpers: caller() passes the context lock
 * to lock_mm_context(), which passes it to lock_it(), which takes it with
 * BH enabled; table() takes the same class with spin_lock_bh().  The
 * acquisition is in lock_it(), two calls from where the class is named.
 */
static void lock_it(spinlock_t *l)
{
	spin_lock(l);
}

static void lock_mm_context(spinlock_t *l, int nested)
{
	if (nested)
		return;
	lock_it(l);
}

void caller(struct mm_struct *mm)
{
	lock_mm_context(&mm->context.lock, 0);
	do_work();
	spin_unlock(&mm->context.lock);
}

void table(struct mm_struct *mm)
{
	spin_lock_bh(&mm->context.lock);
	spin_unlock_bh(&mm->context.lock);
}
/*
 * check-name: a lock handed on through two helpers
 *
 * check-output-start
bug-lock-param-chain.c:9:9: warning: lock struct mm_struct::context.lock taken with BH enabled here but with spin_lock_bh() elsewhere [mm-lock-bh-mixed]
 * check-output-end
 */
