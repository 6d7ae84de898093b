/* 6.12 as it is: tlb_delay_rmap() is a macro storing to a one-bit
 * bitfield, which sparse writes as (old & ~mask) | (1 << shift)
 * (false alarm of the sparse engine on mm/memory.c, fixed). */
struct gather {
	struct mm_struct *mm;
	unsigned int fullmm : 1;
	unsigned int need_flush_all : 1;
	unsigned int delayed_rmap : 1;
};
#define gather_delay_rmap(tlb) (((tlb)->delayed_rmap = 1), true)

static void zap_bitfield_delay(struct gather *tlb, struct vm_area_struct *vma,
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
	tlb->need_flush_all = 1;	/* a store to another bit: no delay */
}
/*
 * check-name: rmap delay through a macro that sets a one-bit bitfield
 * check-known-to-fail: clang-16 libclang before 17 names no operator, and gives a macro body's tokens the place of the expansion: the store to delayed_rmap in the macro is not read as one
 *
 * check-output-start
 * check-output-end
 */
