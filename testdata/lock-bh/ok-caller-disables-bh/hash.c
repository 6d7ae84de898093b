/*
 * Like net/ipv4/inet_hashtables.c: __inet_put_port() takes the bind
 * bucket's lock plainly, because every caller has disabled BH; the
 * RCU callback takes it in softirq context.
 */
#include "bucket.h"

void __put_port(struct bucket *b)
{
	spin_lock(&b->lock);
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
 * check-name: a plain lock in a function every caller calls with BH disabled
 * check-options: --all-locks
 *
 * check-output-start
 * check-output-end
 */
