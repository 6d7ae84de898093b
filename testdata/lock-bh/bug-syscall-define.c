/*
 * A system call takes a lock with BH enabled that an RCU callback takes
 * too, and that another function takes with spin_lock_bh().  The system
 * call's head is written by SYSCALL_DEFINE2(): the semantic patch must
 * read the file around a definition whose lines belong to a macro's
 * expansion (it once failed on exactly that, under make coccicheck).
 */
struct foo { struct rcu_head rcu; spinlock_t lock; int count; };

static struct foo *the_foo;

SYSCALL_DEFINE2(foo_reset, int, how, int, flags)
{
	spin_lock(&the_foo->lock);
	the_foo->count = how | flags;
	spin_unlock(&the_foo->lock);
	return 0;
}

static void foo_free_rcu(struct rcu_head *head)
{
	struct foo *f = (struct foo *)head;

	spin_lock(&f->lock);
	f->count--;
	spin_unlock(&f->lock);
}

void foo_release(struct foo *f)
{
	call_rcu(&f->rcu, foo_free_rcu);
}

void foo_flush(struct foo *f)
{
	spin_lock_bh(&f->lock);
	f->count = 0;
	spin_unlock_bh(&f->lock);
}
/*
 * check-name: a plain lock in a function SYSCALL_DEFINE2() defines
 * check-options: --all-locks
 *
 * check-output-start
bug-syscall-define.c:14:9: error: lock struct foo::lock taken with BH enabled here but also in softirq context: deadlock if the softirq interrupts its holder [mm-lock-softirq-unsafe]
bug-syscall-define.c:14:9: warning: lock struct foo::lock taken with BH enabled here but with spin_lock_bh() elsewhere [mm-lock-bh-mixed]
 * check-output-end
 */
