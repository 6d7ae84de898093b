/* The early error return gives the swap reference back first. */
static int copy_swap_pte_ok(struct mm_struct *dst_mm, pte_t *dst_pte, unsigned long addr,
			    swp_entry_t entry, bool no_room)
{
	if (swap_duplicate(entry) < 0)
		return -EIO;
	if (no_room) {
		swap_free(entry);
		return -ENOMEM;
	}
	set_pte_at(dst_mm, addr, dst_pte, swp_entry_to_pte(entry));
	return 0;
}
/*
 * check-name: a failure return after swap_duplicate() succeeded, with swap_free()
 *
 * check-output-start
 * check-output-end
 */
