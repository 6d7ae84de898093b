/*
 * A helper whose first parameter is a struct napi_struct *, like
 * napi_alloc_skb(): nothing registers it or takes its address, so it is
 * not a NAPI poll callback and not softirq context (false alarm of the
 * whole-tree analysis on 6.12 net/, fixed: a callback by its signature
 * counts only if some function takes its address).
 */
struct rxq { spinlock_t lock; int budget; };

void rxq_refill(struct napi_struct *napi, struct rxq *q)
{
	spin_lock(&q->lock);
	q->budget++;
	spin_unlock(&q->lock);
}

void rxq_reset(struct rxq *q)
{
	spin_lock(&q->lock);
	q->budget = 0;
	spin_unlock(&q->lock);
}
/*
 * check-name: a napi_struct * first parameter alone does not make a callback
 * check-options: --all-locks
 *
 * check-output-start
 * check-output-end
 */
