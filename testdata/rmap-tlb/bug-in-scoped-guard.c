/* Inside a scoped_guard() block, which Coccinelle 1.1 cannot parse unless
 * told it is an iterator: the function must not be skipped. */
static void zap_sg(struct mmu_gather *tlb, struct vm_area_struct *vma,
		   struct page *page, pte_t *pte, unsigned long addr, spinlock_t *l)
{
	pte_t ptent;

	scoped_guard(spinlock, l) {
		ptent = ptep_get_and_clear_full(tlb->mm, addr, pte, tlb->fullmm);
		if (pte_dirty(ptent))
			set_page_dirty(page);
		page_remove_rmap(page, vma, false);	/* BUG */
	}
}
/*
 * check-name: rmap dropped before the flush inside a scoped_guard() block
 *
 * check-output-start
bug-in-scoped-guard.c:12:17: warning: rmap of a dirty file page removed by page_remove_rmap() before the deferred TLB flush [mm-rmap-before-flush]
 * check-output-end
 */
