/*
 * Like mm/mmu_gather.c with s390's tables in 6.1: the RCU callback frees
 * page tables through a chain of calls that ends in the arch code.
 */
void remove_table(struct mm_struct *mm);

static void tlb_table_free(struct mm_struct *mm)
{
	remove_table(mm);
}

static void tlb_table_rcu(struct rcu_head *head)
{
	tlb_table_free((struct mm_struct *)head);
}

void tlb_table_flush(struct mm_struct *mm, struct rcu_head *head)
{
	call_rcu(head, tlb_table_rcu);
}
/*
 * check-name: lock taken plain in process context, and under an RCU callback
 * check-known-to-fail: cocci sees the _bh in remove_table() but not that only the RCU callback calls it: mixed, not unsafe
 *
 * check-output-start
 * check-output-end
 */
