/*
 * A comment that never ends hides the rest of the file: no engine may
 * call what it could not read clean.
 *
 * hostile-expect: cocci 2 could not parse
 * hostile-expect: gcc 2 unterminated
 * hostile-expect: sparse 2 past its errors
 * hostile-expect: clang 2 unterminated
 */
void ctx_table(struct mm_struct *mm)
{
	spin_lock_bh(&mm->context.lock);
	/* the comment starts here
	spin_unlock_bh(&mm->context.lock);
}
