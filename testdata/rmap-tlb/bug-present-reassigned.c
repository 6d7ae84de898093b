/*
 * A twin of fp-present-correlated.c: the value tested twice changes in
 * between (here to what the cleared entry says), so the second test no
 * longer keeps the unflushed clear apart from the dirtying.  The semantic
 * patch relates the two tests only when nothing assigns the value.
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

	present = pmd_dirty(pmdval);
	if (present && pmd_dirty(pmdval))
		folio_mark_dirty(folio);
	folio_remove_rmap_pmd(folio, page, vma);
	return 0;
}
/*
 * check-name: a value tested twice, assigned in between
 *
 * check-output-start
bug-present-reassigned.c:26:9: warning: rmap of a dirty file page removed by folio_remove_rmap_pmd() before the deferred TLB flush [mm-rmap-before-flush]
 * check-output-end
 */
