/* Like arch/s390/include/asm/tlbflush.h in 6.1. */
static inline void flush_mm_lazy(struct mm_struct *mm)
{
	spin_lock(&mm->context.lock);	/* BUG */
	if (mm->context.flush_mm)
		mm->context.flush_mm = 0;
	spin_unlock(&mm->context.lock);
}
/*
 * check-output-start
tlbflush.h:4:9: error: lock struct mm_struct::context.lock taken with BH enabled here but also in softirq context: deadlock if the softirq interrupts its holder [mm-lock-softirq-unsafe]
tlbflush.h:4:9: warning: lock struct mm_struct::context.lock taken with BH enabled here but with spin_lock_bh() elsewhere [mm-lock-bh-mixed]
 * check-output-end
 */
