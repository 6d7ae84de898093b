// SPDX-License-Identifier: GPL-2.0
/*
 * paths.c - the one path walker every check uses.
 *
 * Depth-first over (block, state) pairs.  A check's state is plain bytes,
 * compared with memcmp, so two paths that reach a block in the same state
 * are explored once: loops end, and the cost is bounded by blocks times
 * distinct states, not by the number of paths.
 *
 * The walker keeps, beside the check's state, what the branches a path
 * took say of a value the function tests more than once, so that a path
 * that contradicts an earlier branch on it is not taken: if (present)
 * flush; ... if (present) dirty; has no path through the unflushed clear
 * and the dirtying (7.2's set_pmd_migration_entry()).  Assigning the value
 * forgets what the branches said.  Only values tested twice are kept, so
 * most functions' state space is what it was.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mmcore.h"
#include "checks.h"

#define MM_MAX_VISITS 200000

/* The (block, state) pairs seen: each stored once, in order, in keys; an
 * open-addressed table of their hashes and places finds them.  Growing
 * moves the small slots only, never a state. */
struct visited {
	struct slot { uint32_t hash, at; } *slots;	/* at: index in keys + 1, 0 = empty */
	unsigned char *keys;	/* per pair: int block, then the state */
	size_t nslots, used, key_size, state_size;	/* nslots: a power of two */
};

/* FNV-1a, a word at a time: the states are tens of bytes, hashed at every
 * block a path reaches. */
static uint32_t hash_state(int block, const void *p, size_t n)
{
	const unsigned char *c = p;
	uint64_t h = (14695981039346656037ULL ^ (unsigned)block) * 1099511628211ULL, w;

	for (; n >= sizeof(w); n -= sizeof(w), c += sizeof(w)) {
		memcpy(&w, c, sizeof(w));
		h = (h ^ w) * 1099511628211ULL;
	}
	while (n--)
		h = (h ^ *c++) * 1099511628211ULL;
	return (uint32_t)(h ^ (h >> 32));
}

/* Room for twice the pairs (first: each block once, most functions' whole
 * walk). */
static int grow(struct visited *v, size_t want)
{
	size_t n = v->nslots ? v->nslots * 2 : 16, i, j;
	struct slot *slots;
	unsigned char *keys;

	while (n < 2 * want)
		n *= 2;
	slots = calloc(n, sizeof(*slots));
	keys = realloc(v->keys, n / 2 * v->key_size);
	if (!slots || !keys) {
		free(slots);
		if (keys)
			v->keys = keys;
		return -1;
	}
	v->keys = keys;
	for (i = 0; i < v->nslots; i++) {
		if (!v->slots[i].at)
			continue;
		for (j = v->slots[i].hash & (n - 1); slots[j].at; j = (j + 1) & (n - 1))
			;
		slots[j] = v->slots[i];
	}
	free(v->slots);
	v->slots = slots;
	v->nslots = n;
	return 0;
}

/* 1 if newly inserted, 0 if already there, -1 on allocation failure. */
static int insert(struct visited *v, int block, const void *state)
{
	uint32_t h = hash_state(block, state, v->state_size);
	size_t i, mask;
	unsigned char *k;

	if ((v->used + 1) * 2 > v->nslots && grow(v, v->used + 1))
		return -1;
	mask = v->nslots - 1;
	for (i = h & mask; v->slots[i].at; i = (i + 1) & mask) {
		k = v->keys + (v->slots[i].at - 1) * v->key_size;
		if (v->slots[i].hash == h && !memcmp(k, &block, sizeof(block)) &&
		    !memcmp(k + sizeof(block), state, v->state_size))
			return 0;
	}
	k = v->keys + v->used * v->key_size;
	memcpy(k, &block, sizeof(block));
	memcpy(k + sizeof(block), state, v->state_size);
	v->slots[i].hash = h;
	v->slots[i].at = ++v->used;
	return 1;
}

/* A check's state is a struct of its own, read in place: aligned as
 * malloc() aligns, in every frame of the stack (fsize below). */
#define FRAME_ALIGN _Alignof(max_align_t)

#define MAX_BRANCH_FACTS 4

/* What the branches taken say of values tested more than once: nonzero
 * or zero.  Part of the visited key, before the check's state. */
struct branch_facts {
	int value[MAX_BRANCH_FACTS];
	unsigned char nonzero[MAX_BRANCH_FACTS];
	unsigned char n;
};

struct frame {
	int block;
	struct branch_facts facts;
	_Alignas(FRAME_ALIGN) unsigned char state[];
};

static int by_value(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return x < y ? -1 : x > y;
}

/* The values fn tests on the edges of two blocks or more (each once). */
static int *retested(const struct mm_func *fn, int *n)
{
	int *tested = NULL, ntested = 0, b, i, v;

	*n = 0;
	for (b = 0; b < fn->nb; b++) {
		for (i = 0, v = MM_NO_VALUE; i < fn->b[b].nsucc && v == MM_NO_VALUE; i++)
			if (fn->b[b].succ[i].cond != MM_COND_NONE)
				v = fn->b[b].succ[i].value;
		if (v == MM_NO_VALUE)
			continue;
		if (!tested)
			tested = mm_xrealloc(NULL, fn->nb * sizeof(int));
		tested[ntested++] = v;
	}
	if (ntested < 2) {
		free(tested);
		return NULL;
	}
	qsort(tested, ntested, sizeof(int), by_value);
	for (i = 1; i < ntested; i++)	/* in place: the first of each run of two or more */
		if (tested[i] == tested[i - 1] && (!*n || tested[*n - 1] != tested[i]))
			tested[(*n)++] = tested[i];
	return tested;
}

static int fact_index(const struct branch_facts *f, int value)
{
	int i;

	for (i = 0; i < f->n; i++)
		if (f->value[i] == value)
			return i;
	return -1;
}

/* Take edge e with facts f: 0 if it contradicts them.  A sign test's
 * success (ret >= 0) says nothing of zero. */
static int branch(struct branch_facts *f, const struct mm_edge *e, const int *track, int ntrack)
{
	int i, nonzero;

	if (e->cond == MM_COND_NONE || (e->cond == MM_COND_SUCCESS && e->sign))
		return 1;
	for (i = 0; i < ntrack && track[i] != e->value; i++)
		;
	if (i == ntrack)
		return 1;
	nonzero = e->cond == MM_COND_FAILURE;
	i = fact_index(f, e->value);
	if (i >= 0)
		return f->nonzero[i] == nonzero;
	if (f->n < MAX_BRANCH_FACTS) {
		f->value[f->n] = e->value;
		f->nonzero[f->n++] = nonzero;
	}
	return 1;
}

static void forget(struct branch_facts *f, const struct mm_event *ev)
{
	int i = ev->kind == MM_EV_ASSIGN ? fact_index(f, ev->obj) : -1;

	if (i < 0)
		return;
	f->n--;
	f->value[i] = f->value[f->n];
	f->nonzero[i] = f->nonzero[f->n];
	f->value[f->n] = 0;
	f->nonzero[f->n] = 0;
}

static int walk(const struct mm_func *fn, const struct mm_walker *w, void *ctx, int facts,
		size_t max_visits, size_t *visits)
{
	size_t fsize = (sizeof(struct frame) + w->state_size + FRAME_ALIGN - 1) &
		       ~(FRAME_ALIGN - 1);
	/* the visited key: the check's state, and the branch facts before it
	 * (with the padding between them, kept zero) when there are any */
	int ntrack = 0, *track = fn->nb && facts ? retested(fn, &ntrack) : NULL;
	size_t key = ntrack ? fsize - offsetof(struct frame, facts) : w->state_size;
	size_t at = ntrack ? offsetof(struct frame, facts) : offsetof(struct frame, state);
	struct visited v = { .key_size = sizeof(int) + key, .state_size = key };
	unsigned char *stack = NULL, *cur;
	size_t depth = 0, cap = 0;
	int ret = 0, i, stop;

	if (!fn->nb)
		return 0;
	if (grow(&v, fn->nb)) {
		free(v.keys);
		free(track);
		return -1;
	}
	cur = calloc(1, fsize);
	if (!cur) {
		free(v.slots);
		free(v.keys);
		free(track);
		return -1;
	}
	w->init(((struct frame *)cur)->state);
	stack = cur;
	depth = cap = 1;
	cur = malloc(fsize);
	while (depth && cur) {
		struct frame *top = (struct frame *)(stack + --depth * fsize);
		const struct mm_block *b = &fn->b[top->block];
		int fresh = insert(&v, top->block, (unsigned char *)top + at);

		if (fresh <= 0) {
			if (fresh < 0)
				ret = -1;
			continue;
		}
		if (v.used > max_visits) {
			ret = -1;
			break;
		}
		memcpy(cur, top, fsize);
		stop = 0;
		for (i = 0; i < b->nev && !stop; i++) {
			stop = w->event(((struct frame *)cur)->state, &b->ev[i], ctx);
			if (ntrack)
				forget(&((struct frame *)cur)->facts, &b->ev[i]);
		}
		if (!stop && !b->nsucc && w->end)
			w->end(((struct frame *)cur)->state, ctx);
		for (i = 0; i < b->nsucc && !stop; i++) {
			struct frame *next;

			if (depth == cap) {
				unsigned char *grown = realloc(stack, (cap *= 2) * fsize);

				if (!grown) {
					ret = -1;
					goto out;
				}
				stack = grown;
			}
			next = (struct frame *)(stack + depth * fsize);
			memcpy(next, cur, fsize);
			next->block = b->succ[i].to;
			if ((!ntrack || branch(&next->facts, &b->succ[i], track, ntrack)) &&
			    (!w->edge || w->edge(next->state, &b->succ[i], ctx)))
				depth++;
		}
	}
out:
	if (visits)
		*visits = v.used;
	free(cur);
	free(stack);
	free(v.slots);
	free(v.keys);
	free(track);
	return ret;
}

/*
 * The branch facts split states: a function that tests many values
 * (6.12's isolate_migratepages_block()) may then have more states than
 * the bound.  It is walked again without them: every path, a superset,
 * so what the first walk found holds, and the function is incomplete
 * only if that walk is too.
 */
int mm_walk(const struct mm_func *fn, const struct mm_walker *w, void *ctx)
{
	return walk(fn, w, ctx, 1, MM_MAX_VISITS, NULL) &&
	       walk(fn, w, ctx, 0, MM_MAX_VISITS, NULL) ? -1 : 0;
}

int mm_walk_all_paths(const struct mm_func *fn, const struct mm_walker *w, void *ctx,
		      size_t *visits)
{
	return walk(fn, w, ctx, 0, MM_MAX_VISITS, visits);
}

int mm_walk_retests(const struct mm_func *fn)
{
	int n = 0;

	free(retested(fn, &n));
	return n > 0;
}

int mm_walk_bounded(const struct mm_func *fn, const struct mm_walker *w, void *ctx,
		    size_t max_visits)
{
	return walk(fn, w, ctx, 1, max_visits < MM_MAX_VISITS ? max_visits : MM_MAX_VISITS, NULL);
}
