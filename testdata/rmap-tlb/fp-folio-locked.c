/* 6.12 migrate_vma_collect_pmd(): the folio stays locked from before the
 * clear until after the flush, and folio_mkclean() callers hold that lock
 * (false alarm fixed, see kernels/6.12.ledger). */
static void collect_one(struct vm_area_struct *vma, struct folio *folio,
			struct page *page, pte_t *ptep, unsigned long addr)
{
	pte_t pte;

	if (folio_trylock(folio)) {
		pte = ptep_get_and_clear(vma->vm_mm, addr, ptep);
		if (pte_present(pte) && pte_dirty(pte))
			folio_mark_dirty(folio);
		folio_remove_rmap_pte(folio, page, vma);
		folio_put(folio);
	}
	flush_tlb_range(vma, addr, addr + PAGE_SIZE);
}
/*
 * check-name: folio locked across clear, rmap removal and flush is not reported
 *
 * check-output-start
 * check-output-end
 */
