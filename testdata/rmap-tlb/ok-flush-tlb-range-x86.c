/*
 * Like 7.2's try_to_unmap_one(): the PTEs are cleared with
 * get_and_clear_ptes() and flushed at once with flush_tlb_range() unless
 * the reclaim batch takes the flush; only then is the folio dirtied and
 * its rmap removed.  On x86 flush_tlb_range() is a macro over
 * flush_tlb_mm_range(), which is all the compiled engines see (false
 * alarm of the gcc engine on 7.2 mm/rmap.c, fixed: catalogue tlb_flush
 * flush_tlb_mm_range).
 */
#define flush_tlb_range(vma, start, end) \
	flush_tlb_mm_range((vma)->vm_mm, start, end, 12, false)

static bool should_defer_flush(struct mm_struct *mm);

void unmap_ptes(struct vm_area_struct *vma, struct folio *folio, struct page *page,
		pte_t *ptep, unsigned long addr, unsigned int nr)
{
	unsigned long end = addr + nr * 4096UL;
	pte_t pteval = get_and_clear_ptes(vma->vm_mm, addr, ptep, nr);

	if (should_defer_flush(vma->vm_mm))
		set_tlb_ubc_flush_pending(vma->vm_mm, pte_dirty(pteval));
	else
		flush_tlb_range(vma, addr, end);
	if (pte_dirty(pteval))
		folio_mark_dirty(folio);
	folio_remove_rmap_ptes(folio, page, nr, vma);
}

static bool should_defer_flush(struct mm_struct *mm)
{
	return mm != NULL;
}
/*
 * check-name: x86's flush_tlb_range(), a macro over flush_tlb_mm_range(), flushes
 *
 * check-output-start
 * check-output-end
 */
