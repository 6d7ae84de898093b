/*
 * Every xarray's lock is "struct xarray::xa_lock" when the xarray API's
 * inline helpers take it through a bare struct xarray *.  Lockdep does
 * not key them by type: xa_init_flags() is a static inline whose
 * spin_lock_init() declares a key in each file that uses it, and
 * DEFINE_XARRAY() keys a lock by its address.  So a page pool's DMA index,
 * updated from softirq, and the MSI descriptors, allocated in process
 * context with BH enabled, are unrelated locks (7.2: xa_cmpxchg() against
 * xa_alloc(), xa_insert() and xa_alloc_cyclic(); catalogue
 * lock_class_per_site xarray).
 */
struct xarray { spinlock_t xa_lock; void *head; };
struct pool { struct xarray dma_mapped; struct timer_list release; };
struct msi_domain { struct xarray store; };

static inline void *xa_cmpxchg(struct xarray *xa, void *old, void *entry)
{
	void *curr;

	spin_lock(&xa->xa_lock);
	curr = xa->head;
	if (curr == old)
		xa->head = entry;
	spin_unlock(&xa->xa_lock);
	return curr;
}

static void pool_release(struct timer_list *t)
{
	struct pool *p = (struct pool *)t;

	xa_cmpxchg(&p->dma_mapped, p, NULL);
}

void msi_insert(struct msi_domain *d, void *desc)
{
	xa_cmpxchg(&d->store, NULL, desc);
}

void pool_start(struct pool *p)
{
	timer_setup(&p->release, pool_release, 0);
}
/*
 * check-name: xarrays are keyed per initialisation, not by their type
 * check-options: --all-locks
 *
 * check-output-start
 * check-output-end
 */
