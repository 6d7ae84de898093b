/* A trylock holder with BH on is interrupted just the same. */
void try_ctx(struct mm_struct *mm)
{
	if (spin_trylock(&mm->context.lock)) {	/* BUG */
		do_work();
		spin_unlock(&mm->context.lock);
	}
}

void table(struct mm_struct *mm)
{
	spin_lock_bh(&mm->context.lock);
	do_work();
	spin_unlock_bh(&mm->context.lock);
}
/*
 * check-name: spin_trylock() with BH enabled against spin_lock_bh()
 *
 * check-output-start
bug-trylock.c:4:13: warning: lock struct mm_struct::context.lock taken with BH enabled here but with spin_lock_bh() elsewhere [mm-lock-bh-mixed]
 * check-output-end
 */
