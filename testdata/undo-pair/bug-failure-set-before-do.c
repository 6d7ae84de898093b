/* err holds -ENOMEM from the start: the early exit after swap_duplicate()
 * succeeded returns it and keeps the reference. */
static int copy_swap_pte_leak(struct mm_struct *dst_mm, pte_t *dst_pte, unsigned long addr,
			      swp_entry_t entry, bool no_room)
{
	int err = -ENOMEM;

	if (swap_duplicate(entry) < 0)
		goto out;
	if (no_room)
		goto out;
	set_pte_at(dst_mm, addr, dst_pte, swp_entry_to_pte(entry));
	err = 0;
out:
	return err;	/* BUG */
}
/*
 * check-name: a failure value set before the "do", returned after its success
 *
 * check-output-start
bug-failure-set-before-do.c:15:16: warning: abort path after swap_duplicate() succeeded does not undo it [mm-undo-missing]
 * check-output-end
 */
