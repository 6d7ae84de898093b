/* Like arch/s390/mm/gmap.c in 6.1: the lock reached through gmap->mm. */
#include "tlbflush.h"
void gmap_attach(struct gmap *gmap, struct mm_struct *mm)
{
	gmap->mm = mm;
	spin_lock(&mm->context.lock);	/* BUG */
	list_add(gmap, mm);
	spin_unlock(&mm->context.lock);
}

void gmap_detach(struct gmap *gmap)
{
	spin_lock(&gmap->mm->context.lock);	/* BUG */
	list_add(gmap, NULL);
	spin_unlock(&gmap->mm->context.lock);
}
/* 6.1 calls __tlb_flush_mm_lazy() from many places: it gets compiled. */
void gmap_flush(struct gmap *gmap)
{
	flush_mm_lazy(gmap->mm);
}
/*
 * check-name: s390 mm->context.lock taken plain in a header and gmap.c, _bh in pgalloc.c
 *
 * check-output-start
gmap.c:13:9: error: lock struct mm_struct::context.lock taken with BH enabled here but also in softirq context: deadlock if the softirq interrupts its holder [mm-lock-softirq-unsafe]
gmap.c:13:9: warning: lock struct mm_struct::context.lock taken with BH enabled here but with spin_lock_bh() elsewhere [mm-lock-bh-mixed]
gmap.c:6:9: error: lock struct mm_struct::context.lock taken with BH enabled here but also in softirq context: deadlock if the softirq interrupts its holder [mm-lock-softirq-unsafe]
gmap.c:6:9: warning: lock struct mm_struct::context.lock taken with BH enabled here but with spin_lock_bh() elsewhere [mm-lock-bh-mixed]
 * check-output-end
 */
