/*
 * The twin of bug-lock-param.c: the helper that locks its parameter is
 * only ever handed the page-table lock, which nothing takes with BH
 * disabled; the context lock is taken with spin_lock_bh() alone.  The
 * helper's acquisition has the class of what its caller passes, never
 * every lock of the type.
 */
static void lock_it(spinlock_t *l)
{
	spin_lock(l);
}

void caller(struct mm_struct *mm)
{
	lock_it(&mm->page_table_lock);
	do_work();
	spin_unlock(&mm->page_table_lock);
}

void table(struct mm_struct *mm)
{
	spin_lock_bh(&mm->context.lock);
	spin_unlock_bh(&mm->context.lock);
}
/*
 * check-name: a helper locks its parameter, handed a lock of another class
 *
 * check-output-start
 * check-output-end
 */
