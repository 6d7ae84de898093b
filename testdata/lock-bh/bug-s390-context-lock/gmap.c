/* Like arch/s390/mm/gmap.c in 6.1: the lock reached through gmap->mm. */
void gmap_attach(struct gmap *gmap, struct mm_struct *mm)
{
	gmap->mm = mm;
	spin_lock(&mm->context.lock);	/* BUG */
	list_add(gmap, mm);
	spin_unlock(&mm->context.lock);
}

void gmap_detach(struct gmap *gmap)
{
	spin_lock(&gmap->mm->context.lock);	/* BUG */
	list_add(gmap, NULL);
	spin_unlock(&gmap->mm->context.lock);
}
/*
 * check-name: s390 mm->context.lock taken plain in a header and gmap.c, _bh in pgalloc.c
 *
 * check-output-start
gmap.c:12:9: warning: lock struct mm_struct::context.lock taken with BH enabled here but with spin_lock_bh() elsewhere [mm-lock-bh-mixed]
gmap.c:5:9: warning: lock struct mm_struct::context.lock taken with BH enabled here but with spin_lock_bh() elsewhere [mm-lock-bh-mixed]
 * check-output-end
 */
