/*
 * Like net/ipv4/arp.c: arp_seq_start() returns what neigh_seq_start()
 * returns, with the table's lock held with BH disabled, and seq_read()
 * calls arp_seq_show() before neigh_seq_stop() drops it: the entry's
 * plain read_lock() is taken with BH disabled.  The analysis knows it
 * from the leaves records (neigh_seq_start() returns with BH disabled,
 * arp_seq_start() does if it does) and the catalogue's called_after rows
 * (show runs in the state its object's start returned in).  Was a false
 * alarm on 6.1 and 6.12: arp_format_neigh_entry().
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
 * check-name: a seq_file's show runs in the BH state its start returned in
 * check-options: --all-locks
 * check-known-to-fail: cocci the order seq_read() calls an ops object's members in is not seen
 *
 * check-output-start
 * check-output-end
 */
