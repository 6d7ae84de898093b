/*
 * The helper restores IRQs on one path only (it returns early when the
 * object is gone), so it leaves nothing its callers can count on: the
 * plain lock before it is taken with BH enabled, and the timer callback
 * takes the same lock in softirq.
 */
struct obj { spinlock_t lock; int n; bool dead; };
struct sig { spinlock_t siglock; int n; struct timer_list timer; };

static void put_obj(struct obj *o, unsigned long flags)
{
	if (o->dead)
		return;
	spin_unlock_irqrestore(&o->lock, flags);
}

void obj_poke(struct obj *o, struct sig *s, unsigned long flags)
{
	spin_lock(&s->siglock);	/* BUG */
	s->n--;
	spin_unlock(&s->siglock);
	put_obj(o, flags);
}

static void sig_fire(struct timer_list *t)
{
	struct sig *s = (struct sig *)t;

	spin_lock(&s->siglock);
	s->n++;
	spin_unlock(&s->siglock);
}

void sig_start(struct sig *s)
{
	timer_setup(&s->timer, sig_fire, 0);
}
/*
 * check-name: a helper that restores IRQs on one path only
 * check-options: --all-locks
 *
 * check-output-start
bug-callee-unlock-one-path.c:19:9: error: lock struct sig::siglock taken with BH enabled here but also in softirq context: deadlock if the softirq interrupts its holder [mm-lock-softirq-unsafe]
 * check-output-end
 */
