/* The abort only sets ret = false and leaves; arch_unmap_one() saved
 * state for the PTE that nothing restores. */
static bool unmap_busy(struct mm_struct *mm, struct vm_area_struct *vma, pte_t *ptep,
		       unsigned long addr, swp_entry_t entry, bool busy)
{
	bool ret = true;
	pte_t pteval = ptep_clear_flush(vma, addr, ptep);

	if (arch_unmap_one(mm, vma, addr, pteval) < 0) {
		set_pte_at(mm, addr, ptep, pteval);
		return false;
	}
	if (busy) {
		ret = false;
		goto out;
	}
	set_pte_at(mm, addr, ptep, swp_entry_to_pte(entry));
out:
	return ret;	/* BUG */
}
/*
 * check-name: ret = false, then a jump to a plain label that returns it
 *
 * check-output-start
bug-return-false-variable.c:19:16: warning: abort path after arch_unmap_one() succeeded does not undo it [mm-undo-missing]
 * check-output-end
 */
