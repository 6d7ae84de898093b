/*
 * ok-seq-file-bh/arp.c, whose start returns with BH enabled
 * (neighbour.c): show takes the entry's lock plainly with BH enabled,
 * which the neighbour timer takes in softirq.
 */
#include "seq.h"

extern struct neigh_table arp_tbl;

static void arp_format_neigh_entry(struct seq_file *seq, struct neighbour *n)
{
	read_lock(&n->lock);
	seq->private = n;
	read_unlock(&n->lock);
}

static int arp_seq_show(struct seq_file *seq, void *v)
{
	arp_format_neigh_entry(seq, v);
	return 0;
}

static void *arp_seq_start(struct seq_file *seq, long long *pos)
{
	return neigh_seq_start(seq, pos, &arp_tbl, 1);
}

static const struct seq_operations arp_seq_ops = {
	.start	= arp_seq_start,
	.stop	= neigh_seq_stop,
	.show	= arp_seq_show,
};

const struct seq_operations *arp_ops(void)
{
	return &arp_seq_ops;
}
/*
 * check-name: a seq_file's start that leaves BH enabled
 * check-options: --all-locks
 *
 * check-output-start
arp.c:12:9: error: lock struct neighbour::lock taken with BH enabled here but also in softirq context: deadlock if the softirq interrupts its holder [mm-lock-softirq-unsafe]
arp.c:12:9: warning: lock struct neighbour::lock taken with BH enabled here but with write_lock_bh() elsewhere [mm-lock-bh-mixed]
 * check-output-end
 */
