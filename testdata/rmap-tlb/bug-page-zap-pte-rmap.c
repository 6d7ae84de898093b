/* The short-lived page_zap_pte_rmap() of the 6.2 merge window. */
static void zap_one(struct mmu_gather *tlb, struct page *page, pte_t *pte,
		    unsigned long addr)
{
	pte_t ptent = ptep_get_and_clear_full(tlb->mm, addr, pte, tlb->fullmm);

	if (!PageAnon(page) && pte_dirty(ptent))
		set_page_dirty(page);
	page_zap_pte_rmap(page);	/* BUG */
}
/*
 * check-name: interim page_zap_pte_rmap() name is covered
 *
 * check-output-start
bug-page-zap-pte-rmap.c:9:9: warning: rmap of a dirty file page removed by page_zap_pte_rmap() before the deferred TLB flush [mm-rmap-before-flush]
 * check-output-end
 */
