// SPDX-License-Identifier: GPL-2.0
/*
 * crossunit.c - the path checks across translation units.
 *
 * Each unit checks its functions with the summaries of the helpers it
 * defines (summaries.c).  A helper of another file is a call it cannot
 * see into; so each unit also writes, into its facts, the summary of each
 * function other units can call that has an effect, and the events of
 * each function that starts a check and calls a function it does not
 * define (mm_unit_facts()).  Here, at the end of the build, those
 * functions are one unit: checked again, callees first, with those
 * summaries applied at their calls.  What they find that the function's
 * own events found already was reported when its unit was built; only
 * the rest is reported here.  A chain of helpers counts within each unit
 * and one call across units deep: a summary written by a unit holds the
 * helpers of that unit, not those of a third.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mmcore.h"
#include "checks.h"

struct xfn {
	char *key, *id;
	int check;		/* "check": report what helpers of others add */
	struct mm_func fn;
	struct mm_finding *own;	/* what fn finds by itself (computed once) */
	int nown;		/* -1: not yet */
};

struct xstr {
	const char *hash, *text;
};

struct mm_cross {
	struct xfn *f;
	int n, cap;
	struct xstr *str;	/* note texts by hash (xstr records), open addressed */
	int nstr, cap_str;
	struct mm_strings strings;	/* names, files, note texts: each kept once */
	mm_report_fn report;
	void *ctx;
	const struct mm_catalogue *cat;
};

struct mm_cross *mm_cross_new(void)
{
	struct mm_cross *x = mm_xrealloc(NULL, sizeof(*x));

	memset(x, 0, sizeof(*x));
	return x;
}

static const char *keep(struct mm_cross *x, const char *s)
{
	return strcmp(s, "-") ? mm_strings_keep(&x->strings, s, 256) : NULL;
}

/* "3,-7,12" into v (at most max); the count, or -1. */
static int values(const char *s, int *v, int max)
{
	int n = 0;
	char *end;

	if (!strcmp(s, "-"))
		return 0;
	for (;;) {
		if (n == max)
			return -1;
		v[n++] = (int)strtol(s, &end, 10);
		if (end == s || (*end && *end != ','))
			return -1;
		if (!*end)
			return n;
		s = end + 1;
	}
}

static int number(const char *s, int *v)
{
	char *end;

	*v = (int)strtol(s, &end, 10);
	return end == s || *end ? -1 : 0;
}

static int add_fn(struct mm_cross *x, char *const *f)
{
	int params[MM_MAX_PARAMS], np, nb, ret, i;
	struct xfn *e;

	np = values(f[6], params, MM_MAX_PARAMS);
	if (np < 0 || number(f[5], &ret) || ret < MM_RET_OTHER || ret > MM_RET_POINTER ||
	    number(f[7], &nb) || nb < 0 || nb > 1000000)
		return -1;
	if (x->n == x->cap) {
		x->cap = x->cap ? 2 * x->cap : 64;
		x->f = mm_xrealloc(x->f, x->cap * sizeof(*x->f));
	}
	e = &x->f[x->n++];
	memset(e, 0, sizeof(*e));
	e->key = (char *)keep(x, f[1]);
	e->id = (char *)keep(x, f[2]);
	e->check = !strcmp(f[3], "check");
	e->nown = -1;
	mm_func_init(&e->fn, keep(x, f[4]));
	e->fn.ret = (enum mm_ret)ret;
	for (i = 0; i < np; i++)
		mm_func_param(&e->fn, params[i]);
	for (i = 0; i < nb; i++)
		mm_block_add(&e->fn);
	return 0;
}

/* The function a record of key adds to: the last one begun, or none (its
 * xfn line was a repeat, dropped by the reader). */
static struct xfn *current(struct mm_cross *x, const char *key)
{
	struct xfn *e = x->n ? &x->f[x->n - 1] : NULL;

	return e && e->key && !strcmp(e->key, key) ? e : NULL;
}

/* "file:line:col", the file may hold colons; "-": none */
static int place(struct mm_cross *x, char *s, struct mm_loc *loc)
{
	char *col = strrchr(s, ':'), *line;

	if (!strcmp(s, "-"))
		return 0;

	if (!col)
		return -1;
	*col = '\0';
	line = strrchr(s, ':');
	if (!line)
		return -1;
	*line = '\0';
	if (number(line + 1, &loc->line) || number(col + 1, &loc->col))
		return -1;
	loc->file = keep(x, s);
	return 0;
}

static unsigned slot_of(const char *hash, int cap)
{
	return (unsigned)strtoull(hash + 8, NULL, 16) & (cap - 1);
}

static void add_str(struct mm_cross *x, const char *hash, const char *text)
{
	unsigned i;

	if ((x->nstr + 1) * 2 > x->cap_str) {
		struct xstr *old = x->str;
		int oldcap = x->cap_str, j;

		x->cap_str = oldcap ? 2 * oldcap : 256;
		x->str = calloc(x->cap_str, sizeof(*x->str));
		if (!x->str)
			abort();
		x->nstr = 0;
		for (j = 0; j < oldcap; j++)
			if (old[j].hash)
				add_str(x, old[j].hash, old[j].text);
		free(old);
	}
	for (i = slot_of(hash, x->cap_str); x->str[i].hash; i = (i + 1) & (x->cap_str - 1))
		if (!strcmp(x->str[i].hash, hash))
			return;
	x->str[i].hash = hash;
	x->str[i].text = text;
	x->nstr++;
}

/* The text of an xstr hash; NULL for "-" or one never written. */
static const char *str_of(const struct mm_cross *x, const char *hash)
{
	unsigned i;

	if (!strcmp(hash, "-") || !x->cap_str)
		return NULL;
	for (i = slot_of(hash, x->cap_str); x->str[i].hash; i = (i + 1) & (x->cap_str - 1))
		if (!strcmp(x->str[i].hash, hash))
			return x->str[i].text;
	return NULL;
}

static int add_event(struct mm_cross *x, char *const *f)
{
	struct xfn *e = current(x, f[1]);
	struct mm_event ev = { 0 };
	int b, kind, constant, args[256], nargs;

	if (!e)
		return 0;
	kind = mm_ev_parse(f[4]);
	nargs = values(f[11], args, 256);
	if (number(f[2], &b) || b < 0 || b >= e->fn.nb || kind < 0 || number(f[6], &ev.obj) ||
	    number(f[7], &ev.result) || number(f[8], &constant) || constant < MM_CONST_NONE ||
	    constant > MM_CONST_POSITIVE || nargs < 0 || place(x, f[9], &ev.loc))
		return -1;
	ev.kind = (enum mm_ev)kind;
	ev.name = kind == MM_EV_ASSIGN || kind == MM_EV_COPY ? "=" : keep(x, f[5]);
	ev.constant = (enum mm_const)constant;
	ev.loc.in = str_of(x, f[10]);
	if (strcmp(f[10], "-") && !ev.loc.in)
		return -1;	/* a note text the blob never gave */
	ev.nargs = nargs;
	ev.args = mm_func_push_args(&e->fn, args, nargs);
	mm_event_add(&e->fn, b, &ev);
	return 0;
}

static int add_edge(struct mm_cross *x, char *const *f)
{
	struct xfn *e = current(x, f[1]);
	int b, to, cond, value, sign;

	if (!e)
		return 0;
	if (number(f[2], &b) || number(f[4], &to) || number(f[5], &cond) ||
	    number(f[6], &value) || number(f[7], &sign) || b < 0 || b >= e->fn.nb || to < 0 ||
	    to >= e->fn.nb || cond < MM_COND_NONE || cond > MM_COND_FAILURE)
		return -1;
	mm_edge_add_test(&e->fn, b, to, (enum mm_cond)cond, value, sign);
	return 0;
}

int mm_cross_fact(struct mm_cross *x, const struct mm_fact *fact)
{
	if (!strcmp(fact->f[0], "xstr")) {
		add_str(x, keep(x, fact->f[1]), keep(x, fact->f[2]));
		return 0;
	}
	if (!strcmp(fact->f[0], "xfn"))
		return add_fn(x, fact->f);
	if (!strcmp(fact->f[0], "xev"))
		return add_event(x, fact->f);
	if (!strcmp(fact->f[0], "xedge"))
		return add_edge(x, fact->f);
	return 1;
}

/* ---- checking ---------------------------------------------------------------- */

static int same(const struct mm_finding *a, const struct mm_finding *b)
{
	return !strcmp(a->rule, b->rule) && a->loc.line == b->loc.line &&
	       a->loc.col == b->loc.col && !strcmp(a->message, b->message) &&
	       (a->loc.file == b->loc.file ||
		(a->loc.file && b->loc.file && !strcmp(a->loc.file, b->loc.file)));
}

static void collect(const struct mm_finding *f, void *ctx)
{
	struct xfn *e = ctx;

	e->own = mm_xrealloc(e->own, (e->nown + 1) * sizeof(*e->own));
	e->own[e->nown++] = *f;
}

/* Found with the helpers of other units: reported unless the function's
 * own events (and its unit's helpers) found it, at its unit's build. */
static void report_new(const struct mm_finding *f, void *ctx)
{
	struct mm_cross *x = ctx;
	struct xfn *e = f->cookie;
	int i;

	if (!e || !e->check)
		return;
	if (e->nown < 0) {
		e->nown = 0;
		mm_check_all(&e->fn, x->cat, collect, e, NULL);
	}
	for (i = 0; i < e->nown; i++)
		if (same(f, &e->own[i]))
			return;
	x->report(f, x->ctx);
}

static void incomplete(void *cookie, void *ctx)
{
	struct mm_cross *x = ctx;
	struct xfn *e = cookie;
	struct mm_finding f;
	struct mm_loc at = { 0 };
	int b;

	if (!e->check)
		return;
	for (b = 0; b < e->fn.nb && !at.file; b++)
		if (e->fn.b[b].nev)
			at = e->fn.b[b].ev[0].loc;
	at.in = NULL;
	mm_finding_init(&f, MM_INCOMPLETE, at, "mmcheck: '%s' has too many paths with the "
			"helpers of other files applied; analysis incomplete", e->fn.name);
	f.function = e->fn.name;
	x->report(&f, x->ctx);
}

void mm_cross_check(struct mm_cross *x, const struct mm_catalogue *cat, mm_report_fn report,
		    void *ctx)
{
	struct mm_unit *u = mm_unit_new();
	int i;

	x->report = report;
	x->ctx = ctx;
	x->cat = cat;
	/* the functions are whole callers already, not one unit's helpers:
	 * only small summaries of other units' helpers are applied, or the
	 * walks of the biggest pass their bounds (6.12's
	 * madvise_free_pte_range() with every folio helper of mm/) */
	mm_unit_limit(u, MM_CROSS_MAX_APPLY);
	for (i = 0; i < x->n; i++)
		mm_unit_add(u, x->f[i].id, &x->f[i].fn, &x->f[i]);
	mm_unit_check(u, cat, report_new, x, incomplete);
	mm_unit_free(u);
}

void mm_cross_free(struct mm_cross *x)
{
	int i;

	if (!x)
		return;
	for (i = 0; i < x->n; i++) {
		mm_func_free(&x->f[i].fn);
		free(x->f[i].own);
	}
	mm_strings_free(&x->strings);
	free(x->str);
	free(x->f);
	free(x);
}
