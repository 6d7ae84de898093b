/* Like arch/s390/mm/pgalloc.c: the callback's end of the chain. */
void remove_table(struct mm_struct *mm)
{
	spin_lock_bh(&mm->context.lock);
	mm->context.flush_mm = 1;
	spin_unlock_bh(&mm->context.lock);
}

/* Like __tlb_flush_mm_lazy(): process context, BH enabled. */
void flush_lazy(struct mm_struct *mm)
{
	spin_lock(&mm->context.lock);	/* BUG */
	mm->context.flush_mm = 0;
	spin_unlock(&mm->context.lock);
}
/*
 * check-output-start
pgalloc.c:12:9: error: lock struct mm_struct::context.lock taken with BH enabled here but also in softirq context: deadlock if the softirq interrupts its holder [mm-lock-softirq-unsafe]
 * check-output-end
 */
