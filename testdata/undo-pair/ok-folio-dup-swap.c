static bool unmap_folio_ok(struct mm_struct *mm, struct vm_area_struct *vma,
			   struct folio *folio, struct page *page, pte_t *ptep,
			   unsigned long addr, bool busy)
{
	pte_t pteval = ptep_clear_flush(vma, addr, ptep);

	if (folio_dup_swap(folio, page) < 0) {
		set_pte_at(mm, addr, ptep, pteval);
		return false;
	}
	if (busy) {
		folio_put_swap(folio, page);
		set_pte_at(mm, addr, ptep, pteval);
		return false;
	}
	return true;
}
/*
 * check-name: folio_put_swap() undoes folio_dup_swap()
 *
 * check-output-start
 * check-output-end
 */
