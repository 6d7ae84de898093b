static DEFINE_SPINLOCK(list_lock);

void b_add(void)
{
	spin_lock_bh(&list_lock);
	do_work();
	spin_unlock_bh(&list_lock);
}
