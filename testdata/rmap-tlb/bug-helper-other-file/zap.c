/*
 * The rmap removal is in a helper that another file defines: the compiled
 * engines see it through the units' facts, Coccinelle through the driver's
 * summaries of the run's other files (-D summaries).
 */
void drop_file_rmap(struct page *page, struct vm_area_struct *vma);

void zap_one(struct mmu_gather *tlb, struct vm_area_struct *vma, struct page *page,
	     pte_t *pte, unsigned long addr)
{
	pte_t ptent = ptep_get_and_clear_full(tlb->mm, addr, pte, tlb->fullmm);

	if (pte_dirty(ptent))
		set_page_dirty(page);
	drop_file_rmap(page, vma);	/* BUG */
	tlb_flush_mmu(tlb);
}
/*
 * check-name: rmap removed in a helper of another file, called before the flush
 *
 * check-output-start
zap.c:15:9: warning: rmap of a dirty file page removed by drop_file_rmap() before the deferred TLB flush [mm-rmap-before-flush]
 * check-output-end
 */
