/*
 * Since 6.16 timer_setup() expands to timer_init_key(), which was
 * init_timer_key(), and 7.2 sets up every timer this way.  The compiled
 * engines see only the expansion; the catalogue lists both names as
 * registrars.  (The callback is also known by its signature, a struct
 * timer_list * whose address is taken, so this case guards the spelling
 * rather than depends on it.)  The callback takes the lock plainly in
 * softirq; link_flush() takes it plainly in process context.
 */
struct link { spinlock_t lock; struct timer_list timer; int pending; };

static void link_timeout(struct timer_list *t)
{
	struct link *l = (struct link *)t;

	spin_lock(&l->lock);
	l->pending = 0;
	spin_unlock(&l->lock);
}

void link_start(struct link *l)
{
	timer_init_key(&l->timer, link_timeout, 0, NULL, NULL);
}

void link_flush(struct link *l)
{
	spin_lock(&l->lock);	/* BUG */
	l->pending = 0;
	spin_unlock(&l->lock);
}
/*
 * check-name: a timer set up by timer_init_key(), timer_setup() since 6.16
 * check-options: --all-locks
 *
 * check-output-start
bug-timer-init-key.c:28:9: error: lock struct link::lock taken with BH enabled here but also in softirq context: deadlock if the softirq interrupts its holder [mm-lock-softirq-unsafe]
 * check-output-end
 */
