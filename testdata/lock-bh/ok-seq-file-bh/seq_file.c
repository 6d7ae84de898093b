/* Like fs/seq_file.c: start, then show, then stop, through the ops. */
#include "seq.h"

int seq_read(struct seq_file *m, long long *pos)
{
	void *p = m->op->start(m, pos);
	int err = m->op->show(m, p);

	m->op->stop(m, p);
	return err;
}
/*
 * check-output-start
 * check-output-end
 */
