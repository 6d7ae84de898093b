/*
 * The twin of fp-lock-class-by-kind/: the catalogue's lock_class_rekeyed
 * row covers only the code that handles CPU timers alone
 * (posix-cpu-timers.c).  Here the generic timer code, which handles both
 * kinds, takes it_lock plainly with BH enabled, and the hrtimer callback
 * takes it in softirq: that pair still meets.
 */
#include "k_itimer.h"

static int posix_timer_fn(struct hrtimer *t)
{
	struct k_itimer *timer = (struct k_itimer *)t;

	spin_lock(&timer->it_lock);
	timer->overrun++;
	spin_unlock(&timer->it_lock);
	return 0;
}

void common_hrtimer_init(struct k_itimer *timer)
{
	timer->it.real.function = posix_timer_fn;
}

int timer_getoverrun(struct k_itimer *timer)
{
	int overrun;

	spin_lock(&timer->it_lock);	/* BUG */
	overrun = timer->overrun;
	spin_unlock(&timer->it_lock);
	return overrun;
}
/*
 * check-name: a re-keyed lock taken plainly by code that handles both kinds
 * check-options: --all-locks
 *
 * check-output-start
kernel/time/posix-timers.c:29:9: error: lock struct k_itimer::it_lock taken with BH enabled here but also in softirq context: deadlock if the softirq interrupts its holder [mm-lock-softirq-unsafe]
 * check-output-end
 */
