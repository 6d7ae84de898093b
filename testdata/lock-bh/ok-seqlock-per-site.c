/*
 * Like write_seqlock(): a seqlock's spinlock is reached through a bare
 * seqlock_t *, in an inline helper every user shares.  Lockdep keys each
 * seqlock by where it is initialised (seqlock_init() is spin_lock_init(),
 * a key per use), so the timer's seqlock and the configuration's are two
 * classes, though both are "seqlock_t::lock" (catalogue
 * lock_class_per_site).  GCC names no class for a typedef of an anonymous
 * struct; sparse names it by the typedef: without the row, only sparse
 * reported this (6.12: write_seqlock(), read_seqlock_excl()).
 */
typedef struct {
	unsigned int sequence;
	spinlock_t lock;
} seqlock_t;

struct rate_stats { seqlock_t sl; int packets; };
struct rate_config { seqlock_t sl; int limit; };

static struct rate_stats rate_stats;
static struct rate_config rate_config;
static struct timer_list rate_timer;

static inline void write_seqlock(seqlock_t *sl)
{
	spin_lock(&sl->lock);
	sl->sequence++;
}

static inline void write_sequnlock(seqlock_t *sl)
{
	sl->sequence++;
	spin_unlock(&sl->lock);
}

static void rate_sample(struct timer_list *t)
{
	write_seqlock(&rate_stats.sl);
	rate_stats.packets = 0;
	write_sequnlock(&rate_stats.sl);
}

void rate_set_limit(int limit)
{
	write_seqlock(&rate_config.sl);
	rate_config.limit = limit;
	write_sequnlock(&rate_config.sl);
}

void rate_start(void)
{
	timer_setup(&rate_timer, rate_sample, 0);
}
/*
 * check-name: seqlocks are keyed per initialisation, not by their type
 * check-options: --all-locks
 *
 * check-output-start
 * check-output-end
 */
