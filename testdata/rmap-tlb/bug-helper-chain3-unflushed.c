/*
 * The 7.2 split: the delay is three helpers down (do_zap_pte_range() ->
 * zap_present_ptes() -> zap_present_folio_ptes()), and the caller forgets
 * tlb_flush_rmaps() before it drops the page-table lock.
 */
static void zap_folio_ptes(struct mmu_gather *tlb, struct vm_area_struct *vma,
			   struct folio *folio, struct page *page, pte_t *pte,
			   unsigned int nr, unsigned long addr, bool *force_flush)
{
	bool delay_rmap = false;
	pte_t ptent;

	if (!folio_test_anon(folio)) {
		ptent = get_and_clear_full_ptes(tlb->mm, addr, pte, nr, tlb->fullmm);
		if (pte_dirty(ptent)) {
			folio_mark_dirty(folio);
			if (tlb_delay_rmap(tlb)) {
				delay_rmap = true;
				*force_flush = true;
			}
		}
	} else {
		clear_full_ptes(tlb->mm, addr, pte, nr, tlb->fullmm);
	}
	tlb_remove_tlb_entries(tlb, pte, nr, addr);
	if (!delay_rmap)
		folio_remove_rmap_ptes(folio, page, nr, vma);
	__tlb_remove_folio_pages(tlb, page, nr, delay_rmap);
}

static void zap_ptes(struct mmu_gather *tlb, struct vm_area_struct *vma,
		     struct folio *folio, struct page *page, pte_t *pte,
		     unsigned int nr, unsigned long addr, bool *force_flush)
{
	zap_folio_ptes(tlb, vma, folio, page, pte, nr, addr, force_flush);
}

static int do_zap(struct mmu_gather *tlb, struct vm_area_struct *vma,
		  struct folio *folio, struct page *page, pte_t *pte,
		  unsigned long addr, bool *force_flush)
{
	zap_ptes(tlb, vma, folio, page, pte, 1, addr, force_flush);
	return 1;
}

static void zap_range(struct mmu_gather *tlb, struct vm_area_struct *vma,
		      struct folio *folio, struct page *page, pte_t *start_pte,
		      unsigned long addr, spinlock_t *ptl)
{
	bool force_flush = false;

	do_zap(tlb, vma, folio, page, start_pte, addr, &force_flush);
	if (force_flush)
		tlb_flush_mmu_tlbonly(tlb);
	pte_unmap_unlock(start_pte, ptl);	/* BUG */
}
/*
 * check-name: rmap delayed three helpers down, never flushed by the caller
 *
 * check-output-start
bug-helper-chain3-unflushed.c:55:9: warning: page-table lock released by pte_unmap_unlock() with delayed rmaps not flushed by tlb_flush_rmaps() [mm-delay-rmap-unflushed]
 * check-output-end
 */
