/* The fix of commit 5df397dec7: delay the rmap of dirty file pages. */
static void zap_delayed(struct mmu_gather *tlb, struct vm_area_struct *vma,
			struct page *page, pte_t *pte, pte_t *start, unsigned long addr,
			spinlock_t *ptl)
{
	int force_flush = 0, delay_rmap = 0;
	pte_t ptent = ptep_get_and_clear_full(tlb->mm, addr, pte, tlb->fullmm);

	tlb_remove_tlb_entry(tlb, pte, addr);
	if (!PageAnon(page)) {
		if (pte_dirty(ptent)) {
			set_page_dirty(page);
			if (tlb_delay_rmap(tlb)) {
				delay_rmap = 1;
				force_flush = 1;
			}
		}
	}
	if (!delay_rmap)
		page_remove_rmap(page, vma, false);
	__tlb_remove_page(tlb, page, delay_rmap);
	if (force_flush) {
		tlb_flush_mmu_tlbonly(tlb);
		tlb_flush_rmaps(tlb, vma);
	}
	pte_unmap_unlock(start, ptl);
}
/*
 * check-name: 6.2 fix, rmap delayed with tlb_delay_rmap() and flushed before unlock
 *
 * check-output-start
 * check-output-end
 */
