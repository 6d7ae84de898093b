/*
 * An #error, as a config the tree does not support hits: the compiled
 * engines see no code at all.
 *
 * hostile-expect: cocci 1
 * hostile-expect: gcc 2 could not check
 * hostile-expect: sparse 2 past its errors
 * hostile-expect: clang 2 could not check
 */
#error "this configuration is not supported"

void ctx_flush(struct mm_struct *mm)
{
	spin_lock(&mm->context.lock);	/* BUG */
	mm->context.flush_mm = 0;
	spin_unlock(&mm->context.lock);
}

void ctx_table(struct mm_struct *mm)
{
	spin_lock_bh(&mm->context.lock);
	do_work();
	spin_unlock_bh(&mm->context.lock);
}
