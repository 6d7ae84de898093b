/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmcheck-kernel.h - just enough of the kernel's mm, TLB and locking API for
 * the corpus snippets to compile (gcc -fsyntax-only, and the compiled
 * engines later).  Written for mmcheck; declarations only, no kernel code.
 * Names follow the kernels the rules cover: 6.1 (page_*) through mainline
 * (folio_*).
 */
#ifndef MMCHECK_KERNEL_H
#define MMCHECK_KERNEL_H

#include <stdbool.h>
#include <stddef.h>

#define EIO		5
#define EAGAIN		11
#define EBUSY		16
#define ENOMEM		12
#define PAGE_SIZE	4096UL
#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)

typedef struct { unsigned long pte; } pte_t;
typedef struct { unsigned long pmd; } pmd_t;
typedef struct { unsigned long val; } swp_entry_t;
typedef struct spinlock { int raw; } spinlock_t;
typedef struct { int raw; } rwlock_t;

struct page { unsigned long flags; };
struct folio { struct page page; };
typedef struct { spinlock_t lock; unsigned long flush_mm; } mm_context_t;
/* As in the kernel, the fields sit in an anonymous struct (the cpu
 * bitmap follows it): a lock class must not name it. */
struct mm_struct {
	struct {
		mm_context_t context;
		spinlock_t page_table_lock;
		rwlock_t mmap_rwlock;
	};
	unsigned long cpu_bitmap[];
};
struct vm_area_struct { struct mm_struct *vm_mm; unsigned long vm_flags; };
struct mmu_gather { struct mm_struct *mm; unsigned int fullmm; };
struct gmap { struct mm_struct *mm; spinlock_t guest_table_lock; };
struct rcu_head { void *next; };
struct timer_list { unsigned long expires; void (*function)(struct timer_list *); };
/* linux/timer.h: a static timer, its callback in the initializer */
#define DEFINE_TIMER(_name, _function) \
	struct timer_list _name = { .function = (_function) }
/* linux/workqueue.h: a static work item, its function in the initializer
 * (the snippets that use it define struct work_struct with .func) */
#define __WORK_INITIALIZER(n, f)	{ .data = 0, .func = (f) }
#define DECLARE_WORK(n, f)		struct work_struct n = __WORK_INITIALIZER(n, f)
struct tasklet_struct { unsigned long state; };
struct napi_struct { int weight; };
struct net_device { int ifindex; };

/* PTE clears: the *_clear_flush variants flush the TLB, the others defer. */
pte_t ptep_get_and_clear(struct mm_struct *mm, unsigned long addr, pte_t *ptep);
pte_t ptep_get_and_clear_full(struct mm_struct *mm, unsigned long addr, pte_t *ptep, int full);
pte_t ptep_clear(struct mm_struct *mm, unsigned long addr, pte_t *ptep);
pte_t get_and_clear_ptes(struct mm_struct *mm, unsigned long addr, pte_t *ptep,
			 unsigned int nr);
pte_t get_and_clear_full_ptes(struct mm_struct *mm, unsigned long addr, pte_t *ptep,
			      unsigned int nr, int full);
void clear_full_ptes(struct mm_struct *mm, unsigned long addr, pte_t *ptep,
		     unsigned int nr, int full);
pte_t huge_ptep_get_and_clear(struct mm_struct *mm, unsigned long addr, pte_t *ptep);
pte_t ptep_clear_flush(struct vm_area_struct *vma, unsigned long addr, pte_t *ptep);
pte_t huge_ptep_clear_flush(struct vm_area_struct *vma, unsigned long addr, pte_t *ptep);
void set_pte_at(struct mm_struct *mm, unsigned long addr, pte_t *ptep, pte_t pte);
void set_ptes(struct mm_struct *mm, unsigned long addr, pte_t *ptep, pte_t pte, unsigned int nr);
void set_huge_pte_at(struct mm_struct *mm, unsigned long addr, pte_t *ptep, pte_t pte,
		     unsigned long sz);
int pte_dirty(pte_t pte);
int pte_young(pte_t pte);
int pte_present(pte_t pte);
pte_t swp_entry_to_pte(swp_entry_t entry);

/* The mmu_gather and its TLB flushes. */
void tlb_remove_tlb_entry(struct mmu_gather *tlb, pte_t *ptep, unsigned long addr);
void tlb_remove_tlb_entries(struct mmu_gather *tlb, pte_t *ptep, unsigned int nr,
			    unsigned long addr);
void tlb_flush_mmu(struct mmu_gather *tlb);
void tlb_flush_mmu_tlbonly(struct mmu_gather *tlb);
void tlb_finish_mmu(struct mmu_gather *tlb);
void flush_tlb_range(struct vm_area_struct *vma, unsigned long start, unsigned long end);
/* x86 defines flush_tlb_range() and flush_tlb_mm() as macros over this */
void flush_tlb_mm_range(struct mm_struct *mm, unsigned long start, unsigned long end,
			unsigned int stride_shift, bool freed_tables);
void set_tlb_ubc_flush_pending(struct mm_struct *mm, int writable);
bool tlb_delay_rmap(struct mmu_gather *tlb);
void tlb_flush_rmaps(struct mmu_gather *tlb, struct vm_area_struct *vma);
bool __tlb_remove_page(struct mmu_gather *tlb, struct page *page, bool delay_rmap);
bool __tlb_remove_folio_pages(struct mmu_gather *tlb, struct page *page, unsigned int nr,
			      bool delay_rmap);

/* rmap, dirtying and anon tests, old and new names. */
void page_remove_rmap(struct page *page, struct vm_area_struct *vma, bool compound);
void page_zap_pte_rmap(struct page *page);
void folio_remove_rmap_pte(struct folio *folio, struct page *page, struct vm_area_struct *vma);
void folio_remove_rmap_ptes(struct folio *folio, struct page *page, int nr,
			    struct vm_area_struct *vma);
void folio_remove_rmap_pmd(struct folio *folio, struct page *page, struct vm_area_struct *vma);
void hugetlb_remove_rmap(struct folio *folio);
bool set_page_dirty(struct page *page);
bool folio_mark_dirty(struct folio *folio);
int PageAnon(struct page *page);
bool folio_test_anon(struct folio *folio);
struct folio *page_folio(struct page *page);
struct page *vm_normal_page(struct vm_area_struct *vma, unsigned long addr, pte_t pte);
void folio_lock(struct folio *folio);
bool folio_trylock(struct folio *folio);
void folio_unlock(struct folio *folio);
void folio_put(struct folio *folio);
void pte_unmap_unlock(pte_t *pte, spinlock_t *ptl);

/* Locks, by flavour, and the BH/IRQ switches. */
void spin_lock(spinlock_t *lock);
void spin_unlock(spinlock_t *lock);
int spin_trylock(spinlock_t *lock);
void spin_lock_bh(spinlock_t *lock);
int spin_trylock_bh(spinlock_t *lock);
void spin_unlock_bh(spinlock_t *lock);
void spin_lock_irq(spinlock_t *lock);
void spin_unlock_irq(spinlock_t *lock);
#define spin_lock_irqsave(lock, flags)		((flags) = _raw_spin_lock_irqsave(lock))
unsigned long _raw_spin_lock_irqsave(spinlock_t *lock);
void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags);
void spin_lock_init(spinlock_t *lock);
/* As without CONFIG_LOCKDEP: the lock is not even evaluated. */
#define lockdep_set_class(lock, key)	do { (void)(key); } while (0)
/* linux/rwlock.h: every rwlock operation is a macro; the compiler sees
 * only the _raw_ function (or, with CONFIG_INLINE_*, the inline __raw_). */
void _raw_read_lock(rwlock_t *lock);
void __raw_read_unlock(rwlock_t *lock);
void _raw_write_lock(rwlock_t *lock);
void __raw_write_unlock(rwlock_t *lock);
void _raw_read_lock_bh(rwlock_t *lock);
void _raw_read_unlock_bh(rwlock_t *lock);
void _raw_write_lock_bh(rwlock_t *lock);
void _raw_write_unlock_bh(rwlock_t *lock);
void _raw_write_lock_irq(rwlock_t *lock);
void __raw_write_unlock_irq(rwlock_t *lock);
#define read_lock(lock)		_raw_read_lock(lock)
#define read_unlock(lock)	__raw_read_unlock(lock)
#define write_lock(lock)	_raw_write_lock(lock)
#define write_unlock(lock)	__raw_write_unlock(lock)
#define read_lock_bh(lock)	_raw_read_lock_bh(lock)
#define read_unlock_bh(lock)	_raw_read_unlock_bh(lock)
#define write_lock_bh(lock)	_raw_write_lock_bh(lock)
#define write_unlock_bh(lock)	_raw_write_unlock_bh(lock)
#define write_lock_irq(lock)	_raw_write_lock_irq(lock)
#define write_unlock_irq(lock)	__raw_write_unlock_irq(lock)
void local_bh_disable(void);
void local_bh_enable(void);
struct net_device;
void netif_tx_lock_bh(struct net_device *dev);
void netif_tx_unlock_bh(struct net_device *dev);
unsigned long arch_local_irq_save(void);
void arch_local_irq_restore(unsigned long flags);
#define local_irq_save(flags)		((flags) = arch_local_irq_save())
#define local_irq_restore(flags)	arch_local_irq_restore(flags)

/* mmcheck's debugging intrinsic: what the analysis believes here. */
void __mmcheck_bh(void);
#define DEFINE_SPINLOCK(x)	spinlock_t x = { 0 }
#define DEFINE_RWLOCK(x)	rwlock_t x = { 0 }

/* linux/syscalls.h, without the wrappers: a function whose head a macro writes. */
#define SYSCALL_DEFINE2(name, t1, a1, t2, a2)	long __do_sys_##name(t1 a1, t2 a2)

/* linux/cleanup.h lock guards as the compiler sees them: a constructor
 * takes the lock, a cleanup destructor releases it at scope exit. */
#define __guard_cat(a, b)	a##b
#define __guard_name(n)		__guard_cat(__guard_, n)
#define DEFINE_TEST_GUARD(c, type)					\
	typedef type *class_##c##_t;					\
	class_##c##_t class_##c##_constructor(type *lock);		\
	void class_##c##_destructor(class_##c##_t *scope)
#define guard(c)							\
	class_##c##_t __guard_name(__COUNTER__)				\
	__attribute__((cleanup(class_##c##_destructor))) = class_##c##_constructor
#define scoped_guard(c, lock)						\
	for (class_##c##_t scope __attribute__((cleanup(class_##c##_destructor))) = \
	     class_##c##_constructor(lock), *done = 0; !done; done = (void *)1)
DEFINE_TEST_GUARD(spinlock, spinlock_t);
DEFINE_TEST_GUARD(spinlock_bh, spinlock_t);
DEFINE_TEST_GUARD(spinlock_irq, spinlock_t);
DEFINE_TEST_GUARD(read_lock, rwlock_t);
DEFINE_TEST_GUARD(write_lock_bh, rwlock_t);

/* Softirq callbacks and their registration. */
void call_rcu(struct rcu_head *head, void (*func)(struct rcu_head *head));
void timer_setup(struct timer_list *timer, void (*func)(struct timer_list *), unsigned int flags);
/* 6.16 on: timer_setup() expands to timer_init_key(), once init_timer_key() */
struct lock_class_key { char dummy; };
void timer_init_key(struct timer_list *timer, void (*func)(struct timer_list *),
		    unsigned int flags, const char *name, struct lock_class_key *key);
void tasklet_setup(struct tasklet_struct *t, void (*func)(struct tasklet_struct *));
/* 6.13 on: hrtimer_setup() replaces hrtimer_init() and '.function = fn' */
struct hrtimer;
void hrtimer_setup(struct hrtimer *timer, int (*function)(struct hrtimer *), int clock_id,
		   int mode);
#define NET_RX_SOFTIRQ 3

/* linux/preempt.h: the context tests are masks of the preempt count */
extern int __preempt_count;
static inline __attribute__((__always_inline__)) int preempt_count(void)
{
	return __preempt_count;
}
#define SOFTIRQ_MASK		0xff00
#define HARDIRQ_MASK		0xf0000
#define softirq_count()		(preempt_count() & SOFTIRQ_MASK)
#define in_softirq()		(softirq_count())
#define in_interrupt()		(preempt_count() & (HARDIRQ_MASK | SOFTIRQ_MASK))
void open_softirq(int nr, void (*action)(void));
void netif_napi_add(struct net_device *dev, struct napi_struct *napi,
		    int (*poll)(struct napi_struct *, int));
void netif_napi_add_config(struct net_device *dev, struct napi_struct *napi,
			   int (*poll)(struct napi_struct *, int), int index);

/* do/undo pairs. */
int arch_unmap_one(struct mm_struct *mm, struct vm_area_struct *vma,
		   unsigned long addr, pte_t orig_pte);
void arch_remap_one(struct mm_struct *mm, struct vm_area_struct *vma,
		    unsigned long addr, pte_t orig_pte);
int swap_duplicate(swp_entry_t entry);
void swap_free(swp_entry_t entry);
void swap_free_nr(swp_entry_t entry, int nr);
int folio_dup_swap(struct folio *folio, struct page *page);
void folio_put_swap(struct folio *folio, struct page *page);
bool folio_try_share_anon_rmap_pte(struct folio *folio, struct page *page);
bool page_vma_mapped_walk(void *pvmw);

/* Odds and ends the snippets use. */
void mark_page_accessed(struct page *page);
void list_add(void *entry, void *head);
void do_work(void);
int need_resched(void);

#endif /* MMCHECK_KERNEL_H */
