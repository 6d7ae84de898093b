/* A guard(spinlock_bh) held for the rest of the scope turns BH off. */
void outer_guard(struct mm_struct *mm, struct gmap *gmap)
{
	guard(spinlock_bh)(&gmap->guest_table_lock);
	spin_lock(&mm->context.lock);
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
 * check-name: plain lock under guard(spinlock_bh) of another lock
 *
 * check-output-start
 * check-output-end
 */
