/*
 * Like 7.2's set_pmd_migration_entry(): a present entry is invalidated
 * with a flush (pmdp_invalidate()); a non-present one (a device-private
 * entry, which no TLB caches) is cleared without one.  The folio is
 * dirtied only under the same 'present', so the unflushed clear never
 * meets the dirtying.  The compiled engines' path walker keeps what the
 * branches of a path said of a value tested twice (core/paths.c), through
 * likely()'s __builtin_expect() and the bool's conversions; Coccinelle
 * does not relate the two tests (a false alarm of cocci on 7.2
 * mm/huge_memory.c, kernels/7.2.ledger; the compiled engines do not build
 * that file in defconfig).  Twin: bug-present-not-retested.c.
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

	if (present && pmd_dirty(pmdval))
		folio_mark_dirty(folio);
	folio_remove_rmap_pmd(folio, page, vma);
	return 0;
}
/*
 * check-name: an unflushed clear only where nothing is dirtied (correlated tests)
 * check-known-to-fail: clang-16 libclang before 17 names no operator, and gives a macro body's tokens the place of the expansion: likely()'s !! is not read
 *
 * check-output-start
 * check-output-end
 */
