/* Never taken with _bh anywhere: no mix, no finding. */
void user_a(struct mm_struct *mm)
{
	spin_lock(&mm->page_table_lock);
	do_work();
	spin_unlock(&mm->page_table_lock);
}

void user_b(struct mm_struct *mm)
{
	spin_lock(&mm->page_table_lock);
	do_work();
	spin_unlock(&mm->page_table_lock);
}
/*
 * check-name: a lock only ever taken plain is not reported
 *
 * check-output-start
 * check-output-end
 */
