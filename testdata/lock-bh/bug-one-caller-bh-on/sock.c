/* One caller disables BH, the other forgets to. */
#include "bucket.h"

void put_port(struct bucket *b)
{
	local_bh_disable();
	__put_port(b);
	local_bh_enable();
}

void put_port_fast(struct bucket *b)
{
	if (b->owners > 1)
		__put_port(b);
}
/*
 * check-output-start
 * check-output-end
 */
