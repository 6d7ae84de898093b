// SPDX-License-Identifier: GPL-2.0
/*
 * check_rmap.c - mm-rmap-before-flush on the IR.
 *
 * Along one path: a PTE cleared with the flush deferred, then a page marked
 * dirty, then that page's rmap removed with no flush, rmap delay or
 * flushing clear in between.  A folio locked across the clear cannot meet
 * folio_mkclean(), whose callers hold that lock.  Same rule and message as
 * semantic-patches/rmap-tlb/rmap_before_flush.cocci.
 */
#include <string.h>

#include "mmcore.h"
#include "checks.h"

#define NOBJ 4

/* Events by pointer, not by place: the walker hashes and compares whole
 * states, and a place (with its helper chain) is five words. */
struct rmap_state {
	const struct mm_event *clear;	/* NULL: no deferred clear pending */
	int ndirty;
	int dirty[NOBJ];
	const struct mm_event *dirty_at[NOBJ];
	int nlocked;
	int locked[NOBJ];
	int locked_at_clear[NOBJ];	/* snapshot of locked[] at the clear */
	int nlocked_at_clear;
};

static int find(const int *set, int n, int obj)
{
	int i;

	for (i = 0; i < n; i++)
		if (set[i] == obj)
			return i;
	return -1;
}

static void drop(int *set, const struct mm_event **at, int *n, int obj)
{
	int i = find(set, *n, obj);

	if (i < 0)
		return;
	(*n)--;
	set[i] = set[*n];
	if (at)
		at[i] = at[*n];
}

/* obj = result: a dirty page is still dirty under its new name. */
static void copied(struct rmap_state *s, const struct mm_event *ev)
{
	int i = find(s->dirty, s->ndirty, ev->result);

	if (i >= 0 && s->ndirty < NOBJ && find(s->dirty, s->ndirty, ev->obj) < 0) {
		s->dirty[s->ndirty] = ev->obj;
		s->dirty_at[s->ndirty++] = s->dirty_at[i];
	}
}

static void init(void *p)
{
	memset(p, 0, sizeof(struct rmap_state));
}

static void flushed(struct rmap_state *s)
{
	s->clear = NULL;
	memset(s->dirty, 0, sizeof(s->dirty));
	memset(s->dirty_at, 0, sizeof(s->dirty_at));
	s->ndirty = 0;
}

static void removed(struct rmap_state *s, const struct mm_event *ev, struct mm_check_ctx *c)
{
	struct mm_finding f;
	int i = find(s->dirty, s->ndirty, ev->obj);

	if (!s->clear || i < 0)
		return;
	if (find(s->locked, s->nlocked, ev->obj) >= 0 &&
	    find(s->locked_at_clear, s->nlocked_at_clear, ev->obj) >= 0)
		return;
	mm_finding_init(&f, "mm-rmap-before-flush", ev->loc,
			"rmap of a dirty file page removed by %s() before the deferred TLB flush",
			ev->name);
	mm_finding_note(&f, s->clear->loc, "PTE cleared here; its TLB flush is deferred");
	mm_finding_note(&f, s->dirty_at[i]->loc, "page marked dirty here; a stale TLB entry can "
			"dirty it again after folio_mkclean()");
	mm_report_once(c, &f);
}

static int event(void *p, const struct mm_event *ev, void *ctx)
{
	struct rmap_state *s = p;

	switch (ev->kind) {
	case MM_EV_PTE_CLEAR_DEFERRED:
		s->clear = ev;
		memcpy(s->locked_at_clear, s->locked, sizeof(s->locked));
		s->nlocked_at_clear = s->nlocked;
		break;
	case MM_EV_TLB_FLUSH:
	case MM_EV_RMAP_DELAY:
	case MM_EV_PTE_CLEAR_FLUSH:
		flushed(s);
		break;
	case MM_EV_PAGE_DIRTY:
		if (s->clear && s->ndirty < NOBJ && find(s->dirty, s->ndirty, ev->obj) < 0) {
			s->dirty[s->ndirty] = ev->obj;
			s->dirty_at[s->ndirty++] = ev;
		}
		break;
	case MM_EV_ASSIGN:
		drop(s->dirty, s->dirty_at, &s->ndirty, ev->obj);
		break;
	case MM_EV_COPY:
		copied(s, ev);
		break;
	case MM_EV_FOLIO_LOCK:
		if (s->nlocked < NOBJ && find(s->locked, s->nlocked, ev->obj) < 0)
			s->locked[s->nlocked++] = ev->obj;
		break;
	case MM_EV_FOLIO_UNLOCK:
		drop(s->locked, NULL, &s->nlocked, ev->obj);
		break;
	case MM_EV_RMAP_REMOVE:
		removed(s, ev, ctx);
		break;
	default:
		break;
	}
	return 0;
}

void mm_check_rmap_before_flush(struct mm_check_ctx *c)
{
	static const struct mm_walker w = {
		.state_size = sizeof(struct rmap_state),
		.init = init, .event = event,
	};

	mm_check_walk(c, &w, c);
}
