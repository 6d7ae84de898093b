/* Two file-local locks that only share a name. */
static DEFINE_SPINLOCK(list_lock);

void a_add(void)
{
	spin_lock(&list_lock);
	do_work();
	spin_unlock(&list_lock);
}
/*
 * check-name: static locks of the same name in two files are different locks
 * check-options: --all-locks
 *
 * check-output-start
 * check-output-end
 */
