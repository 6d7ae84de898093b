/* A global lock, plain in one file ... */
DEFINE_SPINLOCK(table_lock);

void table_update(void)
{
	spin_lock(&table_lock);	/* BUG */
	do_work();
	spin_unlock(&table_lock);
}
/*
 * check-name: global lock taken plain in one file and _bh in another
 * check-options: --all-locks
 *
 * check-output-start
table.c:6:9: warning: lock table_lock taken with BH enabled here but with spin_lock_bh() elsewhere [mm-lock-bh-mixed]
 * check-output-end
 */
