/*
 * A UTF-8 byte-order mark before the first line.  GCC skips it;
 * Coccinelle and sparse take it for code and cannot parse the file
 * (sparse still reports the finding it saw): not analysed, and said so.
 *
 * hostile-expect: cocci 2 could not parse
 * hostile-expect: gcc 1
 * hostile-expect: sparse 2 past its errors
 * hostile-expect: clang 1
 */
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
