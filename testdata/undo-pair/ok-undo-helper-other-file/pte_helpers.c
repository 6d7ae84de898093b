/* Another file's helper undoes arch_unmap_one() and puts the PTE back. */
void undo_unmap(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr,
		pte_t *ptep, pte_t orig)
{
	arch_remap_one(mm, vma, addr, orig);
	set_pte_at(mm, addr, ptep, orig);
}
/*
 * check-output-start
 * check-output-end
 */
