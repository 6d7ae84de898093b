/*
 * The zap helper is static inline and called only after a do-while loop,
 * as 6.12's zap_present_ptes() is in zap_pte_range(): an engine that took
 * the code after the loop for unreachable would never look at the helper.
 */
static inline void zap_one(struct mmu_gather *tlb, struct vm_area_struct *vma,
			   struct page *page, pte_t *pte, unsigned long addr)
{
	pte_t ptent = ptep_get_and_clear_full(tlb->mm, addr, pte, tlb->fullmm);

	if (pte_dirty(ptent))
		set_page_dirty(page);
	page_remove_rmap(page, vma, false);	/* BUG */
	tlb_flush_mmu(tlb);
}

void zap_range(struct mmu_gather *tlb, struct vm_area_struct *vma,
	       struct page *page, pte_t *pte, unsigned long addr, unsigned long end)
{
	do {
		addr += 4096;
	} while (addr != end);
	zap_one(tlb, vma, page, pte, addr);
}
/*
 * check-name: a helper called only after a do-while loop is analysed
 *
 * check-output-start
bug-helper-after-do-while.c:13:9: warning: rmap of a dirty file page removed by page_remove_rmap() before the deferred TLB flush [mm-rmap-before-flush]
 * check-output-end
 */
