/* Success tested through a variable. */
static int unmap_err(struct mm_struct *mm, struct vm_area_struct *vma, pte_t *ptep,
		     unsigned long addr, bool busy)
{
	int err;
	pte_t orig = ptep_clear_flush(vma, addr, ptep);

	err = arch_unmap_one(mm, vma, addr, orig);
	if (err)
		goto out;
	if (busy) {
		set_pte_at(mm, addr, ptep, orig);	/* BUG */
		err = -EBUSY;
	}
out:
	return err;
}
/*
 * check-name: err = arch_unmap_one(...); if (err) goto out; then an abort restore
 *
 * check-output-start
bug-err-variable.c:12:17: warning: abort path after arch_unmap_one() succeeded does not undo it [mm-undo-missing]
 * check-output-end
 */
