/*
 * As ok-caller-disables-bh, but put_port_fast() in sock.c calls
 * __put_port() with BH enabled: the RCU callback can interrupt it.
 */
#include "bucket.h"

void __put_port(struct bucket *b)
{
	spin_lock(&b->lock);	/* BUG */
	b->owners--;
	spin_unlock(&b->lock);
}

static void bucket_free_rcu(struct rcu_head *head)
{
	struct bucket *b = (struct bucket *)head;

	spin_lock(&b->lock);
	b->owners = 0;
	spin_unlock(&b->lock);
}

void bucket_free(struct bucket *b)
{
	call_rcu(&b->rcu, bucket_free_rcu);
}
/*
 * check-name: one caller of the plain-locking function leaves BH enabled
 * check-options: --all-locks
 *
 * check-output-start
hash.c:9:9: error: lock struct bucket::lock taken with BH enabled here but also in softirq context: deadlock if the softirq interrupts its holder [mm-lock-softirq-unsafe]
 * check-output-end
 */
