/* 6.12 zap_present_folio_ptes(): delayed for dirty file folios only. */
static void zap_present(struct mmu_gather *tlb, struct vm_area_struct *vma,
			struct folio *folio, struct page *page, pte_t *pte,
			unsigned int nr, unsigned long addr, bool *force_flush)
{
	bool delay_rmap = false;
	pte_t ptent;

	if (!folio_test_anon(folio)) {
		ptent = get_and_clear_full_ptes(tlb->mm, addr, pte, nr, tlb->fullmm);
		if (pte_dirty(ptent)) {
			folio_mark_dirty(folio);
			if (tlb_delay_rmap(tlb)) {
				delay_rmap = true;
				*force_flush = true;
			}
		}
	} else {
		clear_full_ptes(tlb->mm, addr, pte, nr, tlb->fullmm);
	}
	tlb_remove_tlb_entries(tlb, pte, nr, addr);
	if (!delay_rmap)
		folio_remove_rmap_ptes(folio, page, nr, vma);
	__tlb_remove_folio_pages(tlb, page, nr, delay_rmap);
}
/*
 * check-name: 6.12 zap_present_folio_ptes() shape is clean
 *
 * check-output-start
 * check-output-end
 */
