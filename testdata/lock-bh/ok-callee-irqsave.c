/*
 * Like timer_delete() in kernel/time/posix-timers.c: lock_obj() returns
 * with the object's lock held by spin_lock_irqsave(), unlock_obj() is an
 * inline helper that restores IRQs, so the plain lock between them is taken
 * with IRQs (and so BH) off.  The facts of a unit are written at its end,
 * once each function's effect is known: lock_obj() returns with IRQs off
 * on every path, unlock_obj() enables what it did not disable.
 */
struct obj { spinlock_t lock; int n; };
struct sig { spinlock_t siglock; int n; struct timer_list timer; };

static struct obj *lock_obj(struct obj *o, unsigned long *flags)
{
	spin_lock_irqsave(&o->lock, *flags);
	return o;
}

static inline void unlock_obj(struct obj *o, unsigned long flags)
{
	spin_unlock_irqrestore(&o->lock, flags);
}

void obj_delete(struct obj *o, struct sig *s)
{
	unsigned long flags;

	o = lock_obj(o, &flags);
	spin_lock(&s->siglock);
	s->n--;
	spin_unlock(&s->siglock);
	unlock_obj(o, flags);
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
 * check-name: a lock taken between helpers that save and restore IRQs
 * check-options: --all-locks
 *
 * check-output-start
 * check-output-end
 */
