/* try_to_unmap_one() in 6.1: arch_unmap_one() is not undone when
 * sharing the anon page fails afterwards. */
static bool unmap_one(struct mm_struct *mm, struct vm_area_struct *vma,
		      struct page *subpage, pte_t *ptep, unsigned long address,
		      swp_entry_t entry, bool anon_exclusive, void *pvmw)
{
	bool ret = true;
	pte_t pteval;

	while (page_vma_mapped_walk(pvmw)) {
		pteval = ptep_clear_flush(vma, address, ptep);
		if (swap_duplicate(entry) < 0) {
			set_pte_at(mm, address, ptep, pteval);
			ret = false;
			break;
		}
		if (arch_unmap_one(mm, vma, address, pteval) < 0) {
			swap_free(entry);
			set_pte_at(mm, address, ptep, pteval);
			ret = false;
			break;
		}
		if (anon_exclusive &&
		    folio_try_share_anon_rmap_pte(page_folio(subpage), subpage)) {
			swap_free(entry);
			set_pte_at(mm, address, ptep, pteval);	/* BUG */
			ret = false;
			break;
		}
		set_pte_at(mm, address, ptep, swp_entry_to_pte(entry));
	}
	return ret;
}
/*
 * check-name: 6.1 try_to_unmap_one(): arch_unmap_one() not undone on abort
 *
 * check-output-start
bug-try-to-unmap-6.1.c:26:25: warning: abort path after arch_unmap_one() succeeded does not undo it [mm-undo-missing]
 * check-output-end
 */
