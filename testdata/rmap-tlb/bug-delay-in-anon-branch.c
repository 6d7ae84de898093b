/* The delay sits in the anon branch itself. */
static void zap_anon_delay(struct mmu_gather *tlb, struct folio *folio,
			   struct page *page, pte_t *pte, unsigned long addr)
{
	bool delay_rmap = false;

	get_and_clear_full_ptes(tlb->mm, addr, pte, 1, tlb->fullmm);
	if (folio_test_anon(folio)) {
		if (tlb_delay_rmap(tlb))	/* BUG */
			delay_rmap = true;
	}
	__tlb_remove_folio_pages(tlb, page, 1, delay_rmap);
}
/*
 * check-name: rmap delay inside the anon branch
 * check-rules: mm-delay-rmap-anon
 *
 * check-output-start
bug-delay-in-anon-branch.c:9:21: warning: rmap removal delayed by tlb_delay_rmap() for a page that may be anonymous [mm-delay-rmap-anon]
 * check-output-end
 */
