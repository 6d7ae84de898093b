/* 6.10+ name of the undo. */
static bool unmap_nr(struct mm_struct *mm, struct vm_area_struct *vma, pte_t *ptep,
		     unsigned long addr, swp_entry_t entry, bool busy)
{
	pte_t pteval = ptep_clear_flush(vma, addr, ptep);

	if (swap_duplicate(entry) < 0)
		return false;
	if (busy) {
		swap_free_nr(entry, 1);
		set_pte_at(mm, addr, ptep, pteval);
		return false;
	}
	return true;
}
/*
 * check-name: swap_free_nr() undoes swap_duplicate()
 *
 * check-output-start
 * check-output-end
 */
