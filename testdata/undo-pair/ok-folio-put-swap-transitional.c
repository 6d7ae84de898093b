/* While swap_duplicate() and folio_put_swap() coexisted, the latter undoes it. */
static bool unmap_mixed(struct mm_struct *mm, struct vm_area_struct *vma,
			struct folio *folio, struct page *page, pte_t *ptep,
			unsigned long addr, swp_entry_t entry, bool busy)
{
	pte_t pteval = ptep_clear_flush(vma, addr, ptep);

	if (swap_duplicate(entry) < 0)
		return false;
	if (busy) {
		folio_put_swap(folio, page);
		set_pte_at(mm, addr, ptep, pteval);
		return false;
	}
	return true;
}
/*
 * check-name: folio_put_swap() accepted as the undo of swap_duplicate()
 *
 * check-output-start
 * check-output-end
 */
