/* The helper of another file runs after the flush: nothing to report. */
void drop_file_rmap(struct page *page, struct vm_area_struct *vma);

void zap_one_flushed(struct mmu_gather *tlb, struct vm_area_struct *vma, struct page *page,
		     pte_t *pte, unsigned long addr)
{
	pte_t ptent = ptep_get_and_clear_full(tlb->mm, addr, pte, tlb->fullmm);

	if (pte_dirty(ptent))
		set_page_dirty(page);
	tlb_flush_mmu(tlb);
	drop_file_rmap(page, vma);
}
/*
 * check-name: rmap removed in a helper of another file, after the flush
 *
 * check-output-start
 * check-output-end
 */
