/* The 6.1 zap_pte_range() loop: rmap dropped while the flush is pending. */
static unsigned long zap_ptes(struct mmu_gather *tlb, struct vm_area_struct *vma,
			      pte_t *pte, unsigned long addr, unsigned long end)
{
	int force_flush = 0;

	do {
		pte_t ptent = *pte;
		struct page *page;

		if (!pte_present(ptent))
			continue;
		if (need_resched())
			break;
		page = vm_normal_page(vma, addr, ptent);
		ptent = ptep_get_and_clear_full(tlb->mm, addr, pte, tlb->fullmm);
		tlb_remove_tlb_entry(tlb, pte, addr);
		if (!PageAnon(page)) {
			if (pte_dirty(ptent)) {
				force_flush = 1;
				set_page_dirty(page);
			}
			if (pte_young(ptent))
				mark_page_accessed(page);
		}
		page_remove_rmap(page, vma, false);	/* BUG */
		if (unlikely(__tlb_remove_page(tlb, page, false))) {
			force_flush = 1;
			addr += PAGE_SIZE;
			break;
		}
	} while (pte++, addr += PAGE_SIZE, addr != end);

	if (force_flush)
		tlb_flush_mmu_tlbonly(tlb);
	return addr;
}
/*
 * check-name: rmap dropped before the deferred flush, 6.1 zap_pte_range() shape
 *
 * check-output-start
bug-zap-6.1-shape.c:26:17: warning: rmap of a dirty file page removed by page_remove_rmap() before the deferred TLB flush [mm-rmap-before-flush]
 * check-output-end
 */
