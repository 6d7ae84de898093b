/* Delay in the else branch of an anon test. */
static bool zap_else(struct mmu_gather *tlb, struct folio *folio)
{
	bool delay_rmap = false;

	if (folio_test_anon(folio)) {
		do_work();
	} else {
		if (tlb_delay_rmap(tlb))
			delay_rmap = true;
	}
	return delay_rmap;
}
/*
 * check-name: delay in the else branch of folio_test_anon() is file-only
 * check-rules: mm-delay-rmap-anon
 *
 * check-output-start
 * check-output-end
 */
