// SPDX-License-Identifier: GPL-2.0
/*
 * checks.c - the list of path checks, and reporting each finding once.
 * A new check is a check_*.c with one entry point, added to checks[] below.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mmcore.h"
#include "checks.h"

/* Per mm_check_all() call: the findings so far, reported sorted at the end
 * so that output does not depend on the order paths were walked in. */
struct mm_seen {
	struct mm_finding *f;
	int n, cap;
};

void mm_report_once(struct mm_check_ctx *c, const struct mm_finding *f)
{
	struct mm_seen *s = c->seen;
	int i;

	for (i = 0; i < s->n; i++)
		if (!strcmp(s->f[i].rule, f->rule) && s->f[i].loc.line == f->loc.line &&
		    s->f[i].loc.col == f->loc.col && s->f[i].loc.file == f->loc.file)
			return;
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 16;
		s->f = realloc(s->f, s->cap * sizeof(*s->f));
		if (!s->f) {
			fputs("mmcheck: out of memory\n", stderr);
			abort();
		}
	}
	s->f[s->n++] = *f;
}

int mm_rule_listed(const char *list, const char *rule)
{
	size_t n = strlen(rule);
	const char *p;

	for (p = strstr(list, rule); p; p = strstr(p + 1, rule))
		if ((p == list || p[-1] == ',') && (p[n] == '\0' || p[n] == ','))
			return 1;
	return 0;
}

char *mm_rule_wno(const char *list, const char *option)
{
	const char *rule = option + 5;
	char *more;

	if (strncmp(option, "-Wno-", 5) || (strncmp(rule, "mm-", 3) && strcmp(rule, MM_INCOMPLETE)))
		return NULL;
	more = malloc(strlen(list) + strlen(rule) + 2);
	if (!more)
		abort();
	sprintf(more, "%s%s%s", list, *list ? "," : "", rule);
	return more;
}

static int same_place(const struct mm_loc *a, const struct mm_loc *b)
{
	return a->line == b->line && a->col == b->col &&
	       (a->file == b->file || (a->file && b->file && !strcmp(a->file, b->file)));
}

int mm_finding_helpers_own(const struct mm_finding *f)
{
	int i;

	for (i = 0; f->loc.in && i < f->nnotes; i++)
		if (!f->note_loc[i].in || !same_place(&f->note_loc[i], &f->loc))
			break;
	return f->loc.in && i == f->nnotes;
}

/* Did the walk find anything its caller will report (seen[from] on)? */
static int reported(const struct mm_seen *s, int from)
{
	for (; from < s->n; from++)
		if (!mm_finding_helpers_own(&s->f[from]))
			return 1;
	return 0;
}

/*
 * Every path first: most functions have no finding, and the branch facts
 * (mm_walk()) can only take findings away, at the cost of more states
 * (1.12x the instructions of compiling 6.12's mm/memory.c when every walk
 * kept them).  Only a function with findings (not its helpers' own, which
 * are reported where the helper is checked) is walked again with them,
 * its findings those of that walk, if it needs at most 4 times the states
 * (else every path's findings stand, found again).
 */
void mm_check_walk(struct mm_check_ctx *c, const struct mm_walker *w, void *ctx)
{
	int before = c->seen->n;
	size_t visits = 0;

	if (mm_walk_all_paths(c->fn, w, ctx, &visits)) {
		c->incomplete = 1;
		return;
	}
	if (!reported(c->seen, before) || !mm_walk_retests(c->fn))
		return;
	c->seen->n = before;
	if (!mm_walk_bounded(c->fn, w, ctx, 4 * visits + 1024))
		return;
	c->seen->n = before;
	if (mm_walk_all_paths(c->fn, w, ctx, NULL))
		c->incomplete = 1;
}

static int by_location(const void *a, const void *b)
{
	const struct mm_finding *x = a, *y = b;

	if (x->loc.line != y->loc.line)
		return x->loc.line - y->loc.line;
	if (x->loc.col != y->loc.col)
		return x->loc.col - y->loc.col;
	return strcmp(x->rule, y->rule);
}

#define EV(k) MM_EV_BIT(k)

/* Each check, and the events its finding needs, all of them: a function
 * without them cannot produce it, so its paths are not walked (most
 * functions of a kernel build have none). */
static const struct {
	void (*run)(struct mm_check_ctx *);
	unsigned long long needs;
} checks[] = {
	{ mm_check_rmap_before_flush,	 EV(MM_EV_PTE_CLEAR_DEFERRED) | EV(MM_EV_PAGE_DIRTY) |
					 EV(MM_EV_RMAP_REMOVE) },
	{ mm_check_delay_rmap_anon,	 EV(MM_EV_RMAP_DELAY) },
	{ mm_check_delay_rmap_unflushed, EV(MM_EV_RMAP_DELAY) },
	{ mm_check_undo_missing,	 EV(MM_EV_DO) },
	{ mm_check_debug_bh,		 EV(MM_EV_DEBUG) },
};

unsigned long long mm_events_of(const struct mm_func *fn)
{
	unsigned long long m = 0;
	int b, i;

	for (b = 0; b < fn->nb; b++)
		for (i = 0; i < fn->b[b].nev; i++)
			m |= EV(fn->b[b].ev[i].kind);
	return m;
}

void mm_check_all(const struct mm_func *fn, const struct mm_catalogue *cat,
		  mm_report_fn report, void *ctx, int *incomplete)
{
	struct mm_seen seen = { .n = 0 };
	struct mm_check_ctx c = { .fn = fn, .cat = cat, .report = report, .report_ctx = ctx,
				  .seen = &seen };
	unsigned long long has = mm_events_of(fn);
	size_t i;

	for (i = 0; i < sizeof(checks) / sizeof(checks[0]); i++)
		if ((has & checks[i].needs) == checks[i].needs)
			checks[i].run(&c);
	if (seen.n)	/* qsort() of NULL is undefined, even of nothing */
		qsort(seen.f, seen.n, sizeof(*seen.f), by_location);
	for (i = 0; i < (size_t)seen.n; i++)
		report(&seen.f[i], ctx);
	free(seen.f);
	if (incomplete)
		*incomplete = c.incomplete;
}
