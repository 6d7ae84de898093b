struct hrtimer {
	int (*function)(struct hrtimer *t);
};
struct cpu_timer { int firing; };
struct k_itimer {
	spinlock_t it_lock;
	int overrun;
	union {
		struct hrtimer real;
		struct cpu_timer cpu;
	} it;
};
