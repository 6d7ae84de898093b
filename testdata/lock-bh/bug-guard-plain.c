/* cleanup.h guards: guard(spinlock) plain, scoped_guard(spinlock_bh). */
void guarded(struct mm_struct *mm)
{
	guard(spinlock)(&mm->context.lock);	/* BUG */
	do_work();
}

void scoped(struct mm_struct *mm)
{
	scoped_guard(spinlock_bh, &mm->context.lock)
		do_work();
}
/*
 * check-name: guard(spinlock) against scoped_guard(spinlock_bh) on one lock
 *
 * check-output-start
bug-guard-plain.c:4:9: warning: lock struct mm_struct::context.lock taken with BH enabled here but with spinlock_bh() elsewhere [mm-lock-bh-mixed]
 * check-output-end
 */
