/* Like arch/s390/include/asm/tlbflush.h in 6.1. */
static inline void flush_mm_lazy(struct mm_struct *mm)
{
	spin_lock_bh(&mm->context.lock);
	if (mm->context.flush_mm)
		mm->context.flush_mm = 0;
	spin_unlock_bh(&mm->context.lock);
}
/*
 * check-output-start
 * check-output-end
 */
