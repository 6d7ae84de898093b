/* local_bh_disable() makes the plain acquisition safe. */
void with_bh_off(struct mm_struct *mm)
{
	local_bh_disable();
	spin_lock(&mm->context.lock);
	do_work();
	spin_unlock(&mm->context.lock);
	local_bh_enable();
}

void table(struct mm_struct *mm)
{
	spin_lock_bh(&mm->context.lock);
	do_work();
	spin_unlock_bh(&mm->context.lock);
}
/*
 * check-name: plain lock inside local_bh_disable()
 *
 * check-output-start
 * check-output-end
 */
