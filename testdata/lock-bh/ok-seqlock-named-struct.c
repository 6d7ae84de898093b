/*
 * Since 6.13 seqlock_t is a typedef of a named struct seqlock, so both
 * engines name the class "struct seqlock::lock": on 7.2 the neighbour
 * table's ha_lock, written in softirq (__neigh_update()), met every other
 * seqlock of the tree, such as a filesystem's pwd lock taken in process
 * context through read_seqlock_excl().  Lockdep keys seqlocks per
 * initialisation (catalogue lock_class_per_site seqlock; 6.12's anonymous
 * struct is the row seqlock_t, ok-seqlock-per-site.c).
 */
typedef struct seqlock {
	unsigned int sequence;
	spinlock_t lock;
} seqlock_t;

struct neighbour { seqlock_t ha_lock; unsigned char ha[8]; struct timer_list timer; };
struct fs_paths { seqlock_t seq; int pwd; };

static inline void read_seqlock_excl(seqlock_t *sl)
{
	spin_lock(&sl->lock);
}

static inline void read_sequnlock_excl(seqlock_t *sl)
{
	spin_unlock(&sl->lock);
}

static void neigh_timer(struct timer_list *t)
{
	struct neighbour *n = (struct neighbour *)t;

	read_seqlock_excl(&n->ha_lock);
	n->ha[0] = 0;
	read_sequnlock_excl(&n->ha_lock);
}

int fs_get_pwd(struct fs_paths *fs)
{
	int pwd;

	read_seqlock_excl(&fs->seq);
	pwd = fs->pwd;
	read_sequnlock_excl(&fs->seq);
	return pwd;
}

void neigh_start(struct neighbour *n)
{
	timer_setup(&n->timer, neigh_timer, 0);
}
/*
 * check-name: a seqlock_t of the named struct seqlock (6.13 on) is keyed per initialisation
 * check-options: --all-locks
 *
 * check-output-start
 * check-output-end
 */
