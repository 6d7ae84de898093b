/* What the BH walk believes after each way of disabling BH, and after each
 * way of enabling it again; the last one differs between two paths. */
struct table {
	spinlock_t lock;
	int users;
};

static DEFINE_SPINLOCK(table_list_lock);

void table_walk(struct table *t, int busy)
{
	unsigned long flags;

	__mmcheck_bh();
	spin_lock_bh(&t->lock);
	__mmcheck_bh();
	spin_lock(&table_list_lock);
	t->users++;
	spin_unlock(&table_list_lock);
	__mmcheck_bh();
	spin_unlock_bh(&t->lock);
	__mmcheck_bh();

	spin_lock_irqsave(&t->lock, flags);
	__mmcheck_bh();
	spin_unlock_irqrestore(&t->lock, flags);

	local_irq_save(flags);
	__mmcheck_bh();
	local_irq_restore(flags);

	scoped_guard(spinlock_bh, &t->lock) {
		__mmcheck_bh();
	}

	if (busy)
		local_bh_disable();
	__mmcheck_bh();
	if (busy)
		local_bh_enable();
}
/*
 * check-name: BH state after _bh, irqsave, local_irq_save, guards, and on two paths
 *
 * check-output-start
bh-state.c:14:9: warning: BH enabled on every path [mm-debug]
bh-state.c:16:9: warning: BH disabled on every path [mm-debug]
bh-state.c:20:9: warning: BH disabled on every path [mm-debug]
bh-state.c:22:9: warning: BH enabled on every path [mm-debug]
bh-state.c:25:9: warning: BH disabled on every path [mm-debug]
bh-state.c:29:9: warning: BH disabled on every path [mm-debug]
bh-state.c:33:17: warning: BH disabled on every path [mm-debug]
bh-state.c:38:9: warning: BH enabled on some paths, disabled on others [mm-debug]
 * check-output-end
 */
