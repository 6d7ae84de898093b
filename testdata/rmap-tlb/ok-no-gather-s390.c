/*
 * The 6.1 zap_pte_range() loop built for s390: its mmu_gather never defers
 * the TLB flush (CONFIG_MMU_GATHER_NO_GATHER, catalogue no_deferred_flush),
 * so the PTE clear flushes and the rmap removal is safe (false alarm of the
 * plugin on 6.12 s390 mm/memory.c, fixed).
 */
#define CONFIG_MMU_GATHER_NO_GATHER 1

static unsigned long zap_ptes_s390(struct mmu_gather *tlb, struct vm_area_struct *vma,
				   pte_t *pte, unsigned long addr, unsigned long end)
{
	do {
		pte_t ptent = *pte;
		struct page *page = vm_normal_page(vma, addr, ptent);

		ptent = ptep_get_and_clear_full(tlb->mm, addr, pte, tlb->fullmm);
		if (!PageAnon(page) && pte_dirty(ptent))
			set_page_dirty(page);
		page_remove_rmap(page, vma, false);
	} while (pte++, addr += PAGE_SIZE, addr != end);
	tlb_flush_mmu_tlbonly(tlb);
	return addr;
}
/*
 * check-name: s390's mmu_gather flushes at once: no deferred clear
 * check-known-to-fail: cocci a semantic patch does not see the build's configuration
 *
 * check-output-start
 * check-output-end
 */
