/* Anon pages leave the loop iteration before the delay. */
static void zap_anon_first(struct mmu_gather *tlb, struct vm_area_struct *vma,
			   struct page **pages, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		if (PageAnon(pages[i])) {
			page_remove_rmap(pages[i], vma, false);
			continue;
		}
		if (tlb_delay_rmap(tlb))
			__tlb_remove_page(tlb, pages[i], true);
	}
}
/*
 * check-name: anon test that leaves the iteration guards the delay
 * check-rules: mm-delay-rmap-anon
 *
 * check-output-start
 * check-output-end
 */
