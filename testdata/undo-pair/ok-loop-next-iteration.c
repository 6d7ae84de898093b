/* An abort in the next loop iteration, before its own "do", is not an
 * abort of the earlier success (the MADV_FREE path of try_to_unmap_one()). */
static bool unmap_loop(struct mm_struct *mm, struct vm_area_struct *vma, pte_t *ptep,
		       unsigned long addr, bool redirtied, void *pvmw)
{
	pte_t pteval;

	while (page_vma_mapped_walk(pvmw)) {
		pteval = ptep_clear_flush(vma, addr, ptep);
		if (redirtied) {
			set_pte_at(mm, addr, ptep, pteval);
			return false;
		}
		if (arch_unmap_one(mm, vma, addr, pteval) < 0) {
			set_pte_at(mm, addr, ptep, pteval);
			return false;
		}
	}
	return true;
}
/*
 * check-name: restore in a later loop iteration before the next arch_unmap_one()
 *
 * check-output-start
 * check-output-end
 */
