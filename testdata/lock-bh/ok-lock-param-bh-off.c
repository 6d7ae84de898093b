/*
 * A helper takes the lock it is handed with spin_lock(), and its one
 * caller calls it with BH already off: the acquisition is not plain, and
 * the spin_lock_bh() elsewhere is no mix.  Twin of bug-lock-param.c.
 */
static void lock_it(spinlock_t *l)
{
	spin_lock(l);
}

void caller(struct mm_struct *mm)
{
	local_bh_disable();
	lock_it(&mm->context.lock);
	do_work();
	spin_unlock(&mm->context.lock);
	local_bh_enable();
}

void table(struct mm_struct *mm)
{
	spin_lock_bh(&mm->context.lock);
	spin_unlock_bh(&mm->context.lock);
}
/*
 * check-name: a helper locks its parameter, called with BH off
 *
 * check-output-start
 * check-output-end
 */
