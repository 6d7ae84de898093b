/* ret = swap_duplicate(); if (ret < 0) ...; later abort without swap_free(). */
static int unmap_ret(struct mm_struct *mm, struct vm_area_struct *vma, pte_t *ptep,
		     unsigned long addr, swp_entry_t entry, bool busy)
{
	int ret;
	pte_t pteval = ptep_get_and_clear(mm, addr, ptep);

	ret = swap_duplicate(entry);
	if (ret < 0) {
		set_pte_at(mm, addr, ptep, pteval);
		return ret;
	}
	if (busy) {
		set_ptes(mm, addr, ptep, pteval, 1);	/* BUG */
		return -EBUSY;
	}
	return 0;
}
/*
 * check-name: ret < 0 test through a variable, set_ptes() restore without swap_free()
 *
 * check-output-start
bug-ret-lt0-variable.c:14:17: warning: abort path after swap_duplicate() succeeded does not undo it [mm-undo-missing]
 * check-output-end
 */
