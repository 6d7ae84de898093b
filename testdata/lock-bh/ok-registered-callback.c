/* A NAPI poll function, known as softirq context by its registration. */
struct nic { spinlock_t lock; struct napi_struct napi; struct net_device dev; };

static int nic_poll(struct napi_struct *napi, int budget)
{
	struct nic *n = (struct nic *)napi;

	spin_lock(&n->lock);
	do_work();
	spin_unlock(&n->lock);
	return budget;
}

void nic_open(struct nic *n)
{
	netif_napi_add(&n->dev, &n->napi, nic_poll);
	spin_lock_bh(&n->lock);
	do_work();
	spin_unlock_bh(&n->lock);
}
/*
 * check-name: plain acquisition in a registered NAPI poll function
 * check-options: --all-locks
 *
 * check-output-start
 * check-output-end
 */
