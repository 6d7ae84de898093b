/*
 * Like 6.12's k_itimer: one struct for two kinds of timer.  An hrtimer-
 * based one takes it_lock from its hrtimer callback, in softirq; a CPU
 * timer takes it only in task context (posix-cpu-timers.c, the other
 * file of this case).  Lockdep tells the kinds apart:
 * posix_cpu_timer_create() gives CPU timers a class of their own with
 * lockdep_set_class(), which compiles to nothing without CONFIG_LOCKDEP.
 * The catalogue says so (lock_class_rekeyed k_itimer::it_lock
 * path=kernel/time/posix-cpu-timers.c), so the CPU timer's plain
 * spin_lock() does not meet the callback's (6.1, 6.12 and 7.2:
 * handle_posix_cpu_timers()).
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
/*
 * check-name: one lock member of two kinds of object, re-keyed for one kind
 * check-options: --all-locks
 *
 * check-output-start
 * check-output-end
 */
