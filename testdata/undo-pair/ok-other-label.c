/* A jump to a label not named as an abort is not treated as one. */
static int unmap_out(struct mm_struct *mm, struct vm_area_struct *vma, pte_t *ptep,
		     unsigned long addr, bool done)
{
	pte_t orig = ptep_clear_flush(vma, addr, ptep);

	if (arch_unmap_one(mm, vma, addr, orig) < 0)
		return -EAGAIN;
	if (done)
		goto out;
	do_work();
out:
	return 0;
}
/*
 * check-name: goto out after success is not an abort
 *
 * check-output-start
 * check-output-end
 */
