// SPDX-License-Identifier: GPL-2.0
/*
 * check_delay.c - the two corollaries of delaying rmap removal (commit
 * 5df397dec7, Hugh Dickins' review): mm-delay-rmap-anon and
 * mm-delay-rmap-unflushed.  Same rule IDs and messages as
 * semantic-patches/rmap-tlb/delay_rmap_{anon,unflushed}.cocci.
 */
#include <string.h>

#include "mmcore.h"
#include "checks.h"

/* ---- mm-delay-rmap-anon: a delay on a path where no anon test said "file" */

struct anon_state {
	int test;		/* value of an anon test not yet branched on */
	int file;		/* 1: this path took the "not anon" branch */
};

static void anon_init(void *p)
{
	struct anon_state *s = p;

	s->test = MM_NO_VALUE;
	s->file = 0;
}

static int anon_event(void *p, const struct mm_event *ev, void *ctx)
{
	struct anon_state *s = p;
	struct mm_finding f;

	if (ev->kind == MM_EV_ANON_TEST) {
		s->test = ev->result;
	} else if (ev->kind == MM_EV_RMAP_DELAY && !s->file) {
		mm_finding_init(&f, "mm-delay-rmap-anon", ev->loc,
				"rmap removal delayed by %s() for a page that may be anonymous",
				ev->name);
		mm_finding_note(&f, ev->loc, "no !folio_test_anon()/!PageAnon() test guards this "
				"delay; the anon_vma may be freed before the delayed removal");
		mm_report_once(ctx, &f);
	}
	return 0;
}

/* An anon test is "0 means file": its success edge (== 0) is the file branch. */
static int anon_edge(void *p, const struct mm_edge *e, void *ctx)
{
	struct anon_state *s = p;

	(void)ctx;
	if (s->test != MM_NO_VALUE && e->value == s->test && e->cond != MM_COND_NONE) {
		s->file = e->cond == MM_COND_SUCCESS;
		s->test = MM_NO_VALUE;
	}
	return 1;
}

void mm_check_delay_rmap_anon(struct mm_check_ctx *c)
{
	static const struct mm_walker w = {
		.state_size = sizeof(struct anon_state),
		.init = anon_init, .event = anon_event, .edge = anon_edge,
	};

	mm_check_walk(c, &w, c);
}

/* ---- mm-delay-rmap-unflushed: no path from the delay to the unlock flushes.
 * A flush under a condition that tracks the delay (if (force_flush)) is
 * trusted, as Coccinelle does: the walker does not follow values. */

#define MAX_PAIRS 64

struct pair {
	struct mm_loc delay, unlock;
	const char *unlock_name;
	int flushed;
};

struct pairs {
	struct pair p[MAX_PAIRS];
	int n;
};

struct unflushed_ctx {
	struct mm_check_ctx *c;
	struct pairs *pairs;
};

struct unflushed_state {
	struct mm_loc delay;	/* .file == NULL: nothing delayed */
	int flushed;
};

static void unflushed_init(void *p)
{
	memset(p, 0, sizeof(struct unflushed_state));
}

static void record(struct pairs *ps, const struct unflushed_state *s, const struct mm_event *ev)
{
	int i;

	for (i = 0; i < ps->n; i++)
		if (ps->p[i].delay.native == s->delay.native && ps->p[i].unlock.native == ev->loc.native &&
		    ps->p[i].delay.line == s->delay.line && ps->p[i].unlock.line == ev->loc.line) {
			ps->p[i].flushed |= s->flushed;
			return;
		}
	if (ps->n < MAX_PAIRS) {
		ps->p[ps->n].delay = s->delay;
		ps->p[ps->n].unlock = ev->loc;
		ps->p[ps->n].unlock_name = ev->name;
		ps->p[ps->n++].flushed = s->flushed;
	}
}

static int unflushed_event(void *p, const struct mm_event *ev, void *ctx)
{
	struct unflushed_ctx *u = ctx;
	struct unflushed_state *s = p;

	if (ev->kind == MM_EV_RMAP_DELAY) {
		s->delay = ev->loc;
		s->flushed = 0;
	} else if (ev->kind == MM_EV_RMAP_FLUSH && s->delay.file) {
		s->flushed = 1;
	} else if (ev->kind == MM_EV_PTL_UNLOCK && s->delay.file) {
		record(u->pairs, s, ev);
		unflushed_init(s);
	}
	return 0;
}

void mm_check_delay_rmap_unflushed(struct mm_check_ctx *c)
{
	static const struct mm_walker w = {
		.state_size = sizeof(struct unflushed_state),
		.init = unflushed_init, .event = unflushed_event,
	};
	struct pairs pairs = { .n = 0 };
	struct unflushed_ctx u = { c, &pairs };
	struct mm_finding f;
	int i, j, any;

	mm_check_walk(c, &w, &u);
	for (i = 0; i < pairs.n; i++) {
		for (any = 0, j = 0; j < pairs.n; j++)
			if (pairs.p[j].delay.line == pairs.p[i].delay.line &&
			    pairs.p[j].unlock.line == pairs.p[i].unlock.line)
				any |= pairs.p[j].flushed;
		if (any)
			continue;
		mm_finding_init(&f, "mm-delay-rmap-unflushed", pairs.p[i].unlock,
				"page-table lock released by %s() with delayed rmaps not flushed by "
				"tlb_flush_rmaps()", pairs.p[i].unlock_name);
		mm_finding_note(&f, pairs.p[i].delay, "rmap removal delayed here; no path to the "
				"unlock calls tlb_flush_rmaps()");
		mm_report_once(c, &f);
	}
}
