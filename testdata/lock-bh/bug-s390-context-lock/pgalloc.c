/* Like arch/s390/mm/pgalloc.c: the page-table lists use _bh. */
void page_table_take(struct mm_struct *mm)
{
	spin_lock_bh(&mm->context.lock);
	do_work();
	spin_unlock_bh(&mm->context.lock);
}

static void table_free_rcu(struct rcu_head *head)
{
	struct mm_struct *mm = (struct mm_struct *)head;

	spin_lock(&mm->context.lock);
	do_work();
	spin_unlock(&mm->context.lock);
}

/* Like page_table_free_rcu(): what makes the callback a callback. */
void table_free_later(struct mm_struct *mm, struct rcu_head *head)
{
	call_rcu(head, table_free_rcu);
}
/*
 * check-output-start
 * check-output-end
 */
