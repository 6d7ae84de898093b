/* The undo precedes the jump. */
static int unmap_label_ok(struct mm_struct *mm, struct vm_area_struct *vma, pte_t *ptep,
			  unsigned long addr, bool busy)
{
	pte_t orig = ptep_clear_flush(vma, addr, ptep);

	if (arch_unmap_one(mm, vma, addr, orig) < 0)
		goto fail;
	if (busy) {
		arch_remap_one(mm, vma, addr, orig);
		goto fail;
	}
	return 0;
fail:
	set_pte_at(mm, addr, ptep, orig);
	return -EAGAIN;
}
/*
 * check-name: goto fail after the undo is clean
 *
 * check-output-start
 * check-output-end
 */
