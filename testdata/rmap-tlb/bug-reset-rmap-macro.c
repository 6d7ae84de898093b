/* The twin of fp-delay-rmap-macro.c: the macro stores 0, which resets the
 * flag (as tlb_flush_rmaps() does) and delays nothing, so the rmap of the
 * dirty page is removed before the deferred flush. */
struct gather { struct mm_struct *mm; unsigned int fullmm; unsigned int delayed_rmap; };
#define gather_reset_rmap(tlb) (((tlb)->delayed_rmap = 0), true)

static void zap_macro_reset(struct gather *tlb, struct vm_area_struct *vma,
			    struct folio *folio, struct page *page, pte_t *pte,
			    unsigned int nr, unsigned long addr, bool *force_flush)
{
	bool delay_rmap = false;
	pte_t ptent;

	if (!folio_test_anon(folio)) {
		ptent = get_and_clear_full_ptes(tlb->mm, addr, pte, nr, tlb->fullmm);
		if (pte_dirty(ptent)) {
			folio_mark_dirty(folio);
			if (gather_reset_rmap(tlb)) {
				delay_rmap = true;
				*force_flush = true;
			}
		}
	}
	if (!delay_rmap)
		folio_remove_rmap_ptes(folio, page, nr, vma);
}
/*
 * check-name: a macro that clears tlb->delayed_rmap is no delay
 *
 * check-output-start
bug-reset-rmap-macro.c:25:17: warning: rmap of a dirty file page removed by folio_remove_rmap_ptes() before the deferred TLB flush [mm-rmap-before-flush]
 * check-output-end
 */
