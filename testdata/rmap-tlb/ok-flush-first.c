/* Flushing before the rmap removal is always fine. */
static void zap_flush_first(struct mmu_gather *tlb, struct vm_area_struct *vma,
			    struct page *page, pte_t *pte, unsigned long addr)
{
	pte_t ptent = ptep_get_and_clear_full(tlb->mm, addr, pte, tlb->fullmm);

	if (pte_dirty(ptent))
		set_page_dirty(page);
	tlb_flush_mmu(tlb);
	page_remove_rmap(page, vma, false);
}
/*
 * check-name: TLB flushed before the rmap removal
 *
 * check-output-start
 * check-output-end
 */
