/* After success, a jump to the abort label skips the undo. */
static int unmap_label(struct mm_struct *mm, struct vm_area_struct *vma, pte_t *ptep,
		       unsigned long addr, bool busy)
{
	pte_t orig = ptep_clear_flush(vma, addr, ptep);

	if (arch_unmap_one(mm, vma, addr, orig) < 0)
		goto fail;
	if (busy)
		goto abort;	/* BUG */
	return 0;
abort:
fail:
	set_pte_at(mm, addr, ptep, orig);
	return -EAGAIN;
}
/*
 * check-name: goto abort after arch_unmap_one() succeeded
 *
 * check-output-start
bug-goto-abort-label.c:10:17: warning: abort path after arch_unmap_one() succeeded does not undo it [mm-undo-missing]
 * check-output-end
 */
