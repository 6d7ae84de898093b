/* Dirtied as a page, its rmap removed through page_folio(). */
static void unmap_one_pte(struct vm_area_struct *vma, struct page *page,
			  pte_t *ptep, unsigned long addr)
{
	pte_t old = ptep_clear(vma->vm_mm, addr, ptep);

	if (pte_dirty(old))
		set_page_dirty(page);
	folio_remove_rmap_pte(page_folio(page), page, vma);	/* BUG */
	flush_tlb_range(vma, addr, addr + PAGE_SIZE);
}
/*
 * check-name: page dirtied, folio rmap removed through page_folio(), flush too late
 *
 * check-output-start
bug-page-folio-mix.c:9:9: warning: rmap of a dirty file page removed by folio_remove_rmap_pte() before the deferred TLB flush [mm-rmap-before-flush]
 * check-output-end
 */
