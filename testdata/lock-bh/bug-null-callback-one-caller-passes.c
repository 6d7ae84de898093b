/*
 * Twin of ok-null-callback-by-value.c: one caller of two passes a destructor, so
 * ring_cleanup() does consume the ring, with the consumer lock taken
 * plainly, while ring_consume_bh() takes it with BH disabled.
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

static void free_entry(void *p)
{
}

void fifo_reset(struct ring *r)
{
	ring_cleanup(r, free_entry);	/* BUG: consumes, lock taken plain */
}
/*
 * check-name: a callback passed by one caller keeps the calls it guards
 * check-options: --all-locks
 *
 * check-output-start
bug-null-callback-one-caller-passes.c:12:9: warning: lock struct ring::consumer_lock taken with BH enabled here but with spin_lock_bh() elsewhere [mm-lock-bh-mixed]
 * check-output-end
 */
