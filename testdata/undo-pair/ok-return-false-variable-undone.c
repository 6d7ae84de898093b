/* The abort undoes arch_unmap_one() before it sets ret = false. */
static bool unmap_busy_ok(struct mm_struct *mm, struct vm_area_struct *vma, pte_t *ptep,
			  unsigned long addr, swp_entry_t entry, bool busy)
{
	bool ret = true;
	pte_t pteval = ptep_clear_flush(vma, addr, ptep);

	if (arch_unmap_one(mm, vma, addr, pteval) < 0) {
		set_pte_at(mm, addr, ptep, pteval);
		return false;
	}
	if (busy) {
		arch_remap_one(mm, vma, addr, pteval);
		ret = false;
		goto out;
	}
	set_pte_at(mm, addr, ptep, swp_entry_to_pte(entry));
out:
	return ret;
}
/*
 * check-name: ret = false after the undo, then a jump to a plain label that returns it
 *
 * check-output-start
 * check-output-end
 */
