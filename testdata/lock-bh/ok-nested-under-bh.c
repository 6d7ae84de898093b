/* A plain acquisition nested under an outer _bh lock has BH off. */
void nested(struct mm_struct *mm, struct gmap *gmap)
{
	spin_lock_bh(&gmap->guest_table_lock);
	spin_lock(&mm->context.lock);
	do_work();
	spin_unlock(&mm->context.lock);
	spin_unlock_bh(&gmap->guest_table_lock);
}

void table(struct mm_struct *mm)
{
	spin_lock_bh(&mm->context.lock);
	do_work();
	spin_unlock_bh(&mm->context.lock);
}
/*
 * check-name: plain lock nested inside an outer spin_lock_bh() section
 *
 * check-output-start
 * check-output-end
 */
