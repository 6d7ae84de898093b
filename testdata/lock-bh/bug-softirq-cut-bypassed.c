/*
 * The twin of ok-softirq-cut-memcg.c: the cut stops the walk only at
 * try_to_free_mem_cgroup_pages() itself.  Here the RCU callback reaches
 * the same lock without it, through lru_shrink(), and process context
 * takes it plainly in try_to_free_mem_cgroup_pages().
 */
struct lru { spinlock_t lock; int nr; };
struct memcg { struct lru lru; int usage; };
struct obj { struct rcu_head rcu; struct memcg *memcg; };

void try_to_free_mem_cgroup_pages(struct memcg *memcg)
{
	spin_lock(&memcg->lru.lock);	/* BUG */
	memcg->lru.nr--;
	spin_unlock(&memcg->lru.lock);
}

static void lru_shrink(struct memcg *memcg)
{
	spin_lock(&memcg->lru.lock);
	memcg->lru.nr = 0;
	spin_unlock(&memcg->lru.lock);
}

static void obj_free_rcu(struct rcu_head *head)
{
	struct obj *o = (struct obj *)head;

	lru_shrink(o->memcg);
}

void obj_release(struct obj *o)
{
	call_rcu(&o->rcu, obj_free_rcu);
}
/*
 * check-name: a softirq path that does not pass the cut function is still walked
 * check-options: --all-locks
 *
 * check-output-start
bug-softirq-cut-bypassed.c:13:9: error: lock struct memcg::lru.lock taken with BH enabled here but also in softirq context: deadlock if the softirq interrupts its holder [mm-lock-softirq-unsafe]
 * check-output-end
 */
