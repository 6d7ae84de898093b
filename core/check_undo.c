// SPDX-License-Identifier: GPL-2.0
/*
 * check_undo.c - mm-undo-missing on the IR.
 *
 * Along one path: a PTE cleared (its old value remembered), a "do" call
 * (arch_unmap_one(), swap_duplicate(), ...) whose result the path then
 * tests as success, and an abort without the matching undo from the
 * catalogue.  An abort is the old PTE value stored back, a jump to an abort
 * label, or a return of a failure value (-ENOMEM, false, NULL, directly or
 * through a variable that holds one).  A new clear starts over (a loop's
 * next iteration).  Storing a new PTE value hands what the "do" took on
 * (the swap entry now lives in the page table): a failure after that is
 * not the do's to undo.  An unchecked "do" counts as succeeded at once:
 * the compiled engines see that the result is unused.
 */
#include <string.h>

#include "mmcore.h"
#include "checks.h"

/* A value and its copy: COPY gives a value a second name and both hold
 * (a test may use either: GCC tests err after err = tmp, sparse the tmp). */
#define NAMES 2

struct undo_state {
	int orig[NAMES];		/* value ids of the cleared PTE */
	int cand[NAMES];		/* result of a "do" not yet tested */
	int failing[NAMES];		/* holds a failure value (err = -ENOMEM) */
	const char *cand_do;
	struct mm_loc cand_loc;
	const char *pending;		/* the "do" that succeeded, or NULL */
	struct mm_loc pending_loc;
};

static void init(void *p)
{
	struct undo_state *s = p;

	memset(s, 0, sizeof(*s));
	s->orig[0] = s->orig[1] = s->cand[0] = s->cand[1] = MM_NO_VALUE;
	s->failing[0] = s->failing[1] = MM_NO_VALUE;
}

static int named(const int *names, int id)
{
	return id != MM_NO_VALUE && (names[0] == id || names[1] == id);
}

static void rename_value(int *names, int id)	/* the value is now only id */
{
	names[0] = id;
	names[1] = MM_NO_VALUE;
}

static void unname(int *names, int id)		/* id was reassigned */
{
	if (names[0] == id)
		names[0] = MM_NO_VALUE;
	if (names[1] == id)
		names[1] = MM_NO_VALUE;
}

static void also(int *names, int from, int to)	/* to = from */
{
	if (named(names, from) && !named(names, to))
		names[names[0] == from ? 1 : 0] = to;
}

static void add_name(int *names, int id)	/* id now holds it too */
{
	if (!named(names, id))
		names[names[0] == MM_NO_VALUE ? 0 : 1] = id;
}

/* The "do" is undone or handed on: the values stay known. */
static void forget(struct undo_state *s)
{
	int orig[NAMES], failing[NAMES];

	memcpy(orig, s->orig, sizeof(orig));
	memcpy(failing, s->failing, sizeof(failing));
	init(s);
	memcpy(s->orig, orig, sizeof(orig));
	memcpy(s->failing, failing, sizeof(failing));
}

static void report(struct undo_state *s, const struct mm_event *ev, struct mm_check_ctx *c)
{
	struct mm_finding f;
	char undos[128] = "";
	int i;

	for (i = 0; i < c->cat->n; i++) {
		const struct mm_cat_entry *e = &c->cat->e[i];

		if (!strcmp(e->kind, "undo") && e->pair && !strcmp(e->pair, s->pending) &&
		    strlen(undos) + strlen(e->name) + 5 < sizeof(undos)) {
			if (undos[0])
				strcat(undos, ", ");
			strcat(undos, e->name);
			strcat(undos, "()");
		}
	}
	mm_finding_init(&f, "mm-undo-missing", ev->loc,
			"abort path after %s() succeeded does not undo it", s->pending);
	mm_finding_note(&f, s->pending_loc, "%s() succeeded here; the abort needs %s",
			s->pending, undos);
	mm_report_once(c, &f);
}

static int event(void *p, const struct mm_event *ev, void *ctx)
{
	struct mm_check_ctx *c = ctx;
	struct undo_state *s = p;
	const struct mm_cat_entry *u;

	switch (ev->kind) {
	case MM_EV_PTE_CLEAR_DEFERRED:
	case MM_EV_PTE_CLEAR_FLUSH:
		forget(s);
		rename_value(s->orig, ev->result);
		break;
	case MM_EV_DO:
		if (ev->result == MM_NO_VALUE) {
			s->pending = ev->name;
			s->pending_loc = ev->loc;
		} else {
			rename_value(s->cand, ev->result);
			s->cand_do = ev->name;
			s->cand_loc = ev->loc;
		}
		break;
	case MM_EV_UNDO:
		for (u = c->cat->e; u < c->cat->e + c->cat->n; u++)
			if (s->pending && !strcmp(u->kind, "undo") && !strcmp(u->name, ev->name) &&
			    u->pair && !strcmp(u->pair, s->pending))
				forget(s);
		break;
	case MM_EV_ASSIGN:
		unname(s->orig, ev->obj);
		unname(s->cand, ev->obj);
		unname(s->failing, ev->obj);
		if (mm_failure_value(c->fn, ev->constant))
			add_name(s->failing, ev->obj);
		break;
	case MM_EV_COPY:
		also(s->orig, ev->result, ev->obj);
		also(s->cand, ev->result, ev->obj);
		also(s->failing, ev->result, ev->obj);
		break;
	case MM_EV_PTE_RESTORE:
		if (s->pending && named(s->orig, ev->obj)) {
			report(s, ev, c);
			return 1;	/* one finding per abort path */
		}
		if (s->pending && ev->obj != MM_NO_VALUE)
			forget(s);	/* a new PTE value: handed on */
		break;
	case MM_EV_RETURN:
		if (s->pending && (mm_failure_value(c->fn, ev->constant) ||
				   named(s->failing, ev->obj))) {
			report(s, ev, c);
			return 1;
		}
		break;
	case MM_EV_ABORT_JUMP:
		if (s->pending) {
			report(s, ev, c);
			return 1;
		}
		break;
	default:
		break;
	}
	return 0;
}

/* The success or failure of a tested "do" is a fact of the edge taken. */
static int edge(void *p, const struct mm_edge *e, void *ctx)
{
	struct undo_state *s = p;

	(void)ctx;
	if (e->cond == MM_COND_NONE || !named(s->cand, e->value))
		return 1;
	if (e->cond == MM_COND_SUCCESS) {
		s->pending = s->cand_do;
		s->pending_loc = s->cand_loc;
	}
	s->cand[0] = s->cand[1] = MM_NO_VALUE;
	s->cand_do = NULL;
	memset(&s->cand_loc, 0, sizeof(s->cand_loc));
	return 1;
}

void mm_check_undo_missing(struct mm_check_ctx *c)
{
	static const struct mm_walker w = {
		.state_size = sizeof(struct undo_state),
		.init = init, .event = event, .edge = edge,
	};

	mm_check_walk(c, &w, c);
}
