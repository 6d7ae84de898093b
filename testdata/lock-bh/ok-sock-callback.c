/* A socket callback installed in sk_data_ready runs in softirq. */
struct sock { rwlock_t sk_callback_lock; void (*sk_data_ready)(struct sock *sk); };

static void my_data_ready(struct sock *sk)
{
	read_lock(&sk->sk_callback_lock);
	do_work();
	read_unlock(&sk->sk_callback_lock);
}

void my_attach(struct sock *sk)
{
	write_lock_bh(&sk->sk_callback_lock);
	sk->sk_data_ready = my_data_ready;
	write_unlock_bh(&sk->sk_callback_lock);
}
/*
 * check-name: plain acquisition in a function assigned to sk->sk_data_ready
 * check-options: --all-locks
 *
 * check-output-start
 * check-output-end
 */
