/* A clean page cannot lose dirty data: no dirtying, no report. */
static void zap_clean(struct mmu_gather *tlb, struct vm_area_struct *vma,
		      struct page *page, pte_t *pte, unsigned long addr)
{
	pte_t ptent = ptep_get_and_clear_full(tlb->mm, addr, pte, tlb->fullmm);

	if (pte_young(ptent))
		mark_page_accessed(page);
	page_remove_rmap(page, vma, false);
}
/*
 * check-name: clean page zapped without a delay is fine
 *
 * check-output-start
 * check-output-end
 */
