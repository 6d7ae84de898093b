/* Before the 2022 fix: swap_duplicate() not undone when arch_unmap_one() fails. */
static bool unmap_swap(struct mm_struct *mm, struct vm_area_struct *vma, pte_t *ptep,
		       unsigned long addr, swp_entry_t entry)
{
	pte_t pteval = ptep_clear_flush(vma, addr, ptep);

	if (swap_duplicate(entry) < 0) {
		set_pte_at(mm, addr, ptep, pteval);
		return false;
	}
	if (arch_unmap_one(mm, vma, addr, pteval) < 0) {
		set_pte_at(mm, addr, ptep, pteval);	/* BUG */
		return false;
	}
	set_pte_at(mm, addr, ptep, swp_entry_to_pte(entry));
	return true;
}
/*
 * check-name: swap_duplicate() without swap_free() on the arch_unmap_one() failure
 *
 * check-output-start
bug-swap-dup-no-free.c:12:17: warning: abort path after swap_duplicate() succeeded does not undo it [mm-undo-missing]
 * check-output-end
 */
