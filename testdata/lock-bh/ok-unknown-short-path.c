/* Types unknown and a one-word member path: too weak to call it one lock. */
void a(void *x)
{
	spin_lock(&((struct gmap *)x)->mm->page_table_lock);
	do_work();
	spin_unlock(&((struct gmap *)x)->mm->page_table_lock);
}

void b(void *y)
{
	spin_lock_bh(&((struct gmap *)y)->guest_table_lock);
	spin_unlock_bh(&((struct gmap *)y)->guest_table_lock);
}
/*
 * check-name: unrelated locks behind casts are not matched
 *
 * check-output-start
 * check-output-end
 */
