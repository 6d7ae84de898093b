/* The twin of bug-via-helper.c: the helper flushes before the removal. */
static void flush_and_drop(struct mmu_gather *tlb, struct page *page,
			   struct vm_area_struct *vma)
{
	tlb_flush_mmu(tlb);
	page_remove_rmap(page, vma, false);
}

static void zap_helper(struct mmu_gather *tlb, struct vm_area_struct *vma,
		       struct page *page, pte_t *pte, unsigned long addr)
{
	pte_t ptent = ptep_get_and_clear_full(tlb->mm, addr, pte, tlb->fullmm);

	if (pte_dirty(ptent))
		set_page_dirty(page);
	flush_and_drop(tlb, page, vma);
}
/*
 * check-name: a helper that flushes the TLB before it removes the rmap
 *
 * check-output-start
 * check-output-end
 */
