/*
 * A lock reached through the pointer a call returns: its class is still
 * the struct's member (sparse once gave it none and missed the mix).
 */
struct cache { spinlock_t lock; int n; };

struct cache *cache_of(int cpu);

void cache_add(int cpu)
{
	struct cache *c = cache_of(cpu);

	spin_lock(&c->lock);
	c->n++;
	spin_unlock(&c->lock);
}

void cache_drain(int cpu)
{
	spin_lock_bh(&cache_of(cpu)->lock);
	cache_of(cpu)->n = 0;
	spin_unlock_bh(&cache_of(cpu)->lock);
}
/*
 * check-name: a lock through a call's result, taken plain and with _bh
 * check-options: --all-locks
 *
 * check-output-start
bug-lock-via-call-result.c:13:9: warning: lock struct cache::lock taken with BH enabled here but with spin_lock_bh() elsewhere [mm-lock-bh-mixed]
 * check-output-end
 */
