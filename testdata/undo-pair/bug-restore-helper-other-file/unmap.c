/* The abort restores the PTE through a helper of another file, after
 * arch_unmap_one() succeeded and without arch_remap_one(). */
void restore_pte(struct mm_struct *mm, unsigned long addr, pte_t *ptep, pte_t orig);

void unmap_via_helper(struct mm_struct *mm, struct vm_area_struct *vma, pte_t *ptep,
		      unsigned long addr, bool busy)
{
	pte_t orig = ptep_clear_flush(vma, addr, ptep);

	if (arch_unmap_one(mm, vma, addr, orig) < 0) {
		restore_pte(mm, addr, ptep, orig);
		return;
	}
	if (busy)
		restore_pte(mm, addr, ptep, orig);	/* BUG */
}
/*
 * check-name: abort restore in a helper of another file after arch_unmap_one() succeeded
 *
 * check-output-start
unmap.c:15:17: warning: abort path after arch_unmap_one() succeeded does not undo it [mm-undo-missing]
 * check-output-end
 */
