/* rwlock: read_lock() plain, write_lock_bh() elsewhere. */
void reader(struct mm_struct *mm)
{
	read_lock(&mm->mmap_rwlock);	/* BUG */
	do_work();
	read_unlock(&mm->mmap_rwlock);
}

void writer(struct mm_struct *mm)
{
	write_lock_bh(&mm->mmap_rwlock);
	do_work();
	write_unlock_bh(&mm->mmap_rwlock);
}
/*
 * check-name: rwlock read plain, write with _bh
 *
 * check-output-start
bug-rwlock.c:4:9: warning: lock struct mm_struct::mmap_rwlock taken with BH enabled here but with write_lock_bh() elsewhere [mm-lock-bh-mixed]
 * check-output-end
 */
