/* ... s390 with _bh: never in the same build. */
void crst_upgrade(struct mm_struct *mm)
{
	spin_lock_bh(&mm->page_table_lock);
	do_work();
	spin_unlock_bh(&mm->page_table_lock);
}
