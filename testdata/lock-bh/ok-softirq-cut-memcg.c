/*
 * Like 7.2's s390 mm/: an RCU callback frees with kfree(), which may
 * allocate an empty slab sheaf, charged to a memcg; the charge reclaims
 * (try_to_free_mem_cgroup_pages()) only when the allocation may block,
 * which a softirq's never does, and reclaim takes locks plainly in
 * process context.  The catalogue cuts the softirq walk at the function
 * that sleeps (softirq_cut): without it, 103 false alarms on 7.2 s390
 * mm/, from swap, shmem, zsmalloc and the page cache.
 */
struct lru { spinlock_t lock; int nr; };
struct memcg { struct lru lru; int usage; };
struct obj { struct rcu_head rcu; struct memcg *memcg; };

int gfp_may_block(unsigned int gfp);

void try_to_free_mem_cgroup_pages(struct memcg *memcg)
{
	spin_lock(&memcg->lru.lock);
	memcg->lru.nr--;
	spin_unlock(&memcg->lru.lock);
}

static int charge(struct memcg *memcg, unsigned int gfp)
{
	if (!gfp_may_block(gfp))
		return -1;
	try_to_free_mem_cgroup_pages(memcg);
	return 0;
}

static void obj_free_rcu(struct rcu_head *head)
{
	struct obj *o = (struct obj *)head;

	charge(o->memcg, 0);
}

void obj_release(struct obj *o)
{
	call_rcu(&o->rcu, obj_free_rcu);
}

/* Process context, BH enabled: the softirq never gets here. */
void lru_reset(struct memcg *memcg)
{
	spin_lock(&memcg->lru.lock);
	memcg->lru.nr = 0;
	spin_unlock(&memcg->lru.lock);
}
/*
 * check-name: the softirq walk stops at a function that sleeps (softirq_cut)
 * check-options: --all-locks
 *
 * check-output-start
 * check-output-end
 */
