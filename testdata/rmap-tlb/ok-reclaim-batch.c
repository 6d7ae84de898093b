/* Deferred through the reclaim batch, under the folio lock: not a bug. */
static void unmap_batched(struct vm_area_struct *vma, struct folio *folio,
			  struct page *page, pte_t *ptep, unsigned long addr)
{
	pte_t pteval = ptep_get_and_clear(vma->vm_mm, addr, ptep);

	set_tlb_ubc_flush_pending(vma->vm_mm, pte_dirty(pteval));
	if (pte_dirty(pteval))
		folio_mark_dirty(folio);
	folio_remove_rmap_pte(folio, page, vma);
}
/*
 * check-name: flush deferred through set_tlb_ubc_flush_pending() is accepted
 *
 * check-output-start
 * check-output-end
 */
