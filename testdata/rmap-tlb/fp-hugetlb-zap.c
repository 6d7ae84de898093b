/* 6.1 __unmap_hugepage_range(): hugetlbfs has no writeback, so no
 * folio_mkclean() can miss the mapping (false alarm fixed, see
 * kernels/6.1.ledger). */
static void unmap_huge(struct mmu_gather *tlb, struct vm_area_struct *vma,
		       struct page *page, pte_t *ptep, unsigned long addr, spinlock_t *ptl)
{
	pte_t pte = huge_ptep_get_and_clear(tlb->mm, addr, ptep);

	if (pte_dirty(pte))
		set_page_dirty(page);
	page_remove_rmap(page, vma, true);
	spin_unlock(ptl);
}
/*
 * check-name: hugetlb zap (huge_ptep_get_and_clear) is not reported
 *
 * check-output-start
 * check-output-end
 */
