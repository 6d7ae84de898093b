/*
 * The positive twin of ok-xarray-per-site.c: an xarray embedded in a
 * struct and locked through its member path ('struct cache::pages.xa_lock',
 * as xa_lock_irq(&mapping->i_pages) names it) is one lockdep class, the
 * one its struct initialises.  Keying bare xarrays per site must not drop
 * it: the timer takes it in softirq, cache_insert() with BH enabled.
 */
struct xarray { spinlock_t xa_lock; void *head; };
struct cache { struct xarray pages; struct timer_list shrink; };

static void cache_shrink(struct timer_list *t)
{
	struct cache *c = (struct cache *)t;

	spin_lock(&c->pages.xa_lock);
	c->pages.head = NULL;
	spin_unlock(&c->pages.xa_lock);
}

void cache_insert(struct cache *c, void *page)
{
	spin_lock(&c->pages.xa_lock);	/* BUG */
	c->pages.head = page;
	spin_unlock(&c->pages.xa_lock);
}

void cache_init(struct cache *c)
{
	timer_setup(&c->shrink, cache_shrink, 0);
}
/*
 * check-name: an xarray's lock named through its container's member stays a class
 * check-options: --all-locks
 *
 * check-output-start
bug-xarray-embedded.c:22:9: error: lock struct cache::pages.xa_lock taken with BH enabled here but also in softirq context: deadlock if the softirq interrupts its holder [mm-lock-softirq-unsafe]
 * check-output-end
 */
