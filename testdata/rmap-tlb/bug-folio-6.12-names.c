/* 6.12 names, but without the tlb_delay_rmap() fix. */
static void zap_folio_ptes(struct mmu_gather *tlb, struct vm_area_struct *vma,
			   struct folio *folio, struct page *page, pte_t *pte,
			   unsigned int nr, unsigned long addr)
{
	pte_t ptent;

	if (!folio_test_anon(folio)) {
		ptent = get_and_clear_full_ptes(tlb->mm, addr, pte, nr, tlb->fullmm);
		if (pte_dirty(ptent))
			folio_mark_dirty(folio);
	} else {
		clear_full_ptes(tlb->mm, addr, pte, nr, tlb->fullmm);
	}
	tlb_remove_tlb_entries(tlb, pte, nr, addr);
	folio_remove_rmap_ptes(folio, page, nr, vma);	/* BUG */
	__tlb_remove_folio_pages(tlb, page, nr, false);
}
/*
 * check-name: rmap dropped before the deferred flush, 6.12 folio names
 *
 * check-output-start
bug-folio-6.12-names.c:16:9: warning: rmap of a dirty file page removed by folio_remove_rmap_ptes() before the deferred TLB flush [mm-rmap-before-flush]
 * check-output-end
 */
