/*
 * Like 6.12's udp_rmem_release(): the lock is taken only when the caller
 * does not hold it already, and the one caller that runs with BH enabled,
 * the socket destructor, says it does (rx_queue_lock_held = true).  The
 * analysis calls a copy of rx_release() for held != 0, without the lock
 * (was a false alarm on 6.1 and 6.12: udp.c).
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
	rx_release(sk, sk->q.mem, true);
}
/*
 * check-name: a lock a caller's argument says is held already
 * check-options: --all-locks
 *
 * check-output-start
 * check-output-end
 */
