/*
 * The twin of bug-unlock-macro.c: tlb_flush_rmaps() before the macro
 * pte_unmap_unlock() releases the page-table lock.
 */
void pte_unmap(pte_t *pte);
#define pte_unmap_unlock(pte, ptl)	do {		\
	spin_unlock(ptl);				\
	pte_unmap(pte);					\
} while (0)

static void zap_flush_rmaps(struct mmu_gather *tlb, struct page *page,
			      pte_t *start, spinlock_t *ptl)
{
	if (!PageAnon(page) && tlb_delay_rmap(tlb))
		__tlb_remove_page(tlb, page, true);
	tlb_flush_mmu_tlbonly(tlb);
	tlb_flush_rmaps(tlb, NULL);
	pte_unmap_unlock(start, ptl);
}
/*
 * check-name: pte_unmap_unlock() as the kernel's macro, delayed rmaps flushed first
 * check-rules: rmap-tlb
 *
 * check-output-start
 * check-output-end
 */
