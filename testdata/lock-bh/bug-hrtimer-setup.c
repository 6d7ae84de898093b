/*
 * The positive twin of ok-hrtimer-setup.c: the callback hrtimer_setup()
 * registers takes the ring's lock in hardirq or softirq, and ring_fill()
 * takes it with BH enabled.  The catalogue's registrar row makes the
 * callback softirq context; the finding must stay.
 */
struct hrtimer { int (*function)(struct hrtimer *t); };
struct block_ring { spinlock_t lock; struct hrtimer retire; int blocks; };

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
	spin_lock(&r->lock);	/* BUG */
	r->blocks++;
	spin_unlock(&r->lock);
}
/*
 * check-name: a plain lock also taken by an hrtimer_setup() callback
 * check-options: --all-locks
 *
 * check-output-start
bug-hrtimer-setup.c:38:9: error: lock struct block_ring::lock taken with BH enabled here but also in softirq context: deadlock if the softirq interrupts its holder [mm-lock-softirq-unsafe]
 * check-output-end
 */
