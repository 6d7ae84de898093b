/* After swap_duplicate() succeeded, an early error return keeps the
 * reference it took: nobody will ever free that swap entry. */
static int copy_swap_pte(struct mm_struct *dst_mm, pte_t *dst_pte, unsigned long addr,
			 swp_entry_t entry, bool no_room)
{
	if (swap_duplicate(entry) < 0)
		return -EIO;
	if (no_room)
		return -ENOMEM;	/* BUG */
	set_pte_at(dst_mm, addr, dst_pte, swp_entry_to_pte(entry));
	return 0;
}
/*
 * check-name: a failure return after swap_duplicate() succeeded, without swap_free()
 *
 * check-output-start
bug-return-errno.c:9:24: warning: abort path after swap_duplicate() succeeded does not undo it [mm-undo-missing]
 * check-output-end
 */
