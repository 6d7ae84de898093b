/* powerpc takes page_table_lock plain ... */
void frag_get(struct mm_struct *mm)
{
	spin_lock(&mm->page_table_lock);
	do_work();
	spin_unlock(&mm->page_table_lock);
}
/*
 * check-name: acquisitions in two architectures never meet in one kernel
 *
 * check-output-start
 * check-output-end
 */
