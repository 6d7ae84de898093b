/*
 * The plain acquisition takes the lock through a parameter: the compiled
 * engines give the helper's acquisition the class each caller passes
 * (lockarg facts), the semantic patch the class each call in the file
 * passes.  Twins: ok-lock-param-other-class.c,
 * bug-lock-param-chain.c, ok-lock-param-bh-off.c.
 */
static void lock_it(spinlock_t *l)
{
	spin_lock(l);
}

void caller(struct mm_struct *mm)
{
	lock_it(&mm->context.lock);	/* BUG */
	do_work();
	spin_unlock(&mm->context.lock);
}

void table(struct mm_struct *mm)
{
	spin_lock_bh(&mm->context.lock);
	spin_unlock_bh(&mm->context.lock);
}
/*
 * check-name: lock taken in a helper through a parameter
 *
 * check-output-start
bug-lock-param.c:10:9: warning: lock struct mm_struct::context.lock taken with BH enabled here but with spin_lock_bh() elsewhere [mm-lock-bh-mixed]
 * check-output-end
 */
