/* Restoring when the "do" itself failed needs no undo. */
static bool unmap_fail(struct mm_struct *mm, struct vm_area_struct *vma, pte_t *ptep,
		       unsigned long addr)
{
	pte_t orig = ptep_clear_flush(vma, addr, ptep);

	if (arch_unmap_one(mm, vma, addr, orig) < 0) {
		set_pte_at(mm, addr, ptep, orig);
		return false;
	}
	return true;
}
/*
 * check-name: restore on the failure branch of the call itself
 *
 * check-output-start
 * check-output-end
 */
