/*
 * netif_napi_add_config() (6.13 on; in 7.2 every netif_napi_add*() wrapper
 * ends in netif_napi_add_weight_locked()) registers a NAPI poll as
 * netif_napi_add() does: the poll runs in softirq and takes the ring's
 * lock plainly, ring_reset() plainly in process context.
 */
struct ring { spinlock_t lock; struct napi_struct napi; int head; };

static int ring_poll(struct napi_struct *napi, int budget)
{
	struct ring *r = (struct ring *)napi;

	spin_lock(&r->lock);
	r->head = budget;
	spin_unlock(&r->lock);
	return 0;
}

void ring_open(struct net_device *dev, struct ring *r, int index)
{
	netif_napi_add_config(dev, &r->napi, ring_poll, index);
}

void ring_reset(struct ring *r)
{
	spin_lock(&r->lock);	/* BUG */
	r->head = 0;
	spin_unlock(&r->lock);
}
/*
 * check-name: a NAPI poll registered by netif_napi_add_config()
 * check-options: --all-locks
 *
 * check-output-start
bug-napi-add-config.c:26:9: error: lock struct ring::lock taken with BH enabled here but also in softirq context: deadlock if the softirq interrupts its holder [mm-lock-softirq-unsafe]
 * check-output-end
 */
