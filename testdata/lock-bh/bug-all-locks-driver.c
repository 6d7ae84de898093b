/* The same driver-private mix, with --all-locks. */
struct port { spinlock_t lock; };

void port_rx(struct port *p)
{
	spin_lock(&p->lock);	/* BUG */
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
 * check-name: --all-locks reports a driver-private mix
 * check-options: --all-locks
 *
 * check-output-start
bug-all-locks-driver.c:6:9: warning: lock struct port::lock taken with BH enabled here but with spin_lock_bh() elsewhere [mm-lock-bh-mixed]
 * check-output-end
 */
