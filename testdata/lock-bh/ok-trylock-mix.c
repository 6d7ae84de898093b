/*
 * Like 6.12's svc_xprt_set_valid(): sv_lock is taken plainly in process
 * context there and with spin_lock_bh() everywhere else, and the one
 * softirq user, the temporary-transport ageing timer, only trylocks it
 * and retries later when it is busy.  A mix, but no deadlock: the timer
 * interrupting a plain holder fails its trylock instead of spinning, and
 * lockdep marks no softirq usage for a trylock.  The _bh users are there
 * for a softirq user, and the only one in the run trylocks: no report
 * (6.12: svc_xprt.h; bug-trylock-mix.c is the timer that spins).
 */
struct svc_serv { spinlock_t sv_lock; int sv_tmpcnt; struct timer_list sv_temptimer; };

void svc_xprt_set_valid(struct svc_serv *serv)
{
	spin_lock(&serv->sv_lock);
	serv->sv_tmpcnt++;
	spin_unlock(&serv->sv_lock);
}

void svc_xprt_received(struct svc_serv *serv)
{
	spin_lock_bh(&serv->sv_lock);
	serv->sv_tmpcnt--;
	spin_unlock_bh(&serv->sv_lock);
}

static void svc_age_temp_xprts(struct timer_list *t)
{
	struct svc_serv *serv = (struct svc_serv *)t;

	if (!spin_trylock_bh(&serv->sv_lock))
		return;
	serv->sv_tmpcnt = 0;
	spin_unlock_bh(&serv->sv_lock);
}

void svc_init(struct svc_serv *serv)
{
	timer_setup(&serv->sv_temptimer, svc_age_temp_xprts, 0);
}
/*
 * check-name: a plain and _bh mix whose only softirq user trylocks
 * check-options: --all-locks
 *
 * check-output-start
 * check-output-end
 */
