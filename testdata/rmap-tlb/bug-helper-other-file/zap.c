/* The rmap removal is in a helper that another file defines: only the
 * whole-build check (the units' facts) sees both. */
void drop_file_rmap(struct page *page, struct vm_area_struct *vma);

void zap_one(struct mmu_gather *tlb, struct vm_area_struct *vma, struct page *page,
	     pte_t *pte, unsigned long addr)
{
	pte_t ptent = ptep_get_and_clear_full(tlb->mm, addr, pte, tlb->fullmm);

	if (pte_dirty(ptent))
		set_page_dirty(page);
	drop_file_rmap(page, vma);	/* BUG */
	tlb_flush_mmu(tlb);
}
/*
 * check-name: rmap removed in a helper of another file, called before the flush
 * check-known-to-fail: cocci a semantic patch reads one file at a time: the helper's body is in another
 *
 * check-output-start
zap.c:12:9: warning: rmap of a dirty file page removed by drop_file_rmap() before the deferred TLB flush [mm-rmap-before-flush]
 * check-output-end
 */
