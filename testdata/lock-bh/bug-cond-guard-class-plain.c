/*
 * The twin of ok-cond-guard-class-irq.c: lock_timer() takes the timer's
 * lock with spin_lock(), so the body of scoped_cond_guard() runs with BH
 * enabled, and the plain siglock there can be interrupted by the timer
 * callback that takes it in softirq.
 */
struct sighand { spinlock_t siglock; };
struct k_itimer { spinlock_t it_lock; struct sighand *sh; int id; struct timer_list t; };

struct k_itimer *find_timer(int id);
static inline int IS_ERR(const void *p) { return (unsigned long)p >= (unsigned long)-4095; }

#define DEFINE_CLASS(_name, _type, _exit, _init, _init_args...)		\
typedef _type class_##_name##_t;					\
static inline void class_##_name##_destructor(_type *p)		\
{ _type _T = *p; _exit; }						\
static inline _type class_##_name##_constructor(_init_args)		\
{ _type t = _init; return t; }
#define CLASS(_name, var)						\
	class_##_name##_t var __attribute__((cleanup(class_##_name##_destructor))) = \
		class_##_name##_constructor
#define DEFINE_CLASS_IS_COND_GUARD(_name)				\
static inline void *class_##_name##_lock_ptr(class_##_name##_t *_T)	\
{									\
	void *_ptr = (void *)(unsigned long)*(_T);			\
	if (IS_ERR(_ptr))						\
		_ptr = NULL;						\
	return _ptr;							\
}
#define scoped_cond_guard(_name, _fail, args...)			\
	for (CLASS(_name, scope)(args); 1; ({ goto _label; }))		\
		if (!class_##_name##_lock_ptr(&scope)) {		\
			_fail;						\
_label:									\
			break;						\
		} else

static struct k_itimer *lock_timer(int id)
{
	struct k_itimer *timr = find_timer(id);

	if (timr) {
		spin_lock(&timr->it_lock);
		if (timr->id == id)
			return timr;
		spin_unlock(&timr->it_lock);
	}
	return NULL;
}

static inline void unlock_timer(struct k_itimer *timr)
{
	if (timr)
		spin_unlock(&timr->it_lock);
}

DEFINE_CLASS(lock_timer, struct k_itimer *, unlock_timer(_T), lock_timer(id), int id);
DEFINE_CLASS_IS_COND_GUARD(lock_timer);

static void timer_delete_locked(struct k_itimer *timer)
{
	spin_lock(&timer->sh->siglock);	/* BUG */
	timer->id = 0;
	spin_unlock(&timer->sh->siglock);
}

long timer_delete(int id)
{
	scoped_cond_guard(lock_timer, return -22, id) {
		timer_delete_locked(scope);
	}
	return 0;
}

static void timer_fire(struct timer_list *t)
{
	struct k_itimer *timr = (struct k_itimer *)t;

	spin_lock(&timr->sh->siglock);
	timr->id++;
	spin_unlock(&timr->sh->siglock);
}

void timer_arm(struct k_itimer *timr)
{
	timer_setup(&timr->t, timer_fire, 0);
}
/*
 * check-name: a conditional class guard whose constructor takes a plain lock leaves BH enabled
 * check-options: --all-locks
 *
 * check-output-start
bug-cond-guard-class-plain.c:62:9: error: lock struct sighand::siglock taken with BH enabled here but also in softirq context: deadlock if the softirq interrupts its holder [mm-lock-softirq-unsafe]
 * check-output-end
 */
