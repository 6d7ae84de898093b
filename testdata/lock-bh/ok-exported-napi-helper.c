/*
 * Like __netif_napi_del(): an exported helper whose first parameter is a
 * struct napi_struct * is no NAPI poll callback.  EXPORT_SYMBOL()'s
 * __ADDRESSABLE() takes its address in a scalar static initializer; that
 * is no registration, so the helper's plain lock is not softirq context
 * (sparse took it for one on 6.12: napi_hash_del()).
 */

static spinlock_t napi_hash_lock;

void __netif_napi_del(struct napi_struct *napi)
{
	spin_lock(&napi_hash_lock);
	napi->weight = 0;
	spin_unlock(&napi_hash_lock);
}
static void *__attribute__((used)) __addressable___netif_napi_del = (void *)(unsigned long)&__netif_napi_del;

void napi_hash_add(struct napi_struct *napi)
{
	spin_lock(&napi_hash_lock);
	napi->weight = 1;
	spin_unlock(&napi_hash_lock);
}
/*
 * check-name: an exported helper with a NAPI signature is no callback
 * check-options: --all-locks
 *
 * check-output-start
 * check-output-end
 */
