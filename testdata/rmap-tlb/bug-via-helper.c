/* The rmap removal hides in a helper: the compiled engines apply its summary. */
static void drop_rmap(struct page *page, struct vm_area_struct *vma)
{
	page_remove_rmap(page, vma, false);
}

static void zap_helper(struct mmu_gather *tlb, struct vm_area_struct *vma,
		       struct page *page, pte_t *pte, unsigned long addr)
{
	pte_t ptent = ptep_get_and_clear_full(tlb->mm, addr, pte, tlb->fullmm);

	if (pte_dirty(ptent))
		set_page_dirty(page);
	drop_rmap(page, vma);	/* BUG */
	tlb_flush_mmu(tlb);
}
/*
 * check-name: rmap removed in a helper called before the flush
 *
 * check-output-start
bug-via-helper.c:14:9: warning: rmap of a dirty file page removed by drop_rmap() before the deferred TLB flush [mm-rmap-before-flush]
 * check-output-end
 */
