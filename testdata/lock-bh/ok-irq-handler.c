/* A hardirq handler's plain acquisition: no softirq can run on this CPU
 * while it holds the lock. */
typedef enum irqreturn { IRQ_NONE, IRQ_HANDLED } irqreturn_t;	/* as in the kernel */
int request_irq(unsigned int irq, irqreturn_t (*handler)(int, void *), unsigned long flags,
		const char *name, void *dev);
struct card { spinlock_t lock; };

static irqreturn_t card_interrupt(int irq, void *dev_id)
{
	struct card *c = dev_id;

	spin_lock(&c->lock);
	do_work();
	spin_unlock(&c->lock);
	return 1;
}

void card_ioctl(struct card *c)
{
	spin_lock_bh(&c->lock);
	do_work();
	spin_unlock_bh(&c->lock);
}

int card_probe(struct card *c, unsigned int irq)
{
	return request_irq(irq, card_interrupt, 0, "card", c);
}
/*
 * check-name: plain acquisition in a hardirq handler (irqreturn_t)
 * check-options: --all-locks
 *
 * check-output-start
 * check-output-end
 */
