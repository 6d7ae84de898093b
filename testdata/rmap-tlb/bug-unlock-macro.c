/*
 * In the kernel pte_unmap_unlock() is a macro: a compiler sees only
 * spin_unlock() and pte_unmap().  The engines still know the page-table
 * lock's release by the name it is written with.
 */
void pte_unmap(pte_t *pte);
#define pte_unmap_unlock(pte, ptl)	do {		\
	spin_unlock(ptl);				\
	pte_unmap(pte);					\
} while (0)

static void zap_noflush_rmaps(struct mmu_gather *tlb, struct page *page,
			      pte_t *start, spinlock_t *ptl)
{
	if (!PageAnon(page) && tlb_delay_rmap(tlb))
		__tlb_remove_page(tlb, page, true);
	tlb_flush_mmu_tlbonly(tlb);
	pte_unmap_unlock(start, ptl);	/* BUG */
}
/*
 * check-name: pte_unmap_unlock() as the kernel's macro, delayed rmaps not flushed
 * check-rules: rmap-tlb
 *
 * check-output-start
bug-unlock-macro.c:18:9: warning: page-table lock released by pte_unmap_unlock() with delayed rmaps not flushed by tlb_flush_rmaps() [mm-delay-rmap-unflushed]
 * check-output-end
 */
