/* A helper of another file flushes the TLB before it removes the rmap. */
void flush_and_drop_rmap(struct mmu_gather *tlb, struct page *page,
			 struct vm_area_struct *vma)
{
	tlb_flush_mmu(tlb);
	page_remove_rmap(page, vma, false);
}
/*
 * check-output-start
 * check-output-end
 */
