/*
 * Like net/core/neighbour.c: the seq_file iterator holds the table's lock
 * with BH disabled from start to stop; the neighbour timer takes an
 * entry's lock in softirq, neigh_update() with BH disabled.
 */
#include "seq.h"

void *neigh_seq_start(struct seq_file *m, long long *pos, struct neigh_table *tbl,
		      unsigned int flags)
{
	m->private = tbl;
	read_lock_bh(&tbl->lock);
	return pos;
}

void neigh_seq_stop(struct seq_file *m, void *v)
{
	struct neigh_table *tbl = m->private;

	read_unlock_bh(&tbl->lock);
}

static void neigh_timer_handler(struct timer_list *t)
{
	struct neighbour *n = (struct neighbour *)t;

	write_lock(&n->lock);
	n->nud_state = 0;
	write_unlock(&n->lock);
}

void neigh_add_timer(struct timer_list *t)
{
	timer_setup(t, neigh_timer_handler, 0);
}

void neigh_update(struct neighbour *n, int state)
{
	write_lock_bh(&n->lock);
	n->nud_state = state;
	write_unlock_bh(&n->lock);
}
/*
 * check-output-start
 * check-output-end
 */
