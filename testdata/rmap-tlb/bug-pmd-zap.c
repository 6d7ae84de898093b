/* A PMD-mapped file folio zapped with the flush deferred. */
pmd_t pmdp_huge_get_and_clear_full(struct vm_area_struct *vma, unsigned long addr,
				   pmd_t *pmdp, int full);

static void zap_pmd(struct mmu_gather *tlb, struct vm_area_struct *vma,
		    struct folio *folio, pmd_t *pmd, unsigned long addr)
{
	pmd_t orig = pmdp_huge_get_and_clear_full(vma, addr, pmd, tlb->fullmm);

	(void)orig;
	folio_mark_dirty(folio);
	folio_remove_rmap_pmd(folio, &folio->page, vma);	/* BUG */
}
/*
 * check-name: PMD zap, folio dirtied and its rmap removed before the flush
 *
 * check-output-start
bug-pmd-zap.c:12:9: warning: rmap of a dirty file page removed by folio_remove_rmap_pmd() before the deferred TLB flush [mm-rmap-before-flush]
 * check-output-end
 */
