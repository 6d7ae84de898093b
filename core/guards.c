// SPDX-License-Identifier: GPL-2.0
/*
 * guards.c - what a function's parameters must be for an event to be
 * reached, so that the whole-tree analysis can drop a call that a
 * constant argument makes impossible: udp_destruct_common() calls
 * udp_rmem_release(sk, total, 0, true), and udp_rmem_release() takes the
 * receive queue's lock only if (!rx_queue_lock_held).
 *
 * A forward "must" dataflow over the blocks: the facts on a path are the
 * branches it took on a parameter's value (ret == 0 on the success edge
 * of an equality test, nonzero on a failure edge of any test); where
 * paths meet, only what holds on all of them stays.  Assigning the
 * parameter forgets what was known of it.
 */
#include <stdlib.h>
#include <string.h>

#include "mmcore.h"

struct known {
	unsigned zero, nonzero;
};

/* The parameter (from 1) whose value id value is, or 0. */
static int param_of(const struct mm_func *fn, int value)
{
	int i;

	for (i = 0; value != MM_NO_VALUE && i < fn->nparam; i++)
		if (fn->param[i] == value)
			return i + 1;
	return 0;
}

/* What taking edge e says of a parameter.  A sign test's success edge
 * (ret >= 0) says nothing: only its failure (ret < 0) is nonzero. */
static struct known edge_fact(const struct mm_func *fn, const struct mm_edge *e, struct known k)
{
	int p = e->cond == MM_COND_NONE ? 0 : param_of(fn, e->value);

	if (p && e->cond == MM_COND_SUCCESS && !e->sign)
		k.zero |= 1u << p;
	else if (p && e->cond == MM_COND_FAILURE)
		k.nonzero |= 1u << p;
	return k;
}

/* An assignment of a parameter forgets it; at records the state before
 * each event when not NULL. */
static struct known through_block(const struct mm_func *fn, const struct mm_block *b,
				  struct known k, unsigned *zero, unsigned *nonzero)
{
	int i, p;

	for (i = 0; i < b->nev; i++) {
		if (zero) {
			zero[b->ev[i].seq] = k.zero;
			nonzero[b->ev[i].seq] = k.nonzero;
		}
		if (b->ev[i].kind == MM_EV_ASSIGN && (p = param_of(fn, b->ev[i].obj))) {
			k.zero &= ~(1u << p);
			k.nonzero &= ~(1u << p);
		}
	}
	return k;
}

/* Does any branch of fn test a parameter?  Most functions' do not: they
 * are walked no further (the plugin's cost is measured, bench/). */
static int tests_param(const struct mm_func *fn)
{
	int b, i;

	for (b = 0; b < fn->nb; b++)
		for (i = 0; i < fn->b[b].nsucc; i++)
			if (fn->b[b].succ[i].cond != MM_COND_NONE &&
			    param_of(fn, fn->b[b].succ[i].value))
				return 1;
	return 0;
}

void mm_param_guards(const struct mm_func *fn, unsigned *zero, unsigned *nonzero)
{
	struct known *in, out, k;
	char *reached;
	int b, i, changed = 1;

	memset(zero, 0, fn->nev * sizeof(*zero));
	memset(nonzero, 0, fn->nev * sizeof(*nonzero));
	if (!fn->nparam || !tests_param(fn))
		return;
	in = calloc(fn->nb, sizeof(*in));
	reached = calloc(fn->nb, 1);
	if (!in || !reached)
		abort();
	reached[0] = 1;
	while (changed) {	/* facts only shrink: this ends */
		changed = 0;
		for (b = 0; b < fn->nb; b++) {
			if (!reached[b])
				continue;
			out = through_block(fn, &fn->b[b], in[b], NULL, NULL);
			for (i = 0; i < fn->b[b].nsucc; i++) {
				int to = fn->b[b].succ[i].to;

				k = edge_fact(fn, &fn->b[b].succ[i], out);
				if (reached[to]) {
					k.zero &= in[to].zero;
					k.nonzero &= in[to].nonzero;
				}
				if (!reached[to] || k.zero != in[to].zero ||
				    k.nonzero != in[to].nonzero) {
					reached[to] = 1;
					in[to] = k;
					changed = 1;
				}
			}
		}
	}
	for (b = 0; b < fn->nb; b++)
		if (reached[b])
			through_block(fn, &fn->b[b], in[b], zero, nonzero);
	free(in);
	free(reached);
}
