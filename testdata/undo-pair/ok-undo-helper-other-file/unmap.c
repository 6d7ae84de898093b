/* The abort goes through a helper of another file that undoes first. */
void undo_unmap(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr,
		pte_t *ptep, pte_t orig);

void unmap_undone_by_helper(struct mm_struct *mm, struct vm_area_struct *vma, pte_t *ptep,
			    unsigned long addr, bool busy)
{
	pte_t orig = ptep_clear_flush(vma, addr, ptep);

	if (arch_unmap_one(mm, vma, addr, orig) < 0) {
		set_pte_at(mm, addr, ptep, orig);
		return;
	}
	if (busy)
		undo_unmap(mm, vma, addr, ptep, orig);
}
/*
 * check-name: abort through a helper of another file that undoes arch_unmap_one() first
 *
 * check-output-start
 * check-output-end
 */
