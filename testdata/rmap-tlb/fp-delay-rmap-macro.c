/* 6.12 on x86: tlb_delay_rmap() is a macro, so a compiler sees only the
 * store to tlb->delayed_rmap (false alarm of the gcc engine, fixed). */
struct gather { struct mm_struct *mm; unsigned int fullmm; unsigned int delayed_rmap; };
#define gather_delay_rmap(tlb) (((tlb)->delayed_rmap = 1), true)

static void zap_macro_delay(struct gather *tlb, struct vm_area_struct *vma,
			    struct folio *folio, struct page *page, pte_t *pte,
			    unsigned int nr, unsigned long addr, bool *force_flush)
{
	bool delay_rmap = false;
	pte_t ptent;

	if (!folio_test_anon(folio)) {
		ptent = get_and_clear_full_ptes(tlb->mm, addr, pte, nr, tlb->fullmm);
		if (pte_dirty(ptent)) {
			folio_mark_dirty(folio);
			if (gather_delay_rmap(tlb)) {
				delay_rmap = true;
				*force_flush = true;
			}
		}
	}
	if (!delay_rmap)
		folio_remove_rmap_ptes(folio, page, nr, vma);
}
/* Clearing the flag (6.12 tlb_flush_rmaps(), tlb_gather_mmu()) is no delay. */
static void gather_reset(struct gather *tlb)
{
	tlb->delayed_rmap = 0;
}
/*
 * check-name: rmap delay through a macro that stores tlb->delayed_rmap
 * check-known-to-fail: clang-16 libclang before 17 names no operator, and gives a macro body's tokens the place of the expansion: the store to delayed_rmap in the macro is not read as one
 *
 * check-output-start
 * check-output-end
 */
