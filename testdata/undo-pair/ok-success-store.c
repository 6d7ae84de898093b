/* The success path installs the swap PTE: not a restore. */
static bool unmap_success(struct mm_struct *mm, struct vm_area_struct *vma, pte_t *ptep,
			  unsigned long addr, swp_entry_t entry)
{
	pte_t pteval = ptep_clear_flush(vma, addr, ptep);

	if (arch_unmap_one(mm, vma, addr, pteval) < 0) {
		set_pte_at(mm, addr, ptep, pteval);
		return false;
	}
	set_pte_at(mm, addr, ptep, swp_entry_to_pte(entry));
	return true;
}
/*
 * check-name: installing the swap PTE after success is the normal path
 *
 * check-output-start
 * check-output-end
 */
