/* The proposed fix: undo with arch_remap_one() before restoring. */
static bool migrate_fixed(struct mm_struct *mm, struct vm_area_struct *vma,
			  struct page *subpage, pte_t *ptep, unsigned long address,
			  bool anon_exclusive)
{
	pte_t pteval = ptep_clear_flush(vma, address, ptep);

	if (arch_unmap_one(mm, vma, address, pteval) < 0) {
		set_pte_at(mm, address, ptep, pteval);
		return false;
	}
	if (anon_exclusive &&
	    folio_try_share_anon_rmap_pte(page_folio(subpage), subpage)) {
		arch_remap_one(mm, vma, address, pteval);
		set_pte_at(mm, address, ptep, pteval);
		return false;
	}
	return true;
}
/*
 * check-name: abort path with arch_remap_one() is clean
 *
 * check-output-start
 * check-output-end
 */
