/*
 * ok-infeasible-by-value.c with the destructor saying it does not hold
 * the lock: its call takes it with BH enabled, and the timer in softirq.
 */
struct sk_buff;
struct rx_queue { spinlock_t lock; int mem; };
struct rx_sock { struct rx_queue q; struct timer_list timer; };

static void rx_release(struct rx_sock *sk, int size, bool held)
{
	if (!held)
		spin_lock(&sk->q.lock);
	sk->q.mem -= size;
	if (!held)
		spin_unlock(&sk->q.lock);
}

static void rx_timer(struct timer_list *t)
{
	struct rx_sock *sk = (struct rx_sock *)t;

	rx_release(sk, 1, false);
}

void rx_init(struct rx_sock *sk)
{
	timer_setup(&sk->timer, rx_timer, 0);
}

void rx_destruct(struct rx_sock *sk)
{
	rx_release(sk, sk->q.mem, false);
}
/*
 * check-name: a lock a caller's argument says is not held
 * check-options: --all-locks
 *
 * check-output-start
bug-infeasible-by-value.c:12:17: error: lock struct rx_sock::q.lock taken with BH enabled here but also in softirq context: deadlock if the softirq interrupts its holder [mm-lock-softirq-unsafe]
 * check-output-end
 */
