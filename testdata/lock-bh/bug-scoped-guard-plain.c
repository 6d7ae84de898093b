/* scoped_guard(spinlock) with BH on, spin_lock_bh() elsewhere. */
void scoped_plain(struct mm_struct *mm)
{
	scoped_guard(spinlock, &mm->context.lock)	/* BUG */
		do_work();
}

void table(struct mm_struct *mm)
{
	spin_lock_bh(&mm->context.lock);
	do_work();
	spin_unlock_bh(&mm->context.lock);
}
/*
 * check-name: scoped_guard(spinlock) plain against spin_lock_bh()
 *
 * check-output-start
bug-scoped-guard-plain.c:4:9: warning: lock struct mm_struct::context.lock taken with BH enabled here but with spin_lock_bh() elsewhere [mm-lock-bh-mixed]
 * check-output-end
 */
