/* Where a guard's cleanup runs: at a break out of its loop, at the end of
 * a scoped_guard() that a continue leaves, before a return, at a goto out
 * of its scope. */
struct table {
	spinlock_t lock;
	int users;
};

static int table_busy(struct table *t)
{
	guard(spinlock_bh)(&t->lock);
	if (t->users)
		return 1;
	__mmcheck_bh();
	return 0;
}

void table_scan(struct table *t, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		guard(spinlock_bh)(&t->lock);
		if (t->users)
			break;
		__mmcheck_bh();
	}
	__mmcheck_bh();

	scoped_guard(spinlock_bh, &t->lock) {
		if (t->users)
			continue;
		__mmcheck_bh();
	}
	__mmcheck_bh();

	if (table_busy(t))
		return;
	__mmcheck_bh();
}
int table_try(struct table *t)
{
	scoped_guard(spinlock_bh, &t->lock) {
		if (t->users)
			goto busy;
		__mmcheck_bh();
	}
	__mmcheck_bh();
	return 0;
busy:
	__mmcheck_bh();
	return 1;
}
/*
 * check-name: a guard is released at break, continue, return and goto, as GCC's cleanups run
 *
 * check-output-start
bh-state-cleanup-exits.c:14:9: warning: BH disabled on every path [mm-debug]
bh-state-cleanup-exits.c:26:17: warning: BH disabled on every path [mm-debug]
bh-state-cleanup-exits.c:28:9: warning: BH enabled on every path [mm-debug]
bh-state-cleanup-exits.c:33:17: warning: BH disabled on every path [mm-debug]
bh-state-cleanup-exits.c:35:9: warning: BH enabled on every path [mm-debug]
bh-state-cleanup-exits.c:39:9: warning: BH enabled on every path [mm-debug]
bh-state-cleanup-exits.c:46:17: warning: BH disabled on every path [mm-debug]
bh-state-cleanup-exits.c:48:9: warning: BH enabled on every path [mm-debug]
bh-state-cleanup-exits.c:51:9: warning: BH enabled on every path [mm-debug]
 * check-output-end
 */
