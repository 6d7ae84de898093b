/*
 * An error sparse reports in the first of two functions.  Sparse clears
 * its error flag before each symbol it evaluates, so the sparse engine
 * once took the file for fully analysed: exit 0, no output.
 *
 * hostile-expect: cocci 1
 * hostile-expect: gcc 2 could not check
 * hostile-expect: sparse 2 past its errors
 * hostile-expect: clang 2 could not check
 */
static int ctx_count(struct mm_struct *mm)
{
	return undefined_counter;
}

void ctx_flush(struct mm_struct *mm)
{
	spin_lock(&mm->context.lock);	/* BUG */
	mm->context.flush_mm = ctx_count(mm);
	spin_unlock(&mm->context.lock);
}

void ctx_table(struct mm_struct *mm)
{
	spin_lock_bh(&mm->context.lock);
	do_work();
	spin_unlock_bh(&mm->context.lock);
}
