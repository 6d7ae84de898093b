// SPDX-License-Identifier: GPL-2.0
/*
 * summaries.c - checking a translation unit's functions with their
 * helpers' effects applied at each call.
 *
 * Since 6.3 the PTE zap loop hands each folio to zap_present_ptes() and
 * zap_present_folio_ptes(), which clear the PTEs and remove or delay the
 * rmap; the flush is in the caller.  A check of one function at a time
 * cannot see a bug split between the two.  So the unit's functions are
 * checked callees first; after its check, each function is reduced to a
 * summary: its CFG with only the events the checks read, from entry to
 * exits.  A call to a summarised helper is replaced by a copy of that
 * summary, the helper's parameters renamed to the call's arguments and
 * its other values to fresh ones, its events placed at the call site with
 * a note of what they are in the helper.  Summaries contain their own
 * callees' summaries, so chains of helpers count; a recursive call is cut
 * (the inner call counts as an unknown callee, as every call whose
 * callee the unit does not define).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mmcore.h"
#include "checks.h"

/* What a summary keeps: the events of the path checks (check_rmap.c,
 * check_delay.c, check_undo.c).  A "do" stays out: its result is the
 * helper's to test, and the helper's caller tests the helper's own. */
#define EV(k) MM_EV_BIT(k)
#define EFFECTS (EV(MM_EV_PTE_CLEAR_DEFERRED) | EV(MM_EV_PTE_CLEAR_FLUSH) | EV(MM_EV_TLB_FLUSH) | \
		 EV(MM_EV_RMAP_REMOVE) | EV(MM_EV_RMAP_DELAY) | EV(MM_EV_RMAP_FLUSH) |	\
		 EV(MM_EV_PAGE_DIRTY) | EV(MM_EV_FOLIO_LOCK) | EV(MM_EV_FOLIO_UNLOCK) |	\
		 EV(MM_EV_PTL_UNLOCK) | EV(MM_EV_UNDO) | EV(MM_EV_PTE_RESTORE))
/* ... and, in a summary that has effects, what relates their values */
#define CONTEXT (EV(MM_EV_ANON_TEST) | EV(MM_EV_ASSIGN) | EV(MM_EV_COPY))

/* What the whole-tree check (crossunit.c) needs of a function that starts
 * a check: the summary's events, and what the checks read besides. */
#define STARTS (EV(MM_EV_PTE_CLEAR_DEFERRED) | EV(MM_EV_RMAP_DELAY) | EV(MM_EV_DO))
#define CHECKED (EFFECTS | CONTEXT | EV(MM_EV_DO) | EV(MM_EV_RETURN) | EV(MM_EV_ABORT_JUMP) | \
		 EV(MM_EV_CALL))

/* A summary other units are given: one with more than folio locks (fs/
 * has hundreds of functions that lock a folio and nothing else). */
#define WANTED (EFFECTS & ~(EV(MM_EV_FOLIO_LOCK) | EV(MM_EV_FOLIO_UNLOCK)))

/* Other units are given no function to check bigger than this, and no
 * summary bigger than MM_CROSS_MAX_APPLY (assignments to values nothing
 * reads left out): each is a record per event and edge in every object,
 * and a copy at each call in the whole-build check. */
#define MAX_EXPORT_BLOCKS 400

/* A summary bigger than this is not applied (its calls count as unknown):
 * a copy per call site must not blow up the caller's walk. */
#define MAX_SUMMARY_BLOCKS 2000

enum { NEW, ON_STACK, DONE };

struct unit_fn {
	const char *id;
	struct mm_func fn;	/* as the front end translated it */
	struct mm_func sum;	/* nb == 0: no effect, or not summarised */
	void *cookie;
	int state;
};

struct mm_unit {
	struct unit_fn *f;
	int n, cap;
	int *index;		/* hash of id -> f[] + 1, 0: empty */
	int nindex;
	struct mm_strings strings;	/* the notes' "in" texts, each once */
	int fresh;		/* the next value id a copy invents (negative) */
	struct mm_facts *facts;	/* where other units' needs go, or NULL */
	int max_apply;		/* summaries bigger are not applied */
};

struct mm_unit *mm_unit_new(void)
{
	struct mm_unit *u = mm_xrealloc(NULL, sizeof(*u));

	memset(u, 0, sizeof(*u));
	u->fresh = -2;
	u->max_apply = MAX_SUMMARY_BLOCKS;
	return u;
}

static void below(struct mm_unit *u, const struct mm_func *fn);

void mm_unit_add(struct mm_unit *u, const char *id, const struct mm_func *fn, void *cookie)
{
	struct unit_fn *f;

	if (u->n == u->cap) {
		u->cap = u->cap ? 2 * u->cap : 64;
		u->f = mm_xrealloc(u->f, u->cap * sizeof(*u->f));
	}
	f = &u->f[u->n++];
	memset(f, 0, sizeof(*f));
	f->id = id;
	f->cookie = cookie;
	mm_func_copy(&f->fn, fn);
	below(u, fn);
}

/* The values a copy invents stay clear of fn's (the whole-tree check adds
 * functions whose values a unit's copies invented). */
static void below(struct mm_unit *u, const struct mm_func *fn)
{
	int b, i;

	for (b = 0; b < fn->nb; b++) {
		for (i = 0; i < fn->b[b].nev; i++) {
			if (fn->b[b].ev[i].obj <= u->fresh)
				u->fresh = fn->b[b].ev[i].obj - 1;
			if (fn->b[b].ev[i].result <= u->fresh)
				u->fresh = fn->b[b].ev[i].result - 1;
		}
		for (i = 0; i < fn->b[b].nsucc; i++)
			if (fn->b[b].succ[i].value <= u->fresh)
				u->fresh = fn->b[b].succ[i].value - 1;
	}
	for (i = 0; i < fn->nargv; i++)
		if (fn->argv[i] <= u->fresh)
			u->fresh = fn->argv[i] - 1;
}

void mm_unit_limit(struct mm_unit *u, int blocks)
{
	u->max_apply = blocks;
}

void mm_unit_facts(struct mm_unit *u, struct mm_facts *f)
{
	u->facts = f;
}

static void build_index(struct mm_unit *u)
{
	int i;

	u->nindex = 16;
	while (u->nindex < 2 * u->n)
		u->nindex *= 2;
	u->index = mm_xrealloc(NULL, u->nindex * sizeof(*u->index));
	memset(u->index, 0, u->nindex * sizeof(*u->index));
	for (i = 0; i < u->n; i++) {
		unsigned h = mm_name_hash(u->f[i].id ? u->f[i].id : "");

		if (!u->f[i].id)
			continue;
		while (u->index[h & (u->nindex - 1)])
			h++;
		u->index[h & (u->nindex - 1)] = i + 1;
	}
}

/* The unit's function of id, or -1 (the first of two with one id). */
static int lookup(const struct mm_unit *u, const char *id)
{
	unsigned h;
	int i;

	if (!id || !u->nindex)
		return -1;
	for (h = mm_name_hash(id); (i = u->index[h & (u->nindex - 1)]); h++)
		if (!strcmp(u->f[i - 1].id, id))
			return i - 1;
	return -1;
}

/* The one copy of a note text: a unit's copies repeat a few of them. */
static const char *intern(struct mm_unit *u, const char *s)
{
	return mm_strings_keep(&u->strings, s, 64);
}

/* "drop_rmap@mm/x.c" -> "drop_rmap": how the callee is written */
static const char *written(const struct unit_fn *f)
{
	return f->fn.name ? f->fn.name : f->id;
}

/* ---- applying a summary at a call ------------------------------------------ */

/* A copy's renaming of the helper's values. */
struct renaming {
	int from[64], to[64];
	int n;
	int *fresh;
	const struct mm_func *helper, *caller;
	const struct mm_event *call;
};

static int rename_value(struct renaming *r, int v)
{
	int i;

	if (v == MM_NO_VALUE)
		return v;
	for (i = 0; i < r->helper->nparam; i++)
		if (r->helper->param[i] == v)
			return i < r->call->nargs ? r->caller->argv[r->call->args + i] :
						   MM_NO_VALUE;
	for (i = 0; i < r->n; i++)
		if (r->from[i] == v)
			return r->to[i];
	if (r->n == 64)		/* a helper's own values past 64: each a new one */
		return (*r->fresh)--;
	r->from[r->n] = v;
	r->to[r->n] = (*r->fresh)--;
	return r->to[r->n++];
}

/* The note text of an event copied from helper: what it is, in which
 * helper ("folio_remove_rmap_ptes() in zap_present_folio_ptes()"). */
static const char *in_text(struct mm_unit *u, const struct mm_event *ev, const char *helper)
{
	const char *what = ev->loc.in ? ev->loc.in : ev->name ? ev->name : "?";
	const char *parts[] = { what, ev->loc.in ? " in " : "() in ", helper, "()" };
	char buf[512];
	size_t len = 0, n, i;

	/* at once, not snprintf(): a text per event of each helper copied */
	for (i = 0; i < 4; i++) {
		n = strlen(parts[i]);
		if (n > sizeof(buf) - 1 - len)
			n = sizeof(buf) - 1 - len;
		memcpy(buf + len, parts[i], n);
		len += n;
	}
	buf[len] = '\0';
	return intern(u, buf);
}

/* Copy callee's summary into out after block from; returns the block the
 * caller's code goes on in.  call: the CALL event (in caller). */
static int apply(struct mm_unit *u, struct mm_func *out, int from, const struct unit_fn *callee,
		 const struct mm_func *caller, const struct mm_event *call)
{
	const struct mm_func *s = &callee->sum;
	struct renaming r = { .n = 0, .fresh = &u->fresh, .helper = &callee->fn,
			      .caller = caller, .call = call };
	int base = out->nb, next, b, i;

	for (b = 0; b < s->nb; b++)
		mm_block_add(out);
	next = mm_block_add(out);
	mm_edge_add(out, from, base, MM_COND_NONE, MM_NO_VALUE);
	for (b = 0; b < s->nb; b++) {
		for (i = 0; i < s->b[b].nev; i++) {
			struct mm_event ev = s->b[b].ev[i];

			ev.loc = call->loc;
			ev.loc.in = in_text(u, &s->b[b].ev[i], written(callee));
			if (ev.kind != MM_EV_UNDO)	/* an undo goes by its name */
				ev.name = written(callee);
			ev.obj = rename_value(&r, ev.obj);
			ev.result = rename_value(&r, ev.result);
			mm_event_add(out, base + b, &ev);
		}
		for (i = 0; i < s->b[b].nsucc; i++) {
			const struct mm_edge *e = &s->b[b].succ[i];

			mm_edge_add_test(out, base + b, base + e->to, e->cond,
					 rename_value(&r, e->value), e->sign);
		}
		if (!s->b[b].nsucc)	/* a return: back to the caller */
			mm_edge_add(out, base + b, next, MM_COND_NONE, MM_NO_VALUE);
	}
	return next;
}

/* fn with the summaries of its callees applied, into out. */
static void expand(struct mm_unit *u, const struct mm_func *fn, struct mm_func *out)
{
	int b, i, cur;

	mm_func_init(out, fn->name);
	memcpy(out->param, fn->param, sizeof(out->param));
	out->nparam = fn->nparam;
	out->ret = fn->ret;
	for (b = 0; b < fn->nb; b++)	/* block b starts as block b */
		mm_block_add(out);
	for (b = 0; b < fn->nb; b++) {
		cur = b;
		for (i = 0; i < fn->b[b].nev; i++) {
			const struct mm_event *ev = &fn->b[b].ev[i];
			int c = ev->kind == MM_EV_CALL ? lookup(u, ev->name) : -1;

			if (c >= 0 && u->f[c].state == DONE && u->f[c].sum.nb &&
			    u->f[c].sum.nb <= u->max_apply)
				cur = apply(u, out, cur, &u->f[c], fn, ev);
			else
				mm_event_add(out, cur, ev);
		}
		for (i = 0; i < fn->b[b].nsucc; i++) {
			const struct mm_edge *e = &fn->b[b].succ[i];

			mm_edge_add_test(out, cur, e->to, e->cond, e->value, e->sign);
		}
	}
	if (fn->nargv)
		mm_func_push_args(out, fn->argv, fn->nargv);
}

/* ---- summarising ------------------------------------------------------------ */

/* ev of fn, into block b of sum: a call keeps its arguments. */
static void add_kept(struct mm_func *sum, int b, const struct mm_func *fn,
		     const struct mm_event *ev)
{
	struct mm_event e = *ev;

	if (e.nargs)
		e.args = mm_func_push_args(sum, fn->argv + ev->args, ev->nargs);
	mm_event_add(sum, b, &e);
}

/* Where a path from block b goes once the events are filtered: past
 * blocks left empty with one unconditional successor. */
static int forward(const struct mm_func *fn, const int *kept, int b)
{
	int start = b, steps = 0;

	while (!kept[b] && fn->b[b].nsucc == 1 && fn->b[b].succ[0].cond == MM_COND_NONE) {
		b = fn->b[b].succ[0].to;
		if (b == start || ++steps > fn->nb)
			return start;	/* a loop of empty blocks: each stays */
	}
	return b;
}

static int by_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return x < y ? -1 : x > y;
}

static int has_value(const int *v, int n, int x)
{
	return x != MM_NO_VALUE && bsearch(&x, v, n, sizeof(int), by_int);
}

static void push_value(int **v, int *n, int *cap, int x)
{
	if (x == MM_NO_VALUE)
		return;
	if (*n == *cap) {
		*cap = *cap ? 2 * *cap : 64;
		*v = mm_xrealloc(*v, *cap * sizeof(int));
	}
	(*v)[(*n)++] = x;
}

/*
 * The values an assignment in fn can matter to, sorted: those the events
 * of keep other than assignments name, those branches test, the
 * parameters (a caller's values once the summary is applied), and what
 * copies join to them.  Most assignments are to none of these (a
 * summary's or an IR's bulk otherwise).  NULL: keep every assignment (the
 * copies did not settle in a few rounds).
 */
static int *relevant_values(const struct mm_func *fn, unsigned long long keep, int *n)
{
	int *v = NULL, cap = 0, b, i, j, round, grew = 1;

	*n = 0;
	for (i = 0; i < fn->nparam; i++)
		push_value(&v, n, &cap, fn->param[i]);
	for (b = 0; b < fn->nb; b++) {
		for (i = 0; i < fn->b[b].nev; i++) {
			const struct mm_event *ev = &fn->b[b].ev[i];

			if (!(EV(ev->kind) & keep) || ev->kind == MM_EV_ASSIGN || ev->kind == MM_EV_COPY)
				continue;
			push_value(&v, n, &cap, ev->obj);
			push_value(&v, n, &cap, ev->result);
			for (j = 0; j < ev->nargs; j++)
				push_value(&v, n, &cap, fn->argv[ev->args + j]);
		}
		for (i = 0; i < fn->b[b].nsucc; i++)
			if (fn->b[b].succ[i].cond != MM_COND_NONE)
				push_value(&v, n, &cap, fn->b[b].succ[i].value);
	}
	for (round = 0; grew && round < 8; round++) {
		int before = *n;

		qsort(v, *n, sizeof(int), by_int);
		grew = 0;
		for (b = 0; b < fn->nb; b++)
			for (i = 0; i < fn->b[b].nev; i++) {
				const struct mm_event *ev = &fn->b[b].ev[i];
				int o, r;

				if (ev->kind != MM_EV_COPY)
					continue;
				o = has_value(v, before, ev->obj);
				r = has_value(v, before, ev->result);
				if (o != r) {
					push_value(&v, n, &cap, o ? ev->result : ev->obj);
					grew = 1;
				}
			}
	}
	if (grew) {
		free(v);
		return NULL;
	}
	return v;
}

/* Is ev of fn kept: of keep, and an assignment only to a relevant value? */
static int kept_event(const struct mm_event *ev, unsigned long long keep, const int *rel,
		      int nrel)
{
	if (!(EV(ev->kind) & keep))
		return 0;
	if (!rel || (ev->kind != MM_EV_ASSIGN && ev->kind != MM_EV_COPY))
		return 1;
	return has_value(rel, nrel, ev->obj) ||
	       (ev->kind == MM_EV_COPY && has_value(rel, nrel, ev->result));
}

/* sum: fn reduced to the events of keep (a set of kinds), or nothing (nb
 * == 0) when it has none of need. */
static void reduce(const struct mm_func *fn, unsigned long long keep, unsigned long long need,
		   int prune, int max_blocks, struct mm_func *sum)
{
	int *kept, *order, *rel, nrel, b, i, n = 0;

	mm_func_init(sum, fn->name);
	if (!(mm_events_of(fn) & need))
		return;
	rel = prune ? relevant_values(fn, keep, &nrel) : NULL;
	sum->ret = fn->ret;
	memcpy(sum->param, fn->param, sizeof(sum->param));
	sum->nparam = fn->nparam;
	kept = calloc(fn->nb, sizeof(*kept));
	order = malloc(fn->nb * sizeof(*order));
	if (!kept || !order)
		abort();
	for (b = 0; b < fn->nb; b++)
		for (i = 0; i < fn->b[b].nev; i++)
			kept[b] += kept_event(&fn->b[b].ev[i], keep, rel, nrel);
	/* new numbers, the entry first, for the blocks that remain */
	for (b = 0; b < fn->nb; b++)
		order[b] = -1;
	order[forward(fn, kept, 0)] = n++;
	for (b = 0; b < fn->nb; b++)
		if (order[b] < 0 && forward(fn, kept, b) == b)
			order[b] = n++;
	if (n <= max_blocks) {
		for (i = 0; i < n; i++)
			mm_block_add(sum);
		for (b = 0; b < fn->nb; b++) {
			if (order[b] < 0)
				continue;
			for (i = 0; i < fn->b[b].nev; i++)
				if (kept_event(&fn->b[b].ev[i], keep, rel, nrel))
					add_kept(sum, order[b], fn, &fn->b[b].ev[i]);
			for (i = 0; i < fn->b[b].nsucc; i++) {
				const struct mm_edge *e = &fn->b[b].succ[i];

				mm_edge_add_test(sum, order[b], order[forward(fn, kept, e->to)],
						 e->cond, e->value, e->sign);
			}
		}
	}
	free(kept);
	free(order);
	free(rel);
}

static void summarise(const struct mm_func *fn, struct mm_func *sum)
{
	reduce(fn, EFFECTS | CONTEXT, EFFECTS, 0, MAX_SUMMARY_BLOCKS, sum);
}

/* Can another unit call id (not a static "name@unit", nor a pointer's
 * pseudo-function "*...")? */
static int exported(const char *id)
{
	return id && *id != '*' && !strchr(id, '@');
}

static int calls_other_unit(const struct mm_unit *u, const struct mm_event *ev)
{
	return ev->kind == MM_EV_CALL && exported(ev->name) && lookup(u, ev->name) < 0;
}

/* Does fn start a check and then, on some path, call a function the unit
 * does not define, whose summary the whole-build check may have?  A call
 * no start reaches cannot end a check (6.12's mm/memory.c: 11 functions
 * to check written instead of 14). */
static int calls_out(const struct mm_unit *u, const struct mm_func *fn)
{
	int *work, *seen, n = 0, b, i, found = 0;

	if (!(mm_events_of(fn) & STARTS))
		return 0;
	work = mm_xrealloc(NULL, fn->nb * sizeof(*work));
	seen = calloc(fn->nb, sizeof(*seen));
	if (!seen)
		abort();
	/* the calls after a start in its block; the start's block's
	 * successors are where the walk below begins */
	for (b = 0; b < fn->nb && !found; b++) {
		int started = 0;

		for (i = 0; i < fn->b[b].nev && !found; i++) {
			started |= !!(EV(fn->b[b].ev[i].kind) & STARTS);
			found = started && calls_other_unit(u, &fn->b[b].ev[i]);
		}
		for (i = 0; started && i < fn->b[b].nsucc; i++)
			if (!seen[fn->b[b].succ[i].to]++)
				work[n++] = fn->b[b].succ[i].to;
	}
	while (n && !found) {
		b = work[--n];
		for (i = 0; i < fn->b[b].nev && !found; i++)
			found = calls_other_unit(u, &fn->b[b].ev[i]);
		for (i = 0; i < fn->b[b].nsucc; i++)
			if (!seen[fn->b[b].succ[i].to]++)
				work[n++] = fn->b[b].succ[i].to;
	}
	free(work);
	free(seen);
	return found;
}

/* What other units need of f (mm_unit_facts()). */
static void export(struct mm_unit *u, const struct unit_fn *f, const struct mm_func *expanded)
{
	struct mm_func kept;

	if (calls_out(u, expanded)) {
		reduce(expanded, CHECKED, STARTS, 1, MAX_EXPORT_BLOCKS, &kept);
		if (kept.nb)
			mm_facts_ir(u->facts, f->id, "check", &kept);
		mm_func_free(&kept);
	} else if (f->sum.nb && exported(f->id) && (mm_events_of(&f->sum) & WANTED)) {
		reduce(&f->sum, EFFECTS | CONTEXT, EFFECTS, 1, MM_CROSS_MAX_APPLY, &kept);
		if (kept.nb)
			mm_facts_ir(u->facts, f->id, "sum", &kept);
		mm_func_free(&kept);
	}
}

/* ---- checking --------------------------------------------------------------- */

struct reporting {
	mm_report_fn report;
	void *ctx;
	const struct unit_fn *checked;
};

/* A helper's own finding was reported (or ruled out) where the helper
 * was checked (mm_finding_helpers_own()). */
static void report_spanning(const struct mm_finding *f, void *ctx)
{
	struct reporting *r = ctx;
	struct mm_finding one;

	if (mm_finding_helpers_own(f))
		return;
	one = *f;	/* which function: the front end may not know it by now */
	one.cookie = r->checked->cookie;
	if (!one.function)
		one.function = r->checked->fn.name;
	r->report(&one, r->ctx);
}

static void visit(struct mm_unit *u, int i, const struct mm_catalogue *cat,
		  struct reporting *r, void (*incomplete)(void *cookie, void *ctx))
{
	struct unit_fn *f = &u->f[i];
	struct mm_func expanded;
	int b, e, c, partial = 0;

	f->state = ON_STACK;
	for (b = 0; b < f->fn.nb; b++)
		for (e = 0; e < f->fn.b[b].nev; e++)
			if (f->fn.b[b].ev[e].kind == MM_EV_CALL &&
			    (c = lookup(u, f->fn.b[b].ev[e].name)) >= 0 && u->f[c].state == NEW)
				visit(u, c, cat, r, incomplete);
	f = &u->f[i];
	r->checked = f;
	expand(u, &f->fn, &expanded);
	mm_check_all(&expanded, cat, report_spanning, r, &partial);
	if (partial && incomplete)
		incomplete(f->cookie, r->ctx);
	summarise(&expanded, &f->sum);
	mm_func_compact(&f->sum);	/* kept till the unit's end */
	if (u->facts)
		export(u, f, &expanded);
	mm_func_free(&expanded);
	f->state = DONE;
}

void mm_unit_check(struct mm_unit *u, const struct mm_catalogue *cat, mm_report_fn report,
		   void *ctx, void (*incomplete)(void *cookie, void *ctx))
{
	struct reporting r = { report, ctx, NULL };
	int i;

	build_index(u);
	for (i = 0; getenv("MMCHECK_DUMP_IR") && i < u->n; i++)
		mm_func_dump(&u->f[i].fn, stderr);
	for (i = 0; i < u->n; i++)
		if (u->f[i].state == NEW)
			visit(u, i, cat, &r, incomplete);
}

void mm_unit_free(struct mm_unit *u)
{
	int i;

	if (!u)
		return;
	for (i = 0; i < u->n; i++) {
		mm_func_free(&u->f[i].fn);
		mm_func_free(&u->f[i].sum);
	}
	mm_strings_free(&u->strings);
	free(u->index);
	free(u->f);
	free(u);
}
