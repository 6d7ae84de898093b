/* Delays in a loop, flushed once after it, before the unlock. */
static void zap_loop_flush(struct mmu_gather *tlb, struct vm_area_struct *vma,
			   struct page **pages, int n, pte_t *start, spinlock_t *ptl)
{
	int i, force_flush = 0;

	for (i = 0; i < n; i++) {
		if (!PageAnon(pages[i]) && tlb_delay_rmap(tlb)) {
			__tlb_remove_page(tlb, pages[i], true);
			force_flush = 1;
		}
	}
	if (force_flush) {
		tlb_flush_mmu_tlbonly(tlb);
		tlb_flush_rmaps(tlb, vma);
	}
	pte_unmap_unlock(start, ptl);
}
/*
 * check-name: delayed rmaps flushed under if (force_flush) before the unlock
 * check-rules: mm-delay-rmap-unflushed
 *
 * check-output-start
 * check-output-end
 */
