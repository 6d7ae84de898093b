/* try_to_migrate_one() in 6.1: both restores of the abort path lack the undo. */
static bool migrate_one(struct mm_struct *mm, struct vm_area_struct *vma,
			struct page *subpage, pte_t *ptep, unsigned long address,
			bool anon_exclusive, bool huge)
{
	pte_t pteval = ptep_clear_flush(vma, address, ptep);

	if (arch_unmap_one(mm, vma, address, pteval) < 0) {
		if (huge)
			set_huge_pte_at(mm, address, ptep, pteval, 0);
		else
			set_pte_at(mm, address, ptep, pteval);
		return false;
	}
	if (anon_exclusive &&
	    folio_try_share_anon_rmap_pte(page_folio(subpage), subpage)) {
		if (huge)
			set_huge_pte_at(mm, address, ptep, pteval, 0);	/* BUG */
		else
			set_pte_at(mm, address, ptep, pteval);	/* BUG */
		return false;
	}
	return true;
}
/*
 * check-name: 6.1 try_to_migrate_one(): both restores on the abort path lack the undo
 *
 * check-output-start
bug-try-to-migrate-6.1.c:18:25: warning: abort path after arch_unmap_one() succeeded does not undo it [mm-undo-missing]
bug-try-to-migrate-6.1.c:20:25: warning: abort path after arch_unmap_one() succeeded does not undo it [mm-undo-missing]
 * check-output-end
 */
