// SPDX-License-Identifier: GPL-2.0
/*
 * ir.c - building a function's IR, and recording findings.  Allocation
 * failures abort: a front end running inside a compiler has no better way
 * out, and the core must never return half-built IR.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mmcore.h"
#include "checks.h"

void *mm_xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p) {
		fputs("mmcheck: out of memory\n", stderr);
		abort();
	}
	return p;
}

static void *grow(void *p, int *cap, int need, size_t size)
{
	if (need <= *cap)
		return p;
	*cap = *cap ? *cap * 2 : 8;
	if (*cap < need)
		*cap = need;
	return mm_xrealloc(p, *cap * size);
}

void mm_func_init(struct mm_func *fn, const char *name)
{
	memset(fn, 0, sizeof(*fn));
	fn->name = name;
}

void mm_func_free(struct mm_func *fn)
{
	int i;

	for (i = 0; !fn->packed && i < fn->nb; i++) {
		free(fn->b[i].ev);
		free(fn->b[i].succ);
	}
	free(fn->b);
	if (!fn->packed)
		free(fn->argv);
	memset(fn, 0, sizeof(*fn));
}

/* A packed function is only read (see pack()). */
static void unpacked(const struct mm_func *fn)
{
	if (fn->packed) {
		fputs("mmcheck: internal error: packed IR built on\n", stderr);
		abort();
	}
}

/*
 * src packed into dst: blocks, events, edges and arguments in one
 * allocation, with no room to spare.  A unit keeps three of each of its
 * functions until its end (its copy, its summary, its facts), and a
 * builder's doubling and a malloc() per block gave most of them room for
 * 8 events they never get: on 6.12 mm/memory.c that was most of the
 * plugin's memory.  renumber: events numbered in block order (a copy),
 * else as in src.
 */
static void pack(struct mm_func *dst, const struct mm_func *src, int renumber)
{
	size_t nev = 0, nsucc = 0;
	struct mm_event *ev;
	struct mm_edge *succ;
	int b, seq = 0;

	for (b = 0; b < src->nb; b++) {
		nev += src->b[b].nev;
		nsucc += src->b[b].nsucc;
	}
	mm_func_init(dst, src->name);
	memcpy(dst->param, src->param, sizeof(dst->param));
	dst->nparam = src->nparam;
	dst->ret = src->ret;
	dst->packed = 1;
	dst->nb = dst->cap_b = src->nb;
	dst->nev = src->nev;
	dst->nargv = dst->cap_argv = src->nargv;
	/* widest alignment first: blocks and events hold pointers */
	dst->b = mm_xrealloc(NULL, src->nb * sizeof(*dst->b) + nev * sizeof(*ev) +
			     nsucc * sizeof(*succ) + src->nargv * sizeof(*dst->argv));
	ev = (struct mm_event *)(dst->b + src->nb);
	succ = (struct mm_edge *)(ev + nev);
	dst->argv = src->nargv ? (int *)(succ + nsucc) : NULL;
	if (src->nargv)
		memcpy(dst->argv, src->argv, src->nargv * sizeof(*dst->argv));
	for (b = 0; b < src->nb; b++) {
		struct mm_block *d = &dst->b[b];
		const struct mm_block *s = &src->b[b];
		int i;

		memset(d, 0, sizeof(*d));
		d->nev = d->cap_ev = s->nev;
		d->ev = s->nev ? ev : NULL;
		for (i = 0; i < s->nev; i++) {
			*ev = s->ev[i];
			if (renumber)
				ev->seq = seq++;
			ev++;
		}
		d->nsucc = d->cap_succ = s->nsucc;
		d->succ = s->nsucc ? succ : NULL;
		if (s->nsucc)
			memcpy(succ, s->succ, s->nsucc * sizeof(*succ));
		succ += s->nsucc;
	}
	if (renumber)
		dst->nev = seq;
}

void mm_func_compact(struct mm_func *fn)
{
	struct mm_func packed;

	if (fn->packed)
		return;
	pack(&packed, fn, 0);
	mm_func_free(fn);
	*fn = packed;
}

void mm_func_copy(struct mm_func *dst, const struct mm_func *src)
{
	pack(dst, src, 1);
}

int mm_func_push_args(struct mm_func *fn, const int *v, int n)
{
	int at = fn->nargv;

	if (n <= 0)
		return at;	/* memcpy() of NULL is undefined, even of nothing */
	unpacked(fn);
	fn->argv = grow(fn->argv, &fn->cap_argv, fn->nargv + n, sizeof(*fn->argv));
	memcpy(fn->argv + at, v, n * sizeof(*v));
	fn->nargv += n;
	return at;
}

int mm_block_add(struct mm_func *fn)
{
	unpacked(fn);
	fn->b = grow(fn->b, &fn->cap_b, fn->nb + 1, sizeof(*fn->b));
	memset(&fn->b[fn->nb], 0, sizeof(fn->b[0]));
	return fn->nb++;
}

void mm_event_add(struct mm_func *fn, int block, const struct mm_event *ev)
{
	struct mm_block *b = &fn->b[block];

	unpacked(fn);
	b->ev = grow(b->ev, &b->cap_ev, b->nev + 1, sizeof(*b->ev));
	b->ev[b->nev] = *ev;
	b->ev[b->nev++].seq = fn->nev++;
}

void mm_edge_add_test(struct mm_func *fn, int from, int to, enum mm_cond cond, int value,
		      int sign)
{
	struct mm_block *b = &fn->b[from];

	unpacked(fn);
	b->succ = grow(b->succ, &b->cap_succ, b->nsucc + 1, sizeof(*b->succ));
	b->succ[b->nsucc].to = to;
	b->succ[b->nsucc].cond = cond;
	b->succ[b->nsucc].value = value;
	b->succ[b->nsucc].sign = sign;
	b->nsucc++;
}

void mm_edge_add(struct mm_func *fn, int from, int to, enum mm_cond cond, int value)
{
	mm_edge_add_test(fn, from, to, cond, value, 0);
}

/* Past MM_MAX_PARAMS (varargs aside, no kernel function has that many),
 * a parameter is not told. */
void mm_func_param(struct mm_func *fn, int value)
{
	if (fn->nparam < MM_MAX_PARAMS)
		fn->param[fn->nparam++] = value;
}

static const char *const ev_names[MM_EV_COUNT] = {
	[MM_EV_PTE_CLEAR_DEFERRED] = "pte_clear_deferred", [MM_EV_PTE_CLEAR_FLUSH] = "pte_clear_flush",
	[MM_EV_TLB_FLUSH] = "tlb_flush", [MM_EV_RMAP_REMOVE] = "rmap_remove",
	[MM_EV_RMAP_DELAY] = "rmap_delay", [MM_EV_RMAP_FLUSH] = "rmap_flush",
	[MM_EV_PAGE_DIRTY] = "page_dirty", [MM_EV_ANON_TEST] = "anon_test",
	[MM_EV_FOLIO_LOCK] = "folio_lock", [MM_EV_FOLIO_UNLOCK] = "folio_unlock",
	[MM_EV_PTL_UNLOCK] = "ptl_unlock", [MM_EV_LOCK] = "lock", [MM_EV_UNLOCK] = "unlock",
	[MM_EV_BH_DISABLE] = "bh_disable", [MM_EV_BH_ENABLE] = "bh_enable", [MM_EV_DO] = "do",
	[MM_EV_UNDO] = "undo", [MM_EV_PTE_RESTORE] = "pte_restore",
	[MM_EV_ABORT_JUMP] = "abort_jump", [MM_EV_ASSIGN] = "assign", [MM_EV_COPY] = "copy",
	[MM_EV_DEBUG] = "debug", [MM_EV_CALL] = "call", [MM_EV_BH_TEST] = "bh_test",
	[MM_EV_RETURN] = "return",
};

const char *mm_ev_name(enum mm_ev kind)
{
	return kind < MM_EV_COUNT && ev_names[kind] ? ev_names[kind] : "?";
}

int mm_ev_parse(const char *name)
{
	int k;

	for (k = 0; k < MM_EV_COUNT; k++)
		if (ev_names[k] && !strcmp(ev_names[k], name))
			return k;
	return -1;
}

const char *mm_strings_keep(struct mm_strings *p, const char *s, int window)
{
	int i;

	for (i = p->n - 1; i >= 0 && i >= p->n - window; i--)
		if (!strcmp(p->s[i], s))
			return p->s[i];
	if (p->n == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 64;
		p->s = mm_xrealloc(p->s, p->cap * sizeof(*p->s));
	}
	p->s[p->n] = strdup(s);
	if (!p->s[p->n])
		abort();
	return p->s[p->n++];
}

void mm_strings_free(struct mm_strings *p)
{
	int i;

	for (i = 0; i < p->n; i++)
		free(p->s[i]);
	free(p->s);
	memset(p, 0, sizeof(*p));
}

int mm_failure_value(const struct mm_func *fn, enum mm_const constant)
{
	switch (fn->ret) {
	case MM_RET_ERRNO:
		return constant == MM_CONST_NEGATIVE;
	case MM_RET_BOOL:
	case MM_RET_POINTER:
		return constant == MM_CONST_ZERO;
	default:
		return 0;
	}
}

/* A note at a helper's call site says what in the helper it is about. */
static void in_helper(char *text, size_t size, const struct mm_loc *loc)
{
	size_t n = strlen(text);

	if (loc->in && n < size)
		snprintf(text + n, size - n, " (%s, called here)", loc->in);
}

void mm_finding_init(struct mm_finding *f, const char *rule, struct mm_loc loc,
		     const char *fmt, ...)
{
	va_list ap;

	memset(f, 0, sizeof(*f));
	f->rule = rule;
	f->loc = loc;
	va_start(ap, fmt);
	vsnprintf(f->message, sizeof(f->message), fmt, ap);
	va_end(ap);
	if (loc.in) {		/* the event itself is in a helper */
		f->note_loc[0] = loc;
		snprintf(f->note[0], sizeof(f->note[0]), "%s, called here", loc.in);
		f->nnotes = 1;
	}
}

void mm_finding_note(struct mm_finding *f, struct mm_loc loc, const char *fmt, ...)
{
	va_list ap;

	if (f->nnotes == MM_MAX_NOTES)
		return;
	f->note_loc[f->nnotes] = loc;
	va_start(ap, fmt);
	vsnprintf(f->note[f->nnotes], sizeof(f->note[0]), fmt, ap);
	va_end(ap);
	in_helper(f->note[f->nnotes], sizeof(f->note[0]), &loc);
	f->nnotes++;
}

/* For a developer (MMCHECK_DUMP_IR=1): fn's blocks, events and edges, as
 * the checks see them. */
void mm_func_dump(const struct mm_func *fn, FILE *out)
{
	static const char *const cond[] = { "", " if zero", " if nonzero" };
	static const char *const constant[] = { "", " =neg", " =0", " =pos" };
	int b, i;

	fprintf(out, "%s:\n", fn->name);
	for (b = 0; b < fn->nb; b++) {
		fprintf(out, "  B%d:\n", b);
		for (i = 0; i < fn->b[b].nev; i++) {
			const struct mm_event *ev = &fn->b[b].ev[i];

			fprintf(out, "    %s %s obj=%d result=%d%s %s:%d\n", mm_ev_name(ev->kind),
				ev->name ? ev->name : "-", ev->obj, ev->result,
				constant[ev->constant],
				ev->loc.file ? ev->loc.file : "-", ev->loc.line);
		}
		for (i = 0; i < fn->b[b].nsucc; i++)
			fprintf(out, "    -> B%d%s%s v=%d\n", fn->b[b].succ[i].to,
				cond[fn->b[b].succ[i].cond], fn->b[b].succ[i].sign ? " (sign)" : "",
				fn->b[b].succ[i].value);
	}
}
