/*
 * An asynchronous hash completes from the driver's tasklet, or from cryptd
 * with BH disabled (catalogue softirq_register for the request's
 * set_callback), so ah_input_done() takes the SA's lock plainly: BH is
 * already off.  Process context, ah_replay_reset(), rightly uses _bh.
 * Without the row, ah_input_done() would be entered from anywhere with BH
 * enabled (its address escapes into the request).
 */
struct ah_state { spinlock_t lock; unsigned long replay; };
typedef void (*crypto_completion_t)(void *data, int err);
struct crypto_async_request { crypto_completion_t complete; void *data; };
struct ahash_request { struct crypto_async_request base; };

static inline void ahash_request_set_callback(struct ahash_request *req,
					      unsigned int flags,
					      crypto_completion_t compl,
					      void *data)
{
	req->base.complete = compl;
	req->base.data = data;
}

int crypto_ahash_digest(struct ahash_request *req);

static void ah_input_done(void *data, int err)
{
	struct ah_state *x = data;

	spin_lock(&x->lock);
	x->replay++;
	spin_unlock(&x->lock);
}

int ah_input(struct ah_state *x, struct ahash_request *req)
{
	ahash_request_set_callback(req, 0, ah_input_done, x);
	return crypto_ahash_digest(req);
}

void ah_replay_reset(struct ah_state *x)
{
	spin_lock_bh(&x->lock);
	x->replay = 0;
	spin_unlock_bh(&x->lock);
}
/*
 * check-name: a crypto completion's plain lock, _bh in process context
 * check-options: --all-locks
 *
 * check-output-start
 * check-output-end
 */
