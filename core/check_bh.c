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
 * The state is a small counter, so the one path walker explores each
 * block once per nesting depth.
 */
#include <stdlib.h>
#include <string.h>

#include "mmcore.h"
#include "checks.h"

#define SEEN_ON		1	/* reached with BH enabled */
#define SEEN_OFF	2	/* reached with BH disabled */
#define MAX_DEPTH	15

struct bh_state {
	unsigned char off;	/* BH-disabling sections held on this path */
};

struct bh_walk {
	unsigned char *seen;	/* per event seq: SEEN_* of the paths reaching it */
};

static void init(void *p)
{
	memset(p, 0, sizeof(struct bh_state));
}

static int disables(const struct mm_event *ev)
{
	return ev->flavour == MM_BH || ev->flavour == MM_IRQ;
}

static int event(void *p, const struct mm_event *ev, void *ctx)
{
	struct bh_state *s = p;
	struct bh_walk *w = ctx;

	switch (ev->kind) {
	case MM_EV_LOCK:
	case MM_EV_CALL:
	case MM_EV_DEBUG:
		w->seen[ev->seq] |= s->off ? SEEN_OFF : SEEN_ON;
		if (ev->kind == MM_EV_LOCK && disables(ev) && s->off < MAX_DEPTH)
			s->off++;
		break;
	case MM_EV_UNLOCK:
		if (disables(ev) && s->off)
			s->off--;
		break;
	case MM_EV_BH_DISABLE:
		if (s->off < MAX_DEPTH)
			s->off++;
		break;
	case MM_EV_BH_ENABLE:
		if (s->off)
			s->off--;
		break;
	default:
		break;
	}
	return 0;
}

static const struct mm_walker bh_walker = {
	.state_size = sizeof(struct bh_state),
	.init = init, .event = event,
};

/* Walk fn once; the caller frees the returned per-event flags. */
static unsigned char *walk_bh(const struct mm_func *fn, int *incomplete)
{
	struct bh_walk w = { calloc(fn->nev ? fn->nev : 1, 1) };

	if (!w.seen)
		return NULL;
	*incomplete = mm_walk(fn, &bh_walker, &w) != 0;
	return w.seen;
}

int mm_bh_sites(const struct mm_func *fn, mm_site_fn cb, void *ctx)
{
	int incomplete, b, i;
	unsigned char *seen = walk_bh(fn, &incomplete);

	if (!seen || incomplete) {
		free(seen);
		return -1;
	}
	for (b = 0; b < fn->nb; b++)
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
	int incomplete, b, i;
	unsigned char *seen = walk_bh(c->fn, &incomplete);
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
