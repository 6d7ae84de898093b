/* A driver-private lock mixed plain/_bh is outside mmcheck's default mm
 * scope (reported with --all-locks, see ok-timer-callback.c for why such
 * mixes are usually the softirq idiom). */
struct port { spinlock_t lock; };

void port_rx(struct port *p)
{
	spin_lock(&p->lock);
	do_work();
	spin_unlock(&p->lock);
}

void port_ioctl(struct port *p)
{
	spin_lock_bh(&p->lock);
	do_work();
	spin_unlock_bh(&p->lock);
}
/*
 * check-name: a non-mm lock class is not reported in the default scope
 *
 * check-output-start
 * check-output-end
 */
