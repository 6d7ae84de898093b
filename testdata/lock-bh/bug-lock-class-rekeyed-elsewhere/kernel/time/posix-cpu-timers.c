/* CPU timers only: their it_lock is of posix_cpu_timers_key's class. */
#include "k_itimer.h"

static struct lock_class_key posix_cpu_timers_key;

void posix_cpu_timer_create(struct k_itimer *new_timer)
{
	spin_lock_init(&new_timer->it_lock);
	lockdep_set_class(&new_timer->it_lock, &posix_cpu_timers_key);
}

void handle_posix_cpu_timers(struct k_itimer *timer)
{
	spin_lock(&timer->it_lock);
	timer->it.cpu.firing = 0;
	spin_unlock(&timer->it_lock);
}
