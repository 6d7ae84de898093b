/* 6.1 zap_pte_range(): a later iteration's device-private branch takes a
 * new page from a call and removes its rmap; that page was never dirtied
 * (false alarm of the gcc engine, fixed). */
struct page *pfn_swap_entry_to_page(swp_entry_t entry);

static void zap_mixed(struct mmu_gather *tlb, struct vm_area_struct *vma, pte_t *pte,
		      swp_entry_t entry, int n)
{
	struct page *page;
	pte_t ptent;
	int i;

	for (i = 0; i < n; i++) {
		if (pte_present(pte[i])) {
			page = vm_normal_page(vma, 0, pte[i]);
			ptent = ptep_get_and_clear_full(tlb->mm, 0, pte + i, tlb->fullmm);
			if (pte_dirty(ptent))
				set_page_dirty(page);
			tlb_flush_mmu(tlb);
			page_remove_rmap(page, vma, false);
			continue;
		}
		page = pfn_swap_entry_to_page(entry);
		page_remove_rmap(page, vma, false);
	}
}
/*
 * check-name: a page taken from a call is a new object, not the dirtied one
 *
 * check-output-start
 * check-output-end
 */
