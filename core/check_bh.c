// SPDX-License-Identifier: GPL-2.0
/*
 * check_bh.c - the BH state at every lock acquisition and every call, for
 * the whole-tree lock analysis (lockdep's SOFTIRQ-ON / IN-SOFTIRQ usage,
 * found without running the code; a call made with BH disabled passes
 * that on to its callee), and the __mmcheck_bh() intrinsic that lets a
 * corpus case ask what the walk believes at a line.
 *
 * BH is disabled while any of these is held on the path: a _bh or _irq*
 * lock (IRQs off implies no softirq on this CPU), local_bh_disable() or
 * local_irq_*() (catalogue kinds bh_disable/bh_enable), a BH or IRQ guard.
 * So is it on the side of a branch where a context test says softirq or
 * interrupt context: if (in_softirq()) spin_lock(); else spin_lock_bh();
 * (7.2's page_pool_producer_lock()).  The test's value is followed
 * through copies (bool in_softirq = in_softirq(); if (in_softirq)) until
 * the variable is assigned again.  The result of a call that leaves BH
 * disabled exactly when it is nonzero is such a value too:
 * if (!(t = lock_timer(id))) return; and 7.2's scoped_cond_guard() of
 * lock_timer, whose class constructor returns what lock_timer() does.
 * The state is a small counter and the values that hold a test, so the
 * one path walker explores each block once per nesting depth and test.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "mmcore.h"
#include "checks.h"

#define SEEN_ON		1	/* reached with BH enabled */
#define SEEN_OFF	2	/* reached with BH disabled */
#define MAX_DEPTH	15
#define MAX_TESTS	4

struct bh_state {
	unsigned char off;	/* forward: BH-disabling sections held on this path;
				 * backward: BH enables still to come that no
				 * disable after this point explains */
	unsigned char in_context;	/* a context test was true on this path */
	unsigned char ntests;
	int test[MAX_TESTS];	/* values holding a context test's result */
};

struct bh_walk {
	unsigned char *seen;	/* per event seq: SEEN_* of the paths reaching it */
	int backward;
	int tests;		/* fn has context tests: the state's tests are kept
				 * (without, the walker keeps only off and in_context) */
	mm_bh_effect_fn effect;	/* what a call leaves behind, or NULL */
	void *effect_ctx;
	unsigned char ends;	/* SEEN_* of the states paths end in */
	unsigned char returns;	/* RET_* of the returns the walk met */
};

/* How the returns of a function relate its result to the BH state. */
#define RET_OFF		1	/* a nonzero result with BH disabled (or a test's value) */
#define RET_BAD		2	/* maybe nonzero with BH enabled */

static void init(void *p)
{
	memset(p, 0, sizeof(struct bh_state));
}

static void init_plain(void *p)
{
	memset(p, 0, offsetof(struct bh_state, ntests));
}

/* What a call leaves behind (mm_bh_effect_fn), 0 for another event. */
static int call_effect(const struct mm_event *ev, mm_bh_effect_fn effect, void *effect_ctx)
{
	return ev->kind == MM_EV_CALL && effect ? effect(ev->name, effect_ctx) : 0;
}

/* +1 for an event that disables BH, -1 for one that enables it again. */
static int bh_delta(const struct mm_event *ev, mm_bh_effect_fn effect, void *effect_ctx)
{
	int bh = ev->flavour == MM_BH || ev->flavour == MM_IRQ;
	int d;

	switch (ev->kind) {
	case MM_EV_CALL:
		d = call_effect(ev, effect, effect_ctx);
		return d == MM_BH_IF_RESULT ? 0 : d;
	case MM_EV_LOCK:
		return bh;
	case MM_EV_UNLOCK:
		return -bh;
	case MM_EV_BH_DISABLE:
		return 1;
	case MM_EV_BH_ENABLE:
		return -1;
	default:
		return 0;
	}
}

static int is_site(const struct mm_event *ev)
{
	return ev->kind == MM_EV_LOCK || ev->kind == MM_EV_CALL || ev->kind == MM_EV_DEBUG;
}

static int test_index(const struct bh_state *s, int value)
{
	int i;

	for (i = 0; value != MM_NO_VALUE && i < s->ntests; i++)
		if (s->test[i] == value)
			return i;
	return -1;
}

static void add_test(struct bh_state *s, int value)
{
	if (value != MM_NO_VALUE && test_index(s, value) < 0 && s->ntests < MAX_TESTS)
		s->test[s->ntests++] = value;
}

/* Which values hold a context test: the test's result, its copies; a
 * variable assigned again holds what it is given. */
static void track_tests(struct bh_state *s, const struct mm_event *ev, const struct bh_walk *w)
{
	int i;

	if (ev->kind == MM_EV_BH_TEST ||
	    call_effect(ev, w->effect, w->effect_ctx) == MM_BH_IF_RESULT)
		add_test(s, ev->result);
	else if (ev->kind == MM_EV_ASSIGN && (i = test_index(s, ev->obj)) >= 0) {
		s->test[i] = s->test[--s->ntests];
		s->test[s->ntests] = 0;	/* states compare as bytes */
	}
	else if (ev->kind == MM_EV_COPY && test_index(s, ev->result) >= 0)
		add_test(s, ev->obj);
}

/* The edge where a context test's value is nonzero: softirq or interrupt
 * context, BH disabled from here on along this path.  A sign test's
 * failure (< 0) says nonzero too. */
static int edge(void *p, const struct mm_edge *e, void *ctx)
{
	struct bh_state *s = p;

	if (!((struct bh_walk *)ctx)->tests)
		return 1;
	if (e->cond == MM_COND_FAILURE && test_index(s, e->value) >= 0)
		s->in_context = 1;
	return 1;
}

/* Does a return say its result is nonzero only with BH disabled?  A
 * constant 0 says nothing; a test's value is nonzero only in context. */
static int returned(const struct bh_state *s, const struct mm_event *ev, int tests)
{
	int test = tests && test_index(s, ev->obj) >= 0;

	if (ev->constant == MM_CONST_ZERO)
		return 0;
	return s->off || s->in_context || test ? RET_OFF : RET_BAD;
}

/* Forward, a site is recorded before its own change (a _bh lock is taken
 * with BH as it was); backward, after it, which is the same point. */
static int event(void *p, const struct mm_event *ev, void *ctx)
{
	struct bh_state *s = p;
	struct bh_walk *w = ctx;
	int d = bh_delta(ev, w->effect, w->effect_ctx) * (w->backward ? -1 : 1);

	if (w->tests && !w->backward)
		track_tests(s, ev, w);
	if (ev->kind == MM_EV_RETURN && !w->backward)
		w->returns |= returned(s, ev, w->tests);
	if (is_site(ev) && !w->backward)
		w->seen[ev->seq] |= s->off || s->in_context ? SEEN_OFF : SEEN_ON;
	if (d > 0 && s->off < MAX_DEPTH)
		s->off++;
	else if (d < 0 && s->off)
		s->off--;
	if (is_site(ev) && w->backward)
		w->seen[ev->seq] |= s->off ? SEEN_OFF : SEEN_ON;
	return 0;
}

static void end(const void *p, void *ctx)
{
	const struct bh_state *s = p;
	struct bh_walk *w = ctx;

	w->ends |= s->off ? SEEN_OFF : SEEN_ON;
}

static const struct mm_walker bh_walker = {
	.state_size = sizeof(struct bh_state),
	.init = init, .event = event, .edge = edge, .end = end,
};

/* The same over a function without context tests: the state's first two
 * bytes, so that most functions' walks hash what they always did. */
static const struct mm_walker bh_walker_plain = {
	.state_size = offsetof(struct bh_state, ntests),
	.init = init_plain, .event = event, .end = end,
};

static int has_tests(const struct mm_func *fn, mm_bh_effect_fn effect, void *effect_ctx)
{
	int b, i;

	for (b = 0; b < fn->nb; b++)
		for (i = 0; i < fn->b[b].nev; i++)
			if (fn->b[b].ev[i].kind == MM_EV_BH_TEST ||
			    call_effect(&fn->b[b].ev[i], effect, effect_ctx) == MM_BH_IF_RESULT)
				return 1;
	return 0;
}

/* fn with its edges and the events of each block reversed; block 0 leads
 * to every block that ends the function. */
static void reverse(const struct mm_func *fn, struct mm_func *r)
{
	int b, i;

	mm_func_init(r, fn->name);
	for (b = 0; b <= fn->nb; b++)
		mm_block_add(r);
	for (b = 0; b < fn->nb; b++) {
		for (i = fn->b[b].nev - 1; i >= 0; i--) {
			mm_event_add(r, b + 1, &fn->b[b].ev[i]);
			r->b[b + 1].ev[r->b[b + 1].nev - 1].seq = fn->b[b].ev[i].seq;
		}
		for (i = 0; i < fn->b[b].nsucc; i++)
			mm_edge_add(r, fn->b[b].succ[i].to + 1, b + 1, MM_COND_NONE, 0);
		if (!fn->b[b].nsucc)
			mm_edge_add(r, 0, b + 1, MM_COND_NONE, 0);
	}
}

/*
 * The BH state at each site, from both directions.  Forward: what the
 * function itself disabled on the paths from its entry.  Backward: a
 * later enable that nothing after the site disabled (spin_unlock_bh() of
 * a lock a callee returned holding: inet_csk_find_open_port() for
 * inet_csk_get_port()) means BH is disabled at the site on that path,
 * by code the walk does not see.  A site has BH enabled if some path from
 * the entry reaches it so and some path from it to an exit agrees.
 * The ends of the two walks say what fn leaves behind (*leaves): every
 * path returns with BH disabled (+1), or enables BH at its entry's
 * expense (-1: the backward walk reaches the entry owing an enable), or
 * every return of a nonzero result has BH disabled and some does
 * (MM_BH_IF_RESULT).
 * The caller frees the returned per-event flags.
 */
static unsigned char *walk_bh(const struct mm_func *fn, mm_bh_effect_fn effect,
			      void *effect_ctx, int *incomplete, int *leaves)
{
	unsigned char *seen = calloc(fn->nev ? fn->nev : 1, 1);
	unsigned char *later = calloc(fn->nev ? fn->nev : 1, 1);
	int tests = has_tests(fn, effect, effect_ctx);
	struct bh_walk forward = { .seen = seen, .backward = 0, .tests = tests,
				   .effect = effect, .effect_ctx = effect_ctx };
	struct bh_walk backward = { .seen = later, .backward = 1,
				    .effect = effect, .effect_ctx = effect_ctx };
	struct mm_func r;
	int i;

	if (!seen || !later) {
		free(seen);
		free(later);
		return NULL;
	}
	*incomplete = mm_walk_all_paths(fn, tests ? &bh_walker : &bh_walker_plain, &forward,
						NULL) != 0;
	reverse(fn, &r);
	*incomplete |= mm_walk_all_paths(&r, &bh_walker_plain, &backward, NULL) != 0;
	mm_func_free(&r);
	for (i = 0; i < fn->nev; i++)
		if (later[i] == SEEN_OFF && seen[i])
			seen[i] = SEEN_OFF;
	free(later);
	*leaves = forward.ends == SEEN_OFF ? 1 : backward.ends == SEEN_OFF ? -1 :
		  forward.returns == RET_OFF ? MM_BH_IF_RESULT : 0;
	return seen;
}

int mm_bh_touches(const struct mm_func *fn, mm_bh_effect_fn effect, void *effect_ctx)
{
	int b, i;

	for (b = 0; b < fn->nb; b++)
		for (i = 0; i < fn->b[b].nev; i++)
			if (bh_delta(&fn->b[b].ev[i], effect, effect_ctx) ||
			    call_effect(&fn->b[b].ev[i], effect, effect_ctx) == MM_BH_IF_RESULT)
				return 1;
	return 0;
}

int mm_bh_sites(const struct mm_func *fn, mm_bh_effect_fn effect, void *effect_ctx,
		mm_site_fn cb, void *ctx, int *leaves)
{
	int incomplete, b, i;
	unsigned char *seen = walk_bh(fn, effect, effect_ctx, &incomplete, leaves);

	if (!seen || incomplete) {
		free(seen);
		*leaves = 0;
		return -1;
	}
	for (b = 0; b < fn->nb && cb; b++)
		for (i = 0; i < fn->b[b].nev; i++) {
			const struct mm_event *ev = &fn->b[b].ev[i];

			if ((ev->kind == MM_EV_LOCK || ev->kind == MM_EV_CALL) && seen[ev->seq])
				cb(ev, seen[ev->seq] & SEEN_ON ? MM_BH_ENABLED : MM_BH_DISABLED, ctx);
		}
	free(seen);
	return 0;
}

static const char *describe(unsigned char seen)
{
	if (seen == SEEN_ON)
		return "BH enabled on every path";
	if (seen == SEEN_OFF)
		return "BH disabled on every path";
	return "BH enabled on some paths, disabled on others";
}

/* __mmcheck_bh(): one mm-debug finding per reachable call. */
void mm_check_debug_bh(struct mm_check_ctx *c)
{
	int incomplete, leaves, b, i;
	unsigned char *seen = walk_bh(c->fn, NULL, NULL, &incomplete, &leaves);
	struct mm_finding f;

	if (!seen)
		return;
	c->incomplete |= incomplete;
	for (b = 0; b < c->fn->nb; b++)
		for (i = 0; i < c->fn->b[b].nev; i++) {
			const struct mm_event *ev = &c->fn->b[b].ev[i];

			if (ev->kind != MM_EV_DEBUG || !seen[ev->seq])
				continue;
			mm_finding_init(&f, "mm-debug", ev->loc, "%s", describe(seen[ev->seq]));
			mm_finding_note(&f, ev->loc, "what the walk of %s() believes here", c->fn->name);
			mm_report_once(c, &f);
		}
	free(seen);
}
