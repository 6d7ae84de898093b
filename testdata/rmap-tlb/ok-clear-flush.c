/* try_to_unmap_one(): ptep_clear_flush() flushes before the rmap goes. */
static void unmap_flushed(struct vm_area_struct *vma, struct folio *folio,
			  struct page *page, pte_t *ptep, unsigned long addr)
{
	pte_t pteval = ptep_clear_flush(vma, addr, ptep);

	if (pte_dirty(pteval))
		folio_mark_dirty(folio);
	folio_remove_rmap_pte(folio, page, vma);
	folio_put(folio);
}
/*
 * check-name: ptep_clear_flush() before the rmap removal is clean
 *
 * check-output-start
 * check-output-end
 */
