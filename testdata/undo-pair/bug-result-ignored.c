/* The result of swap_duplicate() is ignored: success is assumed. */
static bool unmap_ignored(struct mm_struct *mm, struct vm_area_struct *vma, pte_t *ptep,
			  unsigned long addr, swp_entry_t entry, bool busy)
{
	pte_t pteval = ptep_clear_flush(vma, addr, ptep);

	swap_duplicate(entry);
	if (busy) {
		set_pte_at(mm, addr, ptep, pteval);	/* BUG */
		return false;
	}
	return true;
}
/*
 * check-name: do called as a statement, its result unchecked, then an abort
 *
 * check-output-start
bug-result-ignored.c:9:17: warning: abort path after swap_duplicate() succeeded does not undo it [mm-undo-missing]
 * check-output-end
 */
