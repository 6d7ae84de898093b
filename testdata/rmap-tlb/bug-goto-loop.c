/* A goto-driven loop, as zap_pte_range() restarts with 'goto again'. */
static void zap_again(struct mmu_gather *tlb, struct vm_area_struct *vma,
		      struct page **pages, pte_t *pte, int n)
{
	int i = 0;
	pte_t ptent;

again:
	ptent = ptep_get_and_clear_full(tlb->mm, 0, pte + i, tlb->fullmm);
	if (pte_dirty(ptent))
		set_page_dirty(pages[i]);
	page_remove_rmap(pages[i], vma, false);	/* BUG */
	if (++i < n)
		goto again;
	tlb_flush_mmu(tlb);
}
/*
 * check-name: goto-driven zap loop, rmap dropped before the flush at the end
 *
 * check-output-start
bug-goto-loop.c:12:9: warning: rmap of a dirty file page removed by page_remove_rmap() before the deferred TLB flush [mm-rmap-before-flush]
 * check-output-end
 */
