/*
 * ok-null-callback-by-value.c with a destroy function: the ring is
 * emptied, its consumer lock taken plainly with BH enabled.
 */
struct ring { spinlock_t consumer_lock; void **queue; int head; };

static inline void *ring_consume(struct ring *r)
{
	void *p;

	spin_lock(&r->consumer_lock);
	p = r->queue[r->head];
	spin_unlock(&r->consumer_lock);
	return p;
}

static inline void ring_cleanup(struct ring *r, void (*destroy)(void *))
{
	void *p;

	if (destroy)
		while ((p = ring_consume(r)))
			destroy(p);
}

void *ring_consume_bh(struct ring *r)
{
	void *p;

	spin_lock_bh(&r->consumer_lock);
	p = r->queue[r->head];
	spin_unlock_bh(&r->consumer_lock);
	return p;
}

void free_entry(void *p);

void fifo_destroy(struct ring *r)
{
	ring_cleanup(r, free_entry);
}
/*
 * check-name: a callback passed: the calls made with one are made
 * check-options: --all-locks
 *
 * check-output-start
bug-null-callback-by-value.c:11:9: warning: lock struct ring::consumer_lock taken with BH enabled here but with spin_lock_bh() elsewhere [mm-lock-bh-mixed]
 * check-output-end
 */
