/*
 * A comment in Latin-1, not UTF-8 (été): the text is read as bytes.
 *
 * hostile-expect: cocci 1
 * hostile-expect: gcc 1
 * hostile-expect: sparse 1
 * hostile-expect: clang 1
 */
void ctx_flush(struct mm_struct *mm)
{
	spin_lock(&mm->context.lock);	/* BUG: à corriger */
	mm->context.flush_mm = 0;
	spin_unlock(&mm->context.lock);
}

void ctx_table(struct mm_struct *mm)
{
	spin_lock_bh(&mm->context.lock);
	do_work();
	spin_unlock_bh(&mm->context.lock);
}
