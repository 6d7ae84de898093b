/* ... and _bh in another. */
extern spinlock_t table_lock;

void table_rx(void)
{
	spin_lock_bh(&table_lock);
	do_work();
	spin_unlock_bh(&table_lock);
}
