/*
 * The twin of bug-helper-other-file: the helper's body is in another file
 * too, but it flushes the deferred TLB entries before the removal.
 */
void flush_and_drop_rmap(struct mmu_gather *tlb, struct page *page,
			 struct vm_area_struct *vma);

void zap_one_via_flush(struct mmu_gather *tlb, struct vm_area_struct *vma,
		       struct page *page, pte_t *pte, unsigned long addr)
{
	pte_t ptent = ptep_get_and_clear_full(tlb->mm, addr, pte, tlb->fullmm);

	if (pte_dirty(ptent))
		set_page_dirty(page);
	flush_and_drop_rmap(tlb, page, vma);
}
/*
 * check-name: a helper of another file that flushes before it removes the rmap
 *
 * check-output-start
 * check-output-end
 */
