/*
 * Like 6.12's k_itimer: one struct for two kinds of timer.  An hrtimer-
 * based one takes it_lock from its hrtimer callback (softirq); a CPU timer
 * takes it only in task context (handle_posix_cpu_timers() in task work,
 * "all other operations on timer::it_lock happen in task context"), so a
 * plain spin_lock() there never meets the callback's.  Lockdep tells the
 * kinds apart: posix_cpu_timer_create() gives CPU timers a class of their
 * own with lockdep_set_class(), which compiles to nothing without
 * CONFIG_LOCKDEP.  The class here, struct and member, cannot: a false
 * alarm (6.1 and 6.12: posix-cpu-timers.c).
 */
struct hrtimer {
	int (*function)(struct hrtimer *t);
};
struct cpu_timer { int firing; };
struct k_timer {
	spinlock_t it_lock;
	int overrun;
	union {
		struct hrtimer real;
		struct cpu_timer cpu;
	} it;
};

static int real_timer_fn(struct hrtimer *t)
{
	struct k_timer *timer = (struct k_timer *)t;

	spin_lock(&timer->it_lock);
	timer->overrun++;
	spin_unlock(&timer->it_lock);
	return 0;
}

void real_timer_init(struct k_timer *timer)
{
	timer->it.real.function = real_timer_fn;
}

void cpu_timers_fire(struct k_timer *timer)
{
	spin_lock(&timer->it_lock);
	timer->it.cpu.firing = 0;
	spin_unlock(&timer->it_lock);
}
/*
 * check-name: one lock member of two kinds of object
 * check-options: --all-locks
 * check-known-to-fail: gcc,sparse,clang a class is a struct and member: the CPU timer's it_lock meets the hrtimer's
 *
 * check-output-start
 * check-output-end
 */
