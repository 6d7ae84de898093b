/*
 * Like release_task() around __exit_signal(): the helper takes a plain
 * spinlock, but its only caller holds write_lock_irq(), a macro for
 * _raw_write_lock_irq(): IRQs and so BH are off.  A timer takes the same
 * lock in softirq context.
 */
struct sighand { spinlock_t siglock; int count; struct timer_list timer; };
static DEFINE_RWLOCK(tasklist);

static void exit_signal(struct sighand *sh)
{
	spin_lock(&sh->siglock);
	sh->count--;
	spin_unlock(&sh->siglock);
}

void release(struct sighand *sh)
{
	write_lock_irq(&tasklist);
	exit_signal(sh);
	write_unlock_irq(&tasklist);
}

static void sig_timer(struct timer_list *t)
{
	struct sighand *sh = (struct sighand *)t;

	spin_lock(&sh->siglock);
	sh->count++;
	spin_unlock(&sh->siglock);
}

void sig_init(struct sighand *sh)
{
	timer_setup(&sh->timer, sig_timer, 0);
}
/*
 * check-name: a plain lock in a helper called under write_lock_irq(), a macro
 * check-options: --all-locks
 *
 * check-output-start
 * check-output-end
 */
