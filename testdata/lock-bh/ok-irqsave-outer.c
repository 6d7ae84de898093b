/* IRQs off implies BH off. */
void irq_off(struct mm_struct *mm, struct gmap *gmap)
{
	unsigned long flags;

	spin_lock_irqsave(&gmap->guest_table_lock, flags);
	spin_lock(&mm->context.lock);
	do_work();
	spin_unlock(&mm->context.lock);
	spin_unlock_irqrestore(&gmap->guest_table_lock, flags);
}

void table(struct mm_struct *mm)
{
	spin_lock_bh(&mm->context.lock);
	do_work();
	spin_unlock_bh(&mm->context.lock);
}
/*
 * check-name: plain lock inside an outer spin_lock_irqsave() section
 *
 * check-output-start
 * check-output-end
 */
