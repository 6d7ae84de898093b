/*
 * ok-helper-chain-flushed.c with the caller's flush in a helper of its
 * own, as tools/mutate-kernel's benign edit of 6.12 zap_pte_range() has
 * it: the delay is two helpers down and the flush one helper down.  The
 * engines that follow helpers must see both (Coccinelle follows a file's
 * helpers that delay and that flush).
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

static void zap_flush_delayed(struct mmu_gather *tlb, struct vm_area_struct *vma)
{
	tlb_flush_mmu_tlbonly(tlb);
	tlb_flush_rmaps(tlb, vma);
}

static void zap_range(struct mmu_gather *tlb, struct vm_area_struct *vma,
		      struct folio *folio, struct page *page, pte_t *start_pte,
		      unsigned long addr, spinlock_t *ptl)
{
	bool force_flush = false;

	zap_ptes(tlb, vma, folio, page, start_pte, 1, addr, &force_flush);
	if (force_flush)
		zap_flush_delayed(tlb, vma);
	pte_unmap_unlock(start_pte, ptl);
}
/*
 * check-name: rmaps delayed two helpers down, flushed through a helper before the unlock
 *
 * check-output-start
 * check-output-end
 */
