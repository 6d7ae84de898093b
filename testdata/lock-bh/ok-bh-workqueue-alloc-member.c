/*
 * The workqueue made with WQ_BH is kept in the device (rtw88's and
 * rtw89's USB rx workqueue, rtwusb->rxwq, in 7.2), and work is queued on
 * it through another pointer to the device, with queue_work_on(): the
 * workqueue is named by its member, as a lock is ("struct usb_dev::rxwq").
 * As in 7.2, alloc_workqueue() is a macro whose alloc_hooks() keeps the
 * result of alloc_workqueue_noprof() in a local of a statement expression,
 * set on two paths.
 */
struct work_struct { unsigned long data; void (*func)(struct work_struct *w); };
struct workqueue_struct;
enum wq_flags {
	WQ_BH		= 1 << 0,
	WQ_UNBOUND	= 1 << 1,
	WQ_PERCPU	= 1 << 8,
};
#define INIT_WORK(_work, _func)				\
	do {						\
		(_work)->data = 0;			\
		(_work)->func = (_func);		\
	} while (0)
bool mem_alloc_profiling_enabled(void);
#define alloc_hooks(_do_alloc)					\
({								\
	typeof(_do_alloc) _res;					\
	if (mem_alloc_profiling_enabled()) {			\
		_res = _do_alloc;				\
		do_work();					\
	} else							\
		_res = _do_alloc;				\
	_res;							\
})
struct workqueue_struct *alloc_workqueue_noprof(const char *fmt, unsigned int flags,
						int max_active, ...);
#define alloc_workqueue(...)	alloc_hooks(alloc_workqueue_noprof(__VA_ARGS__))
bool queue_work_on(int cpu, struct workqueue_struct *wq, struct work_struct *w);
struct usb_dev {
	spinlock_t rx_lock;
	struct workqueue_struct *rxwq;
	struct work_struct rx_work;
};

static void usb_rx_handler(struct work_struct *work)
{
	struct usb_dev *ud = (struct usb_dev *)work;

	spin_lock(&ud->rx_lock);
	do_work();
	spin_unlock(&ud->rx_lock);
}

void usb_rx_complete(struct usb_dev *dev, int cpu)
{
	spin_lock_bh(&dev->rx_lock);
	queue_work_on(cpu, dev->rxwq, &dev->rx_work);
	spin_unlock_bh(&dev->rx_lock);
}

int usb_init_rx(struct usb_dev *ud)
{
	ud->rxwq = alloc_workqueue("usb: rx wq", WQ_BH | WQ_PERCPU, 0);
	if (!ud->rxwq)
		return -ENOMEM;
	INIT_WORK(&ud->rx_work, usb_rx_handler);
	return 0;
}
/*
 * check-name: a work function queued with queue_work_on() on a device's workqueue made with WQ_BH
 * check-options: --all-locks
 * check-known-to-fail: clang-16 libclang before 17 names no operator, and gives a macro body's tokens the place of the expansion: the store in INIT_WORK() is not read
 *
 * check-output-start
 * check-output-end
 */
