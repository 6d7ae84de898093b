/* The outer _bh section ends before the plain acquisition. */
void after(struct mm_struct *mm, struct gmap *gmap)
{
	spin_lock_bh(&gmap->guest_table_lock);
	do_work();
	spin_unlock_bh(&gmap->guest_table_lock);
	spin_lock(&mm->context.lock);	/* BUG */
	do_work();
	spin_unlock(&mm->context.lock);
}

void table(struct mm_struct *mm)
{
	spin_lock_bh(&mm->context.lock);
	do_work();
	spin_unlock_bh(&mm->context.lock);
}
/*
 * check-name: plain lock after an earlier _bh section has ended
 *
 * check-output-start
bug-after-bh-section.c:7:9: warning: lock struct mm_struct::context.lock taken with BH enabled here but with spin_lock_bh() elsewhere [mm-lock-bh-mixed]
 * check-output-end
 */
