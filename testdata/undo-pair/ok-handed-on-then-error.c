/* Once the swap PTE is installed, the page table owns the reference:
 * a later failure is not swap_duplicate()'s to undo. */
static int copy_swap_pte_then_count(struct mm_struct *dst_mm, pte_t *dst_pte,
				    unsigned long addr, swp_entry_t entry, int *rss)
{
	if (swap_duplicate(entry) < 0)
		return -EIO;
	set_pte_at(dst_mm, addr, dst_pte, swp_entry_to_pte(entry));
	if (!rss)
		return -EAGAIN;
	(*rss)++;
	return 0;
}
/*
 * check-name: a failure return after the swap PTE took the reference
 *
 * check-output-start
 * check-output-end
 */
