/* err holds -ENOMEM from the start; the success path clears it after the
 * swap PTE took the reference, the failure branch of the "do" returns it. */
static int copy_swap_pte_err(struct mm_struct *dst_mm, pte_t *dst_pte, unsigned long addr,
			     swp_entry_t entry)
{
	int err = -ENOMEM;

	if (swap_duplicate(entry) < 0)
		goto out;
	set_pte_at(dst_mm, addr, dst_pte, swp_entry_to_pte(entry));
	err = 0;
out:
	return err;
}
/*
 * check-name: a failure value set before the "do", returned only on its failure branch
 *
 * check-output-start
 * check-output-end
 */
