/* Mainline names: folio_dup_swap() must be undone by folio_put_swap(). */
static bool unmap_folio(struct mm_struct *mm, struct vm_area_struct *vma,
			struct folio *folio, struct page *page, pte_t *ptep,
			unsigned long addr, bool busy)
{
	pte_t pteval = ptep_clear_flush(vma, addr, ptep);

	if (folio_dup_swap(folio, page) < 0) {
		set_pte_at(mm, addr, ptep, pteval);
		return false;
	}
	if (busy) {
		set_pte_at(mm, addr, ptep, pteval);	/* BUG */
		return false;
	}
	return true;
}
/*
 * check-name: folio_dup_swap() not undone by folio_put_swap() on abort
 *
 * check-output-start
bug-folio-dup-swap.c:13:17: warning: abort path after folio_dup_swap() succeeded does not undo it [mm-undo-missing]
 * check-output-end
 */
