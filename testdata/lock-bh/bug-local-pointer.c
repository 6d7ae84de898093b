/* The lock reached through a local pointer. */
void ctx_flush(struct mm_struct *mm)
{
	spinlock_t *lock = &mm->context.lock;

	spin_lock(lock);	/* BUG */
	mm->context.flush_mm = 0;
	spin_unlock(lock);
}

void ctx_table(struct mm_struct *mm)
{
	spin_lock_bh(&mm->context.lock);
	do_work();
	spin_unlock_bh(&mm->context.lock);
}
/*
 * check-name: plain acquisition through a local pointer to the lock
 *
 * check-output-start
bug-local-pointer.c:6:9: warning: lock struct mm_struct::context.lock taken with BH enabled here but with spin_lock_bh() elsewhere [mm-lock-bh-mixed]
 * check-output-end
 */
