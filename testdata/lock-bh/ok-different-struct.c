/* Same member name, different structs: different lock classes. */
struct port { spinlock_t lock; };
struct queue { spinlock_t lock; };

void port_up(struct port *p)
{
	spin_lock(&p->lock);
	do_work();
	spin_unlock(&p->lock);
}

void queue_rx(struct queue *q)
{
	spin_lock_bh(&q->lock);
	do_work();
	spin_unlock_bh(&q->lock);
}
/*
 * check-name: ->lock of two different structs is not one lock
 * check-options: --all-locks
 *
 * check-output-start
 * check-output-end
 */
