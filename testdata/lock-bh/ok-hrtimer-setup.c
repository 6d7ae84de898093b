/*
 * Since 6.13 an hrtimer is set up by hrtimer_setup(), which stores the
 * callback in the timer inside kernel/time/hrtimer.c; 7.2's af_packet,
 * xfrm and TCP timers are all set up this way.  The callback runs in
 * hardirq, or in softirq with HRTIMER_MODE_SOFT: BH is off either way, so
 * its plain spin_lock() beside the process side's spin_lock_bh() is right.
 * Without the catalogue's registrar row the callback was also entered
 * through the parameter hrtimer_setup() hands on to __hrtimer_setup(),
 * which stores it and never calls it, as if from anywhere with BH
 * enabled: 7.2 x86_64 kernel/ fs/ net/ reported 10 findings so.
 */
struct hrtimer { int (*function)(struct hrtimer *t); };
struct block_ring { spinlock_t lock; struct hrtimer retire; int blocks; };

/* As in kernel/time/hrtimer.c, built in the same run: the parameter is
 * handed on and stored, never called. */
static void __hrtimer_setup(struct hrtimer *timer, int (*fn)(struct hrtimer *), int mode)
{
	timer->function = fn;
}

void hrtimer_setup(struct hrtimer *timer, int (*function)(struct hrtimer *), int clock_id,
		   int mode)
{
	__hrtimer_setup(timer, function, mode);
}

static int ring_retire(struct hrtimer *t)
{
	struct block_ring *r = (struct block_ring *)t;

	spin_lock(&r->lock);
	r->blocks = 0;
	spin_unlock(&r->lock);
	return 0;
}

void ring_init(struct block_ring *r)
{
	hrtimer_setup(&r->retire, ring_retire, 1, 0x08);
}

void ring_fill(struct block_ring *r)
{
	spin_lock_bh(&r->lock);
	r->blocks++;
	spin_unlock_bh(&r->lock);
}
/*
 * check-name: an hrtimer callback set up by hrtimer_setup() runs with BH off
 * check-options: --all-locks
 *
 * check-output-start
 * check-output-end
 */
