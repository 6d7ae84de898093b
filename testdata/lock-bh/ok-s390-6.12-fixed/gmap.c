/* Like arch/s390/mm/gmap.c in 6.1: the lock reached through gmap->mm. */
void gmap_attach(struct gmap *gmap, struct mm_struct *mm)
{
	gmap->mm = mm;
	spin_lock_bh(&mm->context.lock);
	list_add(gmap, mm);
	spin_unlock_bh(&mm->context.lock);
}

void gmap_detach(struct gmap *gmap)
{
	spin_lock_bh(&gmap->mm->context.lock);
	list_add(gmap, NULL);
	spin_unlock_bh(&gmap->mm->context.lock);
}
/*
 * check-name: s390 after the fix: every mm->context.lock user takes _bh
 *
 * check-output-start
 * check-output-end
 */
