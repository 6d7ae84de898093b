/* Like inet_put_port(): the callers, in another file, disable BH. */
#include "bucket.h"

void put_port(struct bucket *b)
{
	local_bh_disable();
	__put_port(b);
	local_bh_enable();
}

/* Through a static helper whose only caller holds a _bh lock. */
static void put_locked(struct bucket *b)
{
	__put_port(b);
}

void put_port_table(struct bucket *b, spinlock_t *table)
{
	spin_lock_bh(table);
	put_locked(b);
	spin_unlock_bh(table);
}
/*
 * check-output-start
 * check-output-end
 */
