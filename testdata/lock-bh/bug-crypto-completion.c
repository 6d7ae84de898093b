/*
 * An asynchronous hash completes from the driver's tasklet, or from cryptd
 * with BH disabled (catalogue softirq_register for the request's
 * set_callback): ah_input_done() runs in softirq, and ah_replay_reset()
 * takes the same lock with BH enabled.
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
	spin_lock(&x->lock);	/* BUG */
	x->replay = 0;
	spin_unlock(&x->lock);
}
/*
 * check-name: a crypto completion races with a plain process-context acquisition
 * check-options: --all-locks
 *
 * check-output-start
bug-crypto-completion.c:40:9: error: lock struct ah_state::lock taken with BH enabled here but also in softirq context: deadlock if the softirq interrupts its holder [mm-lock-softirq-unsafe]
 * check-output-end
 */
