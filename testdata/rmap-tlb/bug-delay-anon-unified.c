/* Delaying every page, anon included (the reverted "re-unification"). */
static void zap_delay_all(struct mmu_gather *tlb, struct vm_area_struct *vma,
			  struct page *page, pte_t *pte, unsigned long addr)
{
	bool delay_rmap = false;
	pte_t ptent = ptep_get_and_clear_full(tlb->mm, addr, pte, tlb->fullmm);

	if (!PageAnon(page) && pte_dirty(ptent))
		set_page_dirty(page);
	if (tlb_delay_rmap(tlb))	/* BUG */
		delay_rmap = true;
	if (!delay_rmap)
		page_remove_rmap(page, vma, false);
	__tlb_remove_page(tlb, page, delay_rmap);
}
/*
 * check-name: rmap delayed outside the file-only branch
 * check-rules: rmap-tlb
 *
 * check-output-start
bug-delay-anon-unified.c:10:13: warning: rmap removal delayed by tlb_delay_rmap() for a page that may be anonymous [mm-delay-rmap-anon]
 * check-output-end
 */
