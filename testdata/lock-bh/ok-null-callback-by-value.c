/*
 * Like 6.12's pfifo_fast_destroy(): ptr_ring_cleanup(&q->ring, NULL)
 * empties the ring with ptr_ring_consume() only if (destroy), so passing
 * NULL never takes the consumer lock, which the datapath takes with
 * spin_lock_bh().  The analysis calls a copy of ring_cleanup() for
 * destroy == NULL, without the call (was a false alarm on 6.1 and 6.12:
 * ptr_ring_consume()).
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

void fifo_destroy(struct ring *r)
{
	ring_cleanup(r, NULL);
}
/*
 * check-name: a NULL callback rules out the calls made only with one
 * check-options: --all-locks
 *
 * check-output-start
 * check-output-end
 */
