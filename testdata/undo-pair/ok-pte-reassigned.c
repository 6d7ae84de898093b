/* The stored PTE is a new value (hwpoison entry), not the original. */
static void unmap_poison(struct mm_struct *mm, struct vm_area_struct *vma, pte_t *ptep,
			 unsigned long addr, swp_entry_t poison)
{
	pte_t pteval = ptep_clear_flush(vma, addr, ptep);

	if (arch_unmap_one(mm, vma, addr, pteval) < 0)
		return;
	pteval = swp_entry_to_pte(poison);
	set_pte_at(mm, addr, ptep, pteval);
}
/*
 * check-name: storing a new PTE value after success is not an abort
 *
 * check-output-start
 * check-output-end
 */
