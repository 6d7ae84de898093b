/* After the 2022 fix. */
static bool unmap_swap_ok(struct mm_struct *mm, struct vm_area_struct *vma, pte_t *ptep,
			  unsigned long addr, swp_entry_t entry)
{
	pte_t pteval = ptep_clear_flush(vma, addr, ptep);

	if (swap_duplicate(entry) < 0) {
		set_pte_at(mm, addr, ptep, pteval);
		return false;
	}
	if (arch_unmap_one(mm, vma, addr, pteval) < 0) {
		swap_free(entry);
		set_pte_at(mm, addr, ptep, pteval);
		return false;
	}
	set_pte_at(mm, addr, ptep, swp_entry_to_pte(entry));
	return true;
}
/*
 * check-name: swap_free() on the arch_unmap_one() failure path
 *
 * check-output-start
 * check-output-end
 */
