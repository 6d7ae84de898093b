// SPDX-License-Identifier: GPL-2.0
/*
 * facts.c - lock facts: what one translation unit tells the whole-tree
 * lock analysis (docs/facts.md has the format).
 *
 * A front end writes them into a non-allocated ELF section of the object
 * it compiles, so that -j, ccache, distcc and icecream builds keep them
 * with the object they describe; a link concatenates such sections, so a
 * reader accepts several blobs back to back.  Each blob ends with its own
 * record count and a checksum of its bytes: a truncated, half-written or
 * corrupted blob is an error, never a shorter or different list of facts.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mmcore.h"
#include "checks.h"

#define MAGIC "mmcheck-facts"
/* 2: call records carry the BH state of the call; 3: store and pass
 * records, calls through pointers to their targets' pseudo-functions;
 * 4: acq and call records carry the parameter guards of their sites, call
 * records the constant arguments; 5: the end record carries a checksum;
 * 6: lockarg records, and "#N" classes for a lock that is parameter N;
 * work and bhwork records; 7: xfn, xev and xedge records (the IR of
 * functions for the whole-tree path checks, crossunit.c); 8: the unit's
 * own name is left out of its static functions' ids ("f@") and of its
 * places (":12:5"), which were half the bytes of mm/memory.o's facts;
 * 9: wqwork and bhwq records (work queued on a workqueue made with WQ_BH).
 * Only 9 is read: an 8 says nothing of such workqueues, a 7 would name
 * functions "f@" of no unit, a 6 has no xfn records. */
#define VERSION "9"

static const struct {
	const char *type;
	int nfields;
} record_types[] = {
	{ "acq", 7 },	/* fn class flavour bh file:line:col callee guard */
	{ "call", 5 },	/* caller callee bh args guard */
	{ "reg", 4 },	/* fn callback registrar file:line:col */
	{ "ctx", 4 },	/* fn softirq|hardirq why file:line:col */
	{ "addr", 1 },	/* fn: its address is taken in a function body */
	{ "store", 4 },	/* holder callback STRUCT.MEMBER file:line:col */
	{ "pass", 4 },	/* caller callback callee argument */
	{ "leaves", 2 },	/* fn via: returns with BH disabled (if via does) */
	{ "lockarg", 4 },	/* caller callee argument class */
	{ "work", 3 },		/* class fn file:line:col */
	{ "bhwork", 3 },	/* caller class file:line:col */
	{ "wqwork", 4 },	/* caller workqueue class file:line:col */
	{ "bhwq", 2 },		/* workqueue file:line:col */
	{ "xfn", 7 },		/* key id role name ret params nblocks */
	{ "xev", 11 },		/* key block i kind name obj result constant
				 * file:line:col in args */
	{ "xedge", 7 },		/* key block i to cond value sign */
	{ "xstr", 2 },		/* hash text: a note text xev records name */
};

/*
 * The checksum: 64-bit FNV-1a over every byte of the blob before its end
 * record.  It finds corruption (a disk, a cache, a truncated copy), not
 * forgery: whoever writes the object can write its facts too.
 */
#define SUM_START 14695981039346656037ULL

static unsigned long long checksum(unsigned long long h, const char *p, size_t n)
{
	while (n--)
		h = (h ^ (unsigned char)*p++) * 1099511628211ULL;
	return h;
}

unsigned long long mm_facts_checksum(const char *p, size_t n)
{
	return checksum(SUM_START, p, n);
}

static void put(struct mm_facts *f, const char *s, size_t n)
{
	if (f->len + n + 1 > f->cap) {
		f->cap = (f->len + n + 1) * 2;
		f->buf = realloc(f->buf, f->cap);
		if (!f->buf) {
			fputs("mmcheck: out of memory\n", stderr);
			abort();
		}
	}
	memcpy(f->buf + f->len, s, n);
	f->len += n;
	f->buf[f->len] = '\0';
}

/* How much of field s names the unit tu: a static function's id ends
 * "@tu", a place starts "tu:LINE"; 0 if neither.  *front: at the start. */
static size_t unit_part(const char *s, const char *tu, int *front)
{
	size_t n = strlen(s), t = tu ? strlen(tu) : 0;

	*front = 0;
	if (!t || n <= t)
		return 0;
	if (s[n - t - 1] == '@' && !strcmp(s + n - t, tu))
		return t;
	*front = 1;
	return !strncmp(s, tu, t) && s[t] == ':' && s[t + 1] >= '0' && s[t + 1] <= '9' ? t : 0;
}

/* A field never holds the separators: tabs and newlines become spaces.
 * The unit's own name is left out (version 8): "f@", ":12:5". */
static void put_field(struct mm_facts *f, const char *s)
{
	size_t n, skip;
	int front;

	put(f, "\t", 1);
	if (!s) {
		put(f, "-", 1);
		return;
	}
	skip = unit_part(s, f->tu, &front);
	n = strlen(s) - skip;
	if (front)
		s += skip;
	while (n) {
		size_t run = strcspn(s, "\t\n");

		if (run > n)
			run = n;
		put(f, s, run);
		s += run;
		n -= run;
		if (n) {
			put(f, " ", 1);
			s++;
			n--;
		}
	}
}

static void record(struct mm_facts *f, const char *type, ...)
{
	va_list ap;
	const char *s;

	put(f, type, strlen(type));
	va_start(ap, type);
	while ((s = va_arg(ap, const char *)) != NULL)
		put_field(f, s);
	va_end(ap);
	put(f, "\n", 1);
	f->nrec++;
}

void mm_facts_begin(struct mm_facts *f, const char *tree, const char *tu)
{
	memset(f, 0, sizeof(*f));
	record(f, MAGIC, VERSION, tree, tu, (char *)NULL);
	f->nrec = 0;
	f->tu = strdup(tu);
	if (!f->tu)
		abort();
}

static const char *where(const struct mm_facts *f, const struct mm_loc *l, char *buf, size_t n)
{
	snprintf(buf, n, "%s:%d:%d", l->file ? l->file : "?", l->line,
		 f->column ? f->column(l) : l->col);
	return buf;
}

/* record()'s list ends at NULL: a missing field is written "-". */
static const char *dash(const char *s)
{
	return s ? s : "-";
}

const char *mm_facts_values(unsigned zero, unsigned nonzero, char *buf, size_t n)
{
	size_t len = 0;
	int i;

	buf[0] = '\0';
	for (i = 1; i <= MM_MAX_PARAMS && len < n; i++)
		if ((zero | nonzero) & (1u << i))
			len += snprintf(buf + len, n - len, "%s%d%s", len ? "," : "", i,
					zero & (1u << i) ? "=0" : "!=0");
	return len ? buf : NULL;
}

int mm_facts_parse_values(const char *s, unsigned *zero, unsigned *nonzero)
{
	char *end;
	long i;

	*zero = *nonzero = 0;
	if (!strcmp(s, "-"))
		return 0;
	for (;;) {
		i = strtol(s, &end, 10);
		if (end == s || i < 1 || i > MM_MAX_PARAMS)
			return -1;
		if (!strncmp(end, "=0", 2))
			*zero |= 1u << i, end += 2;
		else if (!strncmp(end, "!=0", 3))
			*nonzero |= 1u << i, end += 3;
		else
			return -1;
		if (!*end)
			return 0;
		if (*end != ',')
			return -1;
		s = end + 1;
	}
}

void mm_facts_acq(struct mm_facts *f, const char *fn, const struct mm_event *ev, enum mm_bh bh,
		  unsigned zero, unsigned nonzero)
{
	static const char *const flavour[2][3] = { { "plain", "bh", "irq" },
						   { "plain+try", "bh+try", "irq+try" } };
	char at[512], guard[256];

	record(f, "acq", fn, ev->what, flavour[!!ev->trylock][ev->flavour],
	       bh == MM_BH_ENABLED ? "bh-on" : "bh-off", where(f, &ev->loc, at, sizeof(at)),
	       ev->name, dash(mm_facts_values(zero, nonzero, guard, sizeof(guard))), (char *)NULL);
}

static unsigned long long edge_hash(const char *caller, const char *callee)
{
	unsigned long long h = 14695981039346656037ULL;
	const char *s;

	for (s = caller; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	h = (h ^ '\t') * 1099511628211ULL;
	for (s = callee; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h | 1;	/* 0 marks an empty slot */
}

/* Is the edge new?  An open-addressed set of 64-bit hashes: a collision
 * would drop one edge, at odds of about n^2 / 2^64. */
static int new_edge(struct mm_facts *f, unsigned long long h)
{
	size_t i;

	if ((f->nedges + 1) * 2 > f->cap_edges) {
		unsigned long long *old = f->edges;
		size_t oldcap = f->cap_edges;

		f->cap_edges = oldcap ? oldcap * 2 : 256;
		f->edges = calloc(f->cap_edges, sizeof(*f->edges));
		if (!f->edges)
			abort();
		f->nedges = 0;
		for (i = 0; i < oldcap; i++)
			if (old[i])
				new_edge(f, old[i]);
		free(old);
	}
	for (i = h & (f->cap_edges - 1); f->edges[i]; i = (i + 1) & (f->cap_edges - 1))
		if (f->edges[i] == h)
			return 0;
	f->edges[i] = h;
	f->nedges++;
	return 1;
}

/* One record per caller, callee, constant arguments and guard: the
 * analysis tells udp_rmem_release(sk, total, 0, true) from
 * udp_rmem_release(sk, size, 1, false). */
void mm_facts_call(struct mm_facts *f, const char *caller, const char *callee, enum mm_bh bh,
		   const struct mm_event *ev, unsigned zero, unsigned nonzero)
{
	char args[256], guard[256], key[520];
	const char *a = ev ? mm_facts_values(ev->zero_args, ev->nonzero_args, args,
					     sizeof(args)) : NULL;
	const char *g = mm_facts_values(zero, nonzero, guard, sizeof(guard));

	snprintf(key, sizeof(key), "%s\t%s\t%s", callee, a ? a : "-", g ? g : "-");
	if (new_edge(f, edge_hash(caller, key)))
		record(f, "call", caller, callee, bh == MM_BH_ENABLED ? "bh-on" : "bh-off", dash(a),
		       dash(g), (char *)NULL);
}

struct sites {
	struct mm_facts *f;
	const char *id;
	unsigned *zero, *nonzero;	/* the guards of each event (mm_param_guards()) */
	const struct mm_event **off;	/* calls made with BH disabled */
	int noff;
};

static void site(const struct mm_event *ev, enum mm_bh bh, void *ctx)
{
	struct sites *s = ctx;

	if (ev->kind == MM_EV_LOCK && ev->what)
		mm_facts_acq(s->f, s->id, ev, bh, s->zero[ev->seq], s->nonzero[ev->seq]);
	else if (ev->kind == MM_EV_CALL && bh == MM_BH_ENABLED)
		mm_facts_call(s->f, s->id, ev->name, bh, ev, s->zero[ev->seq], s->nonzero[ev->seq]);
	else if (ev->kind == MM_EV_CALL)
		s->off[s->noff++] = ev;
}

void mm_facts_function(struct mm_facts *f, const char *id, struct mm_func *fn, void *cookie,
		       int warned)
{
	if (f->nfns == f->cap_fns) {
		f->cap_fns = f->cap_fns ? f->cap_fns * 2 : 64;
		f->fns = realloc(f->fns, f->cap_fns * sizeof(*f->fns));
		if (!f->fns)
			abort();
	}
	mm_func_compact(fn);	/* kept till the unit's end */
	f->fns[f->nfns].id = id;
	f->fns[f->nfns].fn = *fn;
	f->fns[f->nfns].cookie = cookie;
	f->fns[f->nfns].warned = warned;
	f->fns[f->nfns++].leaves = 0;
	memset(fn, 0, sizeof(*fn));
}

static int by_id(const void *a, const void *b)
{
	return strcmp(((const struct mm_facts_fn *)a)->id, ((const struct mm_facts_fn *)b)->id);
}

/* mm_bh_effect_fn over the unit's functions, sorted by id. */
static int effect_of(const char *callee, void *ctx)
{
	const struct mm_facts *f = ctx;
	struct mm_facts_fn key = { .id = callee };
	const struct mm_facts_fn *found = bsearch(&key, f->fns, f->nfns, sizeof(key), by_id);

	return found ? found->leaves : 0;
}

/* What each function leaves behind, to a fixed point: lock_timer() is
 * a macro around __lock_timer(), a wrapper leaves what it calls leaves.
 * Only functions that change the BH state are walked. */
static void unit_effects(struct mm_facts *f)
{
	int round, changed = 1, i, leaves;

	for (round = 0; round < 8 && changed; round++) {
		changed = 0;
		for (i = 0; i < f->nfns; i++) {
			struct mm_facts_fn *u = &f->fns[i];

			if (!mm_bh_touches(&u->fn, effect_of, f))
				continue;
			if (mm_bh_sites(&u->fn, effect_of, f, NULL, NULL, &leaves))
				leaves = 0;
			changed |= leaves != u->leaves;
			u->leaves = leaves;
		}
	}
}

/* What fn leaves behind if callee, outside the unit, left BH disabled. */
struct assumed {
	const struct mm_facts *f;
	const char *callee;
};

static int assumed_effect(const char *callee, void *ctx)
{
	const struct assumed *a = ctx;

	return !strcmp(callee, a->callee) ? 1 : effect_of(callee, (void *)a->f);
}

#define WRAPPER_EVENTS 16	/* a wrapper's size, at most */

/* The one function of another unit fn calls, if fn is a wrapper of it:
 * it takes no lock, changes no BH state itself and calls no other
 * function of another unit.  NULL if not. */
static const char *wrapped(const struct mm_facts *f, const struct mm_func *fn)
{
	const char *callee = NULL;
	int b, i;

	if (fn->nev > WRAPPER_EVENTS)
		return NULL;
	for (b = 0; b < fn->nb; b++)
		for (i = 0; i < fn->b[b].nev; i++) {
			const struct mm_event *ev = &fn->b[b].ev[i];
			struct mm_facts_fn key = { .id = ev->name };

			if (ev->kind == MM_EV_LOCK || ev->kind == MM_EV_UNLOCK ||
			    ev->kind == MM_EV_BH_DISABLE || ev->kind == MM_EV_BH_ENABLE)
				return NULL;
			if (ev->kind != MM_EV_CALL ||
			    (ev->name[0] != '*' && bsearch(&key, f->fns, f->nfns, sizeof(key), by_id)))
				continue;
			if (ev->name[0] == '*' || (callee && strcmp(callee, ev->name)))
				return NULL;
			callee = ev->name;
		}
	return callee;
}

/*
 * Leaves records: a function that returns with BH disabled on every path
 * (neigh_seq_start(): read_lock_bh() of its table), or a wrapper that
 * does if the one function of another unit it calls does (arp_seq_start()
 * returns what neigh_seq_start() returns).  The analysis reads them for
 * ops whose members the kernel calls one after another (seq_file's start,
 * then show): catalogue kind called_after.
 */
static void leaves_records(struct mm_facts *f, const struct mm_facts_fn *u)
{
	struct assumed a = { f, u->leaves ? NULL : wrapped(f, &u->fn) };
	int leaves;

	if (u->leaves == 1)
		record(f, "leaves", u->id, "-", (char *)NULL);
	else if (a.callee && !mm_bh_sites(&u->fn, assumed_effect, &a, NULL, NULL, &leaves) &&
		 leaves == 1)
		record(f, "leaves", u->id, a.callee, (char *)NULL);
}

/* The calls made with BH disabled last: an edge is written once, and one
 * call with BH enabled is enough for the callee to run so. */
static int function_records(struct mm_facts *f, const struct mm_facts_fn *u)
{
	size_t n = u->fn.nev ? u->fn.nev : 1;
	struct sites s = { f, u->id, malloc(n * sizeof(unsigned)), malloc(n * sizeof(unsigned)),
			   malloc(n * sizeof(*s.off)), 0 };
	int i, ret, leaves;

	if (!s.off || !s.zero || !s.nonzero)
		abort();
	mm_param_guards(&u->fn, s.zero, s.nonzero);
	ret = mm_bh_sites(&u->fn, effect_of, f, site, &s, &leaves);
	for (i = 0; i < s.noff && !ret; i++)
		mm_facts_call(f, u->id, s.off[i]->name, MM_BH_DISABLED, s.off[i],
			      s.zero[s.off[i]->seq], s.nonzero[s.off[i]->seq]);
	free(s.off);
	free(s.zero);
	free(s.nonzero);
	return ret;
}

/* v in decimal, into buf (12 bytes at least): snprintf() was most of the
 * cost of writing the IR. */
static const char *decimal(char *buf, int v)
{
	char tmp[12], *o = buf;
	unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;
	int n = 0;

	do
		tmp[n++] = '0' + u % 10;
	while ((u /= 10));
	if (v < 0)
		*o++ = '-';
	while (n)
		*o++ = tmp[--n];
	*o = '\0';
	return buf;
}

/* "3,-7,12": value ids, "-" for none. */
static const char *value_list(const int *v, int n, char *buf, size_t size)
{
	size_t len = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; i < n && len + 16 < size; i++)
		len += snprintf(buf + len, size - len, "%s%d", i ? "," : "", v[i]);
	return n ? buf : "-";
}

/* The key of a function's IR lines: a hash of its id and unit.  The
 * reader drops a line it has seen (a link repeats blobs), so no two lines
 * of the IR may be alike; the key keeps each function's apart, and short. */
static const char *ir_key(const struct mm_facts *f, const char *id, char *buf, size_t n)
{
	unsigned long long h = checksum(checksum(SUM_START, id, strlen(id) + 1), f->tu,
					strlen(f->tu));

	snprintf(buf, n, "%016llx", h);
	return buf;
}

/* Where an event is, for the IR: only where a finding or its note can
 * stand.  An assignment never does, and most events are assignments (a
 * place costs GCC a read of its line, for the display column). */
static const char *ir_where(const struct mm_facts *f, const struct mm_event *ev, char *buf,
			    size_t n)
{
	if (ev->kind == MM_EV_ASSIGN || ev->kind == MM_EV_COPY || ev->kind == MM_EV_ANON_TEST)
		return "-";
	return where(f, &ev->loc, buf, n);
}

/* A note text ("folio_remove_rmap_ptes() in zap_present_folio_ptes() in
 * ..."), written once per blob as an xstr record, named by its hash: the
 * helper chains repeat, and are most of an IR's bytes otherwise. */
static const char *ir_string(struct mm_facts *f, const char *s, char *buf, size_t n)
{
	unsigned long long h;

	if (!s)
		return "-";
	h = checksum(SUM_START, s, strlen(s));
	snprintf(buf, n, "%016llx", h);
	if (new_edge(f, h ^ 0x5354524e47ULL))	/* the edges' set, apart */
		record(f, "xstr", buf, s, (char *)NULL);
	return buf;
}

void mm_facts_ir(struct mm_facts *f, const char *id, const char *role, const struct mm_func *fn)
{
	char nums[8][16], at[4096 + 32], list[2048], key[24], in[24];
	int b, i;

	ir_key(f, id, key, sizeof(key));
	decimal(nums[0], fn->ret);
	decimal(nums[1], fn->nb);
	record(f, "xfn", key, id, role, fn->name, nums[0],
	       value_list(fn->param, fn->nparam, list, sizeof(list)), nums[1], (char *)NULL);
	for (b = 0; b < fn->nb; b++) {
		decimal(nums[0], b);
		for (i = 0; i < fn->b[b].nev; i++) {
			const struct mm_event *ev = &fn->b[b].ev[i];
			const char *in_hash = ir_string(f, ev->loc.in, in, sizeof(in));

			decimal(nums[1], i);
			decimal(nums[2], ev->obj);
			decimal(nums[3], ev->result);
			decimal(nums[4], ev->constant);
			record(f, "xev", key, nums[0], nums[1], mm_ev_name(ev->kind),
			       ev->kind == MM_EV_ASSIGN || ev->kind == MM_EV_COPY ? "-" : dash(ev->name),
			       nums[2], nums[3], nums[4], ir_where(f, ev, at, sizeof(at)), in_hash,
			       value_list(ev->nargs ? fn->argv + ev->args : NULL, ev->nargs, list,
					  sizeof(list)),
			       (char *)NULL);
		}
		for (i = 0; i < fn->b[b].nsucc; i++) {
			const struct mm_edge *e = &fn->b[b].succ[i];

			decimal(nums[1], i);
			decimal(nums[2], e->to);
			decimal(nums[3], e->cond);
			decimal(nums[4], e->value);
			decimal(nums[5], e->sign);
			record(f, "xedge", key, nums[0], nums[1], nums[2], nums[3], nums[4], nums[5],
			       (char *)NULL);
		}
	}
}

void mm_facts_addr(struct mm_facts *f, const char *fn)
{
	if (new_edge(f, edge_hash("&", fn)))
		record(f, "addr", fn, (char *)NULL);
}

void mm_facts_reg(struct mm_facts *f, const char *fn, const char *callback,
		  const char *registrar, const struct mm_loc *loc)
{
	char at[512];

	record(f, "reg", fn, callback, registrar, where(f, loc, at, sizeof(at)), (char *)NULL);
}

void mm_facts_work(struct mm_facts *f, const char *cls, const char *fn, const struct mm_loc *loc)
{
	char at[512];

	if (cls && fn)
		record(f, "work", cls, fn, where(f, loc, at, sizeof(at)), (char *)NULL);
}

void mm_facts_bhwork(struct mm_facts *f, const char *caller, const char *cls,
		     const struct mm_loc *loc)
{
	char at[512];

	if (cls)
		record(f, "bhwork", caller, cls, where(f, loc, at, sizeof(at)), (char *)NULL);
}

void mm_facts_wqwork(struct mm_facts *f, const char *caller, const char *wq, const char *cls,
		     const struct mm_loc *loc)
{
	char at[512];

	if (wq && cls)
		record(f, "wqwork", caller, wq, cls, where(f, loc, at, sizeof(at)), (char *)NULL);
}

void mm_facts_bhwq(struct mm_facts *f, const char *wq, const struct mm_loc *loc)
{
	char at[512];

	if (wq)
		record(f, "bhwq", wq, where(f, loc, at, sizeof(at)), (char *)NULL);
}

/* The member as the facts name it: STRUCT.MEMBER, or MEMBER alone when
 * the struct has no tag. */
static const char *member_name(const char *type, const char *member, char *buf, size_t n)
{
	snprintf(buf, n, "%s%s%s", type && *type ? type : "", type && *type ? "." : "", member);
	return buf;
}

void mm_facts_stored(struct mm_facts *f, const char *holder, const char *type,
		     const char *member, const char *fn, const struct mm_loc *loc)
{
	char at[512], name[512];

	if (!member || !*member) {
		mm_facts_addr(f, fn);	/* stored where no member says which */
		return;
	}
	record(f, "store", holder, fn, member_name(type, member, name, sizeof(name)),
	       where(f, loc, at, sizeof(at)), (char *)NULL);
}

void mm_facts_pass(struct mm_facts *f, const char *caller, const char *callback,
		   const char *callee, int arg)
{
	char n[16];

	/* one per caller: the analysis lets a call through the parameter
	 * reach the callback only from where it was passed */
	snprintf(n, sizeof(n), "%d", arg + 1);
	if (new_edge(f, (edge_hash(callee, callback) ^ edge_hash(caller, n) << 1) | 1))
		record(f, "pass", caller, callback, callee, n, (char *)NULL);
}

void mm_facts_lockarg(struct mm_facts *f, const char *caller, const char *callee, int arg,
		      const char *cls)
{
	char n[16], key[1100];

	snprintf(n, sizeof(n), "%d", arg);
	snprintf(key, sizeof(key), "lockarg\t%s\t%s\t%s", callee, n, cls);
	if (new_edge(f, edge_hash(caller, key)))
		record(f, "lockarg", caller, callee, n, cls, (char *)NULL);
}

/* The strings of pseudo-function ids live as long as the facts: the
 * events that name them are walked at the unit's end. */
static const char *own(struct mm_facts *f, const char *s)
{
	if (f->nowned == f->cap_owned) {
		f->cap_owned = f->cap_owned ? f->cap_owned * 2 : 32;
		f->owned = realloc(f->owned, f->cap_owned * sizeof(*f->owned));
		if (!f->owned)
			abort();
	}
	f->owned[f->nowned] = strdup(s);
	if (!f->owned[f->nowned])
		abort();
	return f->owned[f->nowned++];
}

const char *mm_facts_member_target(struct mm_facts *f, const char *type, const char *member)
{
	char name[512], id[520];

	snprintf(id, sizeof(id), "*%s", member_name(type, member, name, sizeof(name)));
	return own(f, id);
}

const char *mm_facts_param_target(struct mm_facts *f, const char *fn, int arg)
{
	char id[1024];

	snprintf(id, sizeof(id), "*%s#%d", fn, arg + 1);
	return own(f, id);
}

void mm_facts_ctx(struct mm_facts *f, const char *fn, const char *context, const char *why,
		  const struct mm_loc *loc)
{
	char at[512];

	record(f, "ctx", fn, context, why, where(f, loc, at, sizeof(at)), (char *)NULL);
}

void mm_facts_end(struct mm_facts *f, void (*incomplete)(void *cookie, void *ctx), void *ctx)
{
	char n[32], sum[32];
	int i;

	if (f->nfns)	/* qsort() of NULL is undefined, even of nothing */
		qsort(f->fns, f->nfns, sizeof(*f->fns), by_id);
	unit_effects(f);
	for (i = 0; i < f->nfns; i++) {
		if (function_records(f, &f->fns[i]) && !f->fns[i].warned && incomplete)
			incomplete(f->fns[i].cookie, ctx);
		leaves_records(f, &f->fns[i]);
	}
	snprintf(n, sizeof(n), "%d", f->nrec);
	snprintf(sum, sizeof(sum), "%016llx", checksum(SUM_START, f->buf, f->len));
	record(f, "end", n, sum, (char *)NULL);
}

/* DIR/<unit's base name>.<hash of tree and unit>.facts, renamed into place
 * so that a reader never sees half a file. */
int mm_facts_write_dir(const struct mm_facts *f, const char *dir, const char *tree,
		       const char *tu, char *err, size_t errlen)
{
	const char *base = strrchr(tu, '/') ? strrchr(tu, '/') + 1 : tu;
	unsigned long long h = 14695981039346656037ULL;
	char path[4096], tmp[4200];
	const char *s;
	FILE *out;

	for (s = tree; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	for (s = tu; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	snprintf(path, sizeof(path), "%s/%s.%08llx.facts", dir, base, h & 0xffffffffULL);
	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	out = fopen(tmp, "w");
	if (out && fwrite(f->buf, 1, f->len, out) == f->len && !fclose(out) && !rename(tmp, path))
		return 0;
	snprintf(err, errlen, "cannot write lock facts to %s", path);
	if (out)
		remove(tmp);
	return -1;
}

void mm_facts_free(struct mm_facts *f)
{
	int i;

	for (i = 0; i < f->nfns; i++)
		mm_func_free(&f->fns[i].fn);
	free(f->fns);
	free(f->buf);
	free(f->edges);
	for (i = 0; i < f->nowned; i++)
		free(f->owned[i]);
	free(f->owned);
	free(f->tu);
	memset(f, 0, sizeof(*f));
}

/* ---- reading ----------------------------------------------------------- */

static int split_tabs(char *line, char **field, int max)
{
	int n = 0;

	field[n++] = line;
	while ((line = strchr(line, '\t')) != NULL) {
		*line++ = '\0';
		if (n == max)
			return max + 1;
		field[n++] = line;
	}
	return n;
}

static int known(const char *type, int nf)
{
	size_t i;

	for (i = 0; i < sizeof(record_types) / sizeof(record_types[0]); i++)
		if (!strcmp(type, record_types[i].type))
			return record_types[i].nfields == nf - 1;
	return 0;
}

struct reader {
	const char *origin;
	char *err;
	size_t errlen;
	int lineno;
	int in_blob, nrec;
	unsigned long long sum;		/* of the blob's bytes so far */
	const char *unit;		/* the blob's, from its header */
	char *whole;			/* a line's fields with the unit put back */
	size_t cap;
};

/* The fields of a line with the unit put back where the writer left it
 * out (put_field()): copies in r->whole, which the callback reads. */
static void whole_fields(struct reader *r, struct mm_fact *fact)
{
	size_t need = 0, t = strlen(r->unit), n;
	char *o;
	int i;

	for (i = 1; i < fact->nf; i++)
		need += strlen(fact->f[i]) + t + 1;
	if (need > r->cap) {
		r->cap = 2 * need;
		r->whole = mm_xrealloc(r->whole, r->cap);
	}
	for (o = r->whole, i = 1; i < fact->nf; i++) {
		const char *s = fact->f[i];

		n = strlen(s);
		fact->f[i] = o;
		if (s[0] == ':' && s[1] >= '0' && s[1] <= '9')
			o += sprintf(o, "%s%s", r->unit, s);
		else if (n && s[n - 1] == '@')
			o += sprintf(o, "%s%s", s, r->unit);
		else
			o += sprintf(o, "%s", s);
		o++;
	}
}

static int fail(struct reader *r, const char *what)
{
	snprintf(r->err, r->errlen, "%s: facts line %d: %s", r->origin, r->lineno, what);
	return -1;
}

/* line: len bytes and the newline the caller turned into a NUL */
static int one_line(struct reader *r, char *line, size_t len, mm_fact_fn cb, void *ctx)
{
	unsigned long long before = r->in_blob ? r->sum : SUM_START;
	struct mm_fact fact;
	char sum[32];

	r->sum = checksum(checksum(before, line, len), "\n", 1);
	fact.nf = split_tabs(line, fact.f, MM_FACT_MAX_FIELDS);
	if (!r->in_blob) {
		if (strcmp(fact.f[0], MAGIC))
			return fail(r, "not mmcheck facts (foreign or corrupt section)");
		if (fact.nf != 4 || strcmp(fact.f[1], VERSION))
			return fail(r, "facts format version not supported (want " VERSION
				    "): rebuild the objects with this mmcheck");
		r->in_blob = 1;
		r->nrec = 0;
		r->unit = fact.f[3];
	} else if (!strcmp(fact.f[0], "end")) {
		snprintf(sum, sizeof(sum), "%016llx", before);
		if (fact.nf != 3 || strspn(fact.f[1], "0123456789") != strlen(fact.f[1]) ||
		    strlen(fact.f[1]) > 9 || atoi(fact.f[1]) != r->nrec)
			return fail(r, "record count does not match: facts truncated or corrupt");
		if (strcmp(fact.f[2], sum))
			return fail(r, "checksum does not match: facts corrupt");
		r->in_blob = 0;
	} else if (!known(fact.f[0], fact.nf)) {
		return fail(r, "unknown record or wrong number of fields");
	} else {
		r->nrec++;
		whole_fields(r, &fact);
	}
	return cb(&fact, ctx) ? fail(r, "rejected by the reader") : 0;
}

static int parse(struct reader *r, char *buf, size_t len, mm_fact_fn cb, void *ctx)
{
	size_t i = 0;

	while (i < len) {
		char *nl = memchr(buf + i, '\n', len - i);

		if (!buf[i]) {		/* padding between blobs */
			i++;
			continue;
		}
		r->lineno++;
		if (!nl)
			return fail(r, "last line not terminated: facts truncated");
		*nl = '\0';
		if (one_line(r, buf + i, nl - buf - i, cb, ctx))
			return -1;
		i = nl - buf + 1;
	}
	if (r->in_blob)
		return fail(r, "no end record: facts truncated");
	if (!r->lineno)
		return fail(r, "empty facts");
	return 0;
}

int mm_facts_parse(char *buf, size_t len, const char *origin, mm_fact_fn cb, void *ctx,
		   char *err, size_t errlen)
{
	struct reader r = { .origin = origin, .err = err, .errlen = errlen };
	int ret = parse(&r, buf, len, cb, ctx);

	free(r.whole);
	return ret;
}
