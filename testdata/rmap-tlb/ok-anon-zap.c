/* An anon page is never dirtied through set_page_dirty() on zap. */
static void zap_anon(struct mmu_gather *tlb, struct vm_area_struct *vma,
		     struct page *page, pte_t *pte, unsigned long addr)
{
	pte_t ptent = ptep_get_and_clear_full(tlb->mm, addr, pte, tlb->fullmm);

	if (!PageAnon(page) && pte_dirty(ptent))
		return;
	page_remove_rmap(page, vma, false);
	__tlb_remove_page(tlb, page, false);
}
/*
 * check-name: anon page removed without dirtying is not reported
 *
 * check-output-start
 * check-output-end
 */
