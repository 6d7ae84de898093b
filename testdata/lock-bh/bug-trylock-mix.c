/*
 * ok-trylock-mix.c with a timer that spins: its spin_lock() in softirq
 * interrupts the plain holder of svc_xprt_set_valid() on its CPU and
 * spins forever.  The mix is reported, and the compiled engines, which
 * see the timer's context, prove the deadlock.
 */
struct svc_serv { spinlock_t sv_lock; int sv_tmpcnt; struct timer_list sv_temptimer; };

void svc_xprt_set_valid(struct svc_serv *serv)
{
	spin_lock(&serv->sv_lock);	/* BUG */
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

	spin_lock(&serv->sv_lock);
	serv->sv_tmpcnt = 0;
	spin_unlock(&serv->sv_lock);
}

void svc_init(struct svc_serv *serv)
{
	timer_setup(&serv->sv_temptimer, svc_age_temp_xprts, 0);
}
/*
 * check-name: a plain and _bh mix with a softirq user that spins
 * check-options: --all-locks
 *
 * check-output-start
bug-trylock-mix.c:11:9: error: lock struct svc_serv::sv_lock taken with BH enabled here but also in softirq context: deadlock if the softirq interrupts its holder [mm-lock-softirq-unsafe]
bug-trylock-mix.c:11:9: warning: lock struct svc_serv::sv_lock taken with BH enabled here but with spin_lock_bh() elsewhere [mm-lock-bh-mixed]
 * check-output-end
 */
