/*
 * The twin of fp-present-correlated.c: the dirtying is not under the test
 * that chose the unflushed clear, so a non-present entry that was dirty is
 * cleared without a flush and dirtied: a path the walker must keep.
 */
pmd_t pmdp_invalidate(struct vm_area_struct *vma, unsigned long addr, pmd_t *pmdp);
pmd_t pmdp_huge_get_and_clear(struct mm_struct *mm, unsigned long addr, pmd_t *pmdp);
int pmd_present(pmd_t pmd);
int pmd_dirty(pmd_t pmd);

int set_migration_entry(struct vm_area_struct *vma, struct folio *folio, struct page *page,
			pmd_t *pmdp, unsigned long addr)
{
	bool present = pmd_present(*pmdp);
	pmd_t pmdval;

	if (likely(present))
		pmdval = pmdp_invalidate(vma, addr, pmdp);
	else
		pmdval = pmdp_huge_get_and_clear(vma->vm_mm, addr, pmdp);

	if (pmd_dirty(pmdval))
		folio_mark_dirty(folio);
	folio_remove_rmap_pmd(folio, page, vma);
	return 0;
}
/*
 * check-name: an unflushed clear and a dirtying that no second test keeps apart
 *
 * check-output-start
bug-present-not-retested.c:24:9: warning: rmap of a dirty file page removed by folio_remove_rmap_pmd() before the deferred TLB flush [mm-rmap-before-flush]
 * check-output-end
 */
