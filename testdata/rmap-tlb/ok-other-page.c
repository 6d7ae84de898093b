/* The page variable is reassigned: the removed rmap is another page's. */
static void zap_two(struct mmu_gather *tlb, struct vm_area_struct *vma,
		    struct page *page, struct page *next, pte_t *pte, unsigned long addr)
{
	pte_t ptent = ptep_get_and_clear_full(tlb->mm, addr, pte, tlb->fullmm);

	if (pte_dirty(ptent))
		set_page_dirty(page);
	page = next;
	page_remove_rmap(page, vma, false);
	tlb_flush_mmu(tlb);
}
/*
 * check-name: the rmap removed belongs to a different page
 *
 * check-output-start
 * check-output-end
 */
