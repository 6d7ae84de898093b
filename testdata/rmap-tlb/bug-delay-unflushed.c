/* The TLB is flushed but the delayed rmaps never are. */
static void zap_noflush_rmaps(struct mmu_gather *tlb, struct page *page,
			      pte_t *start, spinlock_t *ptl)
{
	if (!PageAnon(page) && tlb_delay_rmap(tlb))
		__tlb_remove_page(tlb, page, true);
	tlb_flush_mmu_tlbonly(tlb);
	pte_unmap_unlock(start, ptl);	/* BUG */
}
/*
 * check-name: delayed rmaps not flushed before pte_unmap_unlock()
 * check-rules: rmap-tlb
 *
 * check-output-start
bug-delay-unflushed.c:8:9: warning: page-table lock released by pte_unmap_unlock() with delayed rmaps not flushed by tlb_flush_rmaps() [mm-delay-rmap-unflushed]
 * check-output-end
 */
