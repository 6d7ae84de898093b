/* A block of more than 64 statements, the bug after them (an engine that
 * stopped at 64 children would call the function clean). */
void zap_long_block(struct mmu_gather *tlb, struct vm_area_struct *vma,
		    struct page *page, pte_t *pte, unsigned long addr, int n)
{
	pte_t ptent = ptep_get_and_clear_full(tlb->mm, addr, pte, tlb->fullmm);

	n += 0;
	n += 1;
	n += 2;
	n += 3;
	n += 4;
	n += 5;
	n += 6;
	n += 7;
	n += 8;
	n += 9;
	n += 10;
	n += 11;
	n += 12;
	n += 13;
	n += 14;
	n += 15;
	n += 16;
	n += 17;
	n += 18;
	n += 19;
	n += 20;
	n += 21;
	n += 22;
	n += 23;
	n += 24;
	n += 25;
	n += 26;
	n += 27;
	n += 28;
	n += 29;
	n += 30;
	n += 31;
	n += 32;
	n += 33;
	n += 34;
	n += 35;
	n += 36;
	n += 37;
	n += 38;
	n += 39;
	n += 40;
	n += 41;
	n += 42;
	n += 43;
	n += 44;
	n += 45;
	n += 46;
	n += 47;
	n += 48;
	n += 49;
	n += 50;
	n += 51;
	n += 52;
	n += 53;
	n += 54;
	n += 55;
	n += 56;
	n += 57;
	n += 58;
	n += 59;
	n += 60;
	n += 61;
	n += 62;
	n += 63;
	n += 64;
	n += 65;
	n += 66;
	n += 67;
	n += 68;
	n += 69;
	if (pte_dirty(ptent))
		set_page_dirty(page);
	page_remove_rmap(page, vma, false);	/* BUG */
	tlb_flush_mmu(tlb);
}
/*
 * check-name: a block of 70 statements is read to its end
 *
 * check-output-start
bug-long-block.c:80:9: warning: rmap of a dirty file page removed by page_remove_rmap() before the deferred TLB flush [mm-rmap-before-flush]
 * check-output-end
 */
