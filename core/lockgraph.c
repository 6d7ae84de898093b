// SPDX-License-Identifier: GPL-2.0
/*
 * lockgraph.c - the whole-tree lock analysis: a static lockdep for BH.
 *
 * Input: the lock facts of many translation units (facts.c).  A lock is
 * its class, as lockdep keys it ("struct mm_struct::context.lock", or a
 * global's name), so gmap->mm->context.lock and mm->context.lock are one.
 *
 * Softirq context: every callback a unit registers with call_rcu(), a
 * timer, tasklet or NAPI (catalogue kind softirq_register) or stores in a
 * member the kernel calls in softirq (softirq_field), every function
 * whose signature says it is one (a struct rcu_head * parameter, ...) if
 * its address is taken, and every function those reach through the call
 * graph (direct calls; calls through pointers only through a member that
 * one unit keeps to itself, add_target()).  A function is softirq-only
 * when all its known callers are; the others may run in process context.
 *
 * Per class, at each plain acquisition made with BH enabled in a function
 * that may run in process context and be entered with BH enabled (the
 * call records say in what BH state each call is made):
 *   mm-lock-softirq-unsafe (error) if the class is also taken in softirq
 *     context: lockdep's {SOFTIRQ-ON-W} -> {IN-SOFTIRQ-W}, a deadlock when
 *     the softirq interrupts the holder on the same CPU;
 *   mm-lock-bh-mixed (warning) if it is also taken with a _bh form in
 *     process context (the message is the Coccinelle rule's, so engines
 *     agree).  Both can hold: the first is the proof, the second the
 *     inconsistency a reviewer sees.
 * A trylock taken in softirq cannot deadlock (it fails instead of spinning)
 * and lockdep marks no IN-SOFTIRQ usage for it, so it does not count; a
 * mix whose only softirq users in the run trylock is not reported either.
 * Known limits: calls through pointers are resolved by member, not by
 * object (every fib6_walker's func is a target of every walk), and by
 * passer, not by call, for a parameter (mark_process()); they give
 * softirq context only through a member of one unit (enters_softirq());
 * values are told apart one call deep (specialize(): a constant argument
 * against its callee's branch on it), so a call the callback can never
 * make for deeper reasons still counts, unless the catalogue cuts it
 * (softirq_cut; process_cut for what a function hands down in process
 * context, mark_process(); each with its reason); what one member of an
 * ops object leaves for the next is seen only where the catalogue says
 * the kernel calls them in order (called_after: seq_file); a lock class
 * is a struct and member, split by socket family where lockdep keys one
 * per family, and by the code that handles objects lockdep re-keys
 * (lock_class_rekeyed, acq_rekeyed()).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mmcore.h"
#include "checks.h"

/* ---- interned strings and a name -> index map -------------------------- */

struct strmap {
	char **key;
	int *val;
	size_t n, cap;
};

static unsigned long hash_str(const char *s)
{
	unsigned long h = 5381;

	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h;
}

static size_t slot(const struct strmap *m, const char *s)
{
	size_t i = hash_str(s) & (m->cap - 1);

	while (m->key[i] && strcmp(m->key[i], s))
		i = (i + 1) & (m->cap - 1);
	return i;
}

static void grow_map(struct strmap *m)
{
	struct strmap old = *m;
	size_t i, j;

	m->cap = old.cap ? old.cap * 2 : 1024;
	m->key = calloc(m->cap, sizeof(*m->key));
	m->val = mm_xrealloc(NULL, m->cap * sizeof(*m->val));
	if (!m->key)
		abort();
	for (i = 0; i < old.cap; i++)
		if (old.key[i]) {
			j = slot(m, old.key[i]);
			m->key[j] = old.key[i];
			m->val[j] = old.val[i];
		}
	free(old.key);
	free(old.val);
}

/* The value of s, adding it with value next if new; *key: the kept copy. */
static int lookup(struct strmap *m, const char *s, int next, const char **key)
{
	size_t i;

	if ((m->n + 1) * 2 > m->cap)
		grow_map(m);
	i = slot(m, s);
	if (!m->key[i]) {
		m->key[i] = strdup(s);
		m->val[i] = next;
		m->n++;
	}
	if (key)
		*key = m->key[i];
	return m->val[i];
}

static void free_map(struct strmap *m)
{
	size_t i;

	for (i = 0; i < m->cap; i++)
		free(m->key[i]);
	free(m->key);
	free(m->val);
}

/* ---- the graph ----------------------------------------------------------- */

struct lg_edge {
	int to;
	int bh_on;		/* the call is made with BH enabled on some path */
	int via;		/* through a parameter: the function that passed
				 * the callee, or -1 (mark_process()) */
	unsigned args_zero, args_nonzero;	/* its constant arguments (bit N:
						 * argument N), specialize() */
	unsigned guard_zero, guard_nonzero;	/* the caller's parameters that
						 * are 0 / nonzero wherever it is made */
};

struct lg_fn {
	const char *name;
	struct lg_edge *callees;
	int ncallees, ncallers;
	int softirq;		/* reachable from a softirq callback */
	int hardirq;		/* reachable from a hardirq handler */
	int process;		/* may run in process context */
	int process_bh_on;	/* ... and with BH enabled when it is entered */
	int parent;		/* the caller that made it softirq, -1 for a callback */
	int bh_parent;		/* the caller that made it process_bh_on, -1 for a root */
	int cut;		/* catalogue softirq_cut: the softirq walk stops here */
	int addr_taken;		/* its address is taken, stored or passed */
	int escapes;		/* ... where no call through a pointer says who
				 * calls it (addr record): it may be called from
				 * anywhere */
	int reg;		/* for a callback: its registration, else -1 */
	int bh_off_entry;	/* catalogue: its callers keep BH disabled */
	unsigned families;	/* softirq: the socket families of the callbacks
				 * that reach it, by where they are registered
				 * (ANY_FAMILY: code of no one family) */
	int copy_of;		/* lock_copy(): 1 + the function it copies, else 0 */
	const char **locks;	/* lock_copy(): the class of each lock parameter
				 * ("#N" acquisitions), [N], NULL if unknown */
	const char *unit;	/* a member's pseudo-function: the last unit that
				 * stored in it or called through it */
	int units;		/* ... how many units: 0, 1, or 2 for more */
	int cut_entry;		/* the from= of a catalogue process_cut row */
	int handed_on[2];	/* a parameter's pseudo-function reached from
				 * another (stored, passed on): what its passers
				 * passed may be called later, from anywhere;
				 * [bh_on] as in mark_process() */
};

struct lg_acq {
	const char *cls, *callee;
	const char *family;	/* a lock_class_per_family class: the socket family
				 * of the code that takes it, NULL if any */
	const struct mm_cat_entry *rekeyed;	/* taken in a lock_class_rekeyed
						 * row's code: that row */
	int fn;
	enum mm_flavour flavour;
	int trylock;
	int bh_on;
	struct mm_loc loc;
	unsigned guard_zero, guard_nonzero;	/* as lg_edge's */
};

/* A registration (call_rcu(..., cb)), or a function that is a callback by
 * its own signature (ctx record): then fn == callback and registrar says why. */
struct lg_reg {
	int fn, callback;
	const char *registrar;
	struct mm_loc loc;
	int hardirq;
	int listed;		/* catalogue softirq_entry: no address needed */
	int passed;		/* a pass record: no place of its own either */
};

/* A store of a function in a member: the edge from the member's
 * pseudo-function to it, for called_after rows. */
struct lg_store {
	const char *holder, *member;
	int fn, pseudo, edge;
};

/* A lockarg record: caller hands callee a lock of class cls (a class or
 * "#M", its own parameter M) as argument n. */
struct lg_lockarg {
	int caller, callee, n;
	const char *cls;
};

/* A work record (fn is the function of work items of class cls), a
 * bhwork record (fn queues them on a BH workqueue, at loc) or a wqwork
 * record (fn queues them on the workqueue wq, at loc). */
struct lg_work {
	const char *cls;
	int fn;
	const char *loc;
	const char *wq;
};

/* A leaves record: fn returns with BH disabled, if via (-1: always) does. */
struct lg_leaves {
	int fn, via;
};

struct mm_lockgraph {
	const struct mm_catalogue *cat;
	struct mm_cross *cross;	/* the path checks with other units' helpers */
	struct strmap names;	/* functions */
	struct strmap strings;	/* everything else kept */
	struct strmap seen;	/* records already added (a link copies them) */
	struct strmap cuts;	/* softirq_cut names, static or not */
	struct strmap cut_entries;	/* the from= names of process_cut rows */
	struct strmap members;	/* softirq_field rows: registrars that are members */
	struct strmap bh_off_members;	/* bh_off_field rows */
	struct strmap entries;	/* softirq_entry and bh_off_entry names: ENTRY_* */
	struct strmap registrars;	/* softirq_register names: the callback's argument */
	struct strmap per_site;	/* lock_class_per_site: "struct NAME::" prefixes */
	struct strmap per_family;	/* lock_class_per_family: "struct NAME::MEMBER" */
	const struct mm_cat_entry **family_dirs;	/* socket_family_path rows */
	int nfamily_dirs;
	const struct mm_cat_entry **rekey_rows;	/* lock_class_rekeyed rows */
	int nrekey_rows;
	const struct mm_cat_entry **pcut_rows;	/* process_cut rows */
	int npcut_rows;
	const struct mm_cat_entry **after_rows;	/* called_after rows */
	int nafter_rows;
	struct lg_store *stores;
	int nstores;
	struct lg_leaves *leaves;
	int nleaves;
	struct lg_lockarg *lockargs;
	int nlockargs;
	struct lg_work *works, *bhworks, *wqworks;
	int nworks, nbhworks, nwqworks;
	struct strmap bhwqs;	/* bhwq records: workqueues made with WQ_BH */
	int full_chains;	/* notes show every call of a chain */
	struct lg_fn *fn;
	int nfn;
	struct lg_acq *acq;
	int nacq;
	struct lg_reg *reg;
	int nreg;
	const char *tree, *tree_origin, *other_tree;
	const char *origin;
	const char *unit;	/* the unit whose facts are being added */
	int nunits;
};

static int contains(const struct strmap *m, const char *s)
{
	return m->cap && m->key[slot(m, s)] != NULL;
}

/* A cut names a function; a static one's id is name@unit. */
/* A function's name without the @UNIT of a static one's id. */
static const char *short_name(const char *fn, char *buf, size_t n)
{
	const char *at = strchr(fn, '@');

	snprintf(buf, n, "%.*s", at ? (int)(at - fn) : (int)strlen(fn), fn);
	return buf;
}

static int is_cut(struct mm_lockgraph *g, const char *id)
{
	char name[256];

	return contains(&g->cuts, short_name(id, name, sizeof(name)));
}

static int fn_id(struct mm_lockgraph *g, const char *name)
{
	char buf[256];
	int id = lookup(&g->names, name, g->nfn, NULL);

	if (id == g->nfn) {
		g->fn = mm_xrealloc(g->fn, (g->nfn + 1) * sizeof(*g->fn));
		memset(&g->fn[g->nfn], 0, sizeof(g->fn[0]));
		lookup(&g->names, name, 0, &g->fn[g->nfn].name);
		g->fn[g->nfn].parent = g->fn[g->nfn].reg = g->fn[g->nfn].bh_parent = -1;
		g->fn[g->nfn].cut = is_cut(g, name);
		g->fn[g->nfn].cut_entry = contains(&g->cut_entries,
						   short_name(name, buf, sizeof(buf)));
		g->nfn++;
	}
	return id;
}

enum { ENTRY_SOFTIRQ = 1, ENTRY_BH_OFF };

/* A catalogue row naming a struct (wait_queue_head, sock::sk_callback_lock)
 * as the facts spell its classes: "struct NAME". */
static void add_struct_row(struct strmap *m, const char *name)
{
	char key[256];

	snprintf(key, sizeof(key), "struct %s", name);
	lookup(m, key, 1, NULL);
}

/*
 * A lock reached through a pointer to a type whose locks lockdep keys by
 * where each is initialised (init_waitqueue_head() declares a key at each
 * use): "struct wait_queue_head::lock" may be any of those classes, so it
 * is no class at all here.  Embedded in a struct ("struct nl_sock::
 * wait.lock") it is as specific as the analysis gets, and stays.
 */
static int per_site_class(struct mm_lockgraph *g, const char *cls)
{
	const char *sep = strstr(cls, "::");
	char type[256];

	if (!sep || !g->per_site.n)
		return 0;
	snprintf(type, sizeof(type), "%.*s", (int)(sep - cls), cls);
	return contains(&g->per_site, type);
}

/*
 * Lockdep keys a socket's queue and callback locks per address family
 * (sk_init_common()), so AF_UNIX's sk_receive_queue.lock and AF_PACKET's
 * are two classes.  The family of an acquisition is that of the code that
 * takes it, when that code only handles one family's sockets (catalogue
 * socket_family_path: net/unix/); elsewhere it is NULL, any family's.
 */
/* Is file under dir (a catalogue path: "net/unix/", a file's path), from
 * the tree's root or below any directory of file's own path? */
static int under_path(const char *file, const char *dir)
{
	const char *at = strstr(file, dir);

	return at && (at == file || at[-1] == '/');
}

static const char *file_family(struct mm_lockgraph *g, const char *file)
{
	int i;

	for (i = 0; i < g->nfamily_dirs; i++)
		if (under_path(file, g->family_dirs[i]->name))
			return g->family_dirs[i]->family;
	return NULL;
}

static const char *acq_family(struct mm_lockgraph *g, const char *cls, const char *file)
{
	if (!g->nfamily_dirs || !contains(&g->per_family, cls))
		return NULL;
	return file_family(g, file);
}

/*
 * Lockdep re-keys some objects' locks where it creates them
 * (posix_cpu_timer_create(): lockdep_set_class(&new_timer->it_lock,
 * &posix_cpu_timers_key)), which a build without CONFIG_LOCKDEP compiles
 * to nothing.  A lock_class_rekeyed row names the class and the code that
 * handles only such objects (path=); the kernel says that no interrupt
 * context takes their lock ("all other operations on timer::it_lock
 * happen in task context"), so an acquisition there meets no softirq
 * acquisition of other code.  The row it is taken under, or NULL.
 */
static const struct mm_cat_entry *acq_rekeyed(struct mm_lockgraph *g, const char *cls,
					      const char *file)
{
	int i;

	for (i = 0; i < g->nrekey_rows; i++)
		if (!strncmp(cls, "struct ", 7) && !strcmp(cls + 7, g->rekey_rows[i]->name) &&
		    under_path(file, g->rekey_rows[i]->path))
			return g->rekey_rows[i];
	return NULL;
}

/* A family as a bit of lg_fn.families: the first row that names it. */
#define ANY_FAMILY (1u << 31)

static unsigned family_bit(struct mm_lockgraph *g, const char *family)
{
	int i;

	for (i = 0; family && i < g->nfamily_dirs && i < 31; i++)
		if (!strcmp(g->family_dirs[i]->family, family))
			return 1u << i;
	return ANY_FAMILY;
}

/* Can a and b be one lockdep class: one class, and no two families? */
static int same_class(const struct lg_acq *a, const struct lg_acq *b)
{
	return a->cls == b->cls &&
	       (!a->family || !b->family || !strcmp(a->family, b->family));
}

struct mm_lockgraph *mm_lg_new(const struct mm_catalogue *cat)
{
	struct mm_lockgraph *g = calloc(1, sizeof(*g));
	int i;

	if (!g)
		abort();
	g->cat = cat;
	g->cross = mm_cross_new();
	for (i = 0; cat && i < cat->n; i++)
		if (!strcmp(cat->e[i].kind, "softirq_cut"))
			lookup(&g->cuts, cat->e[i].name, 1, NULL);
		else if (!strcmp(cat->e[i].kind, "lock_class_rekeyed") && cat->e[i].path) {
			g->rekey_rows = mm_xrealloc(g->rekey_rows,
						 (g->nrekey_rows + 1) * sizeof(*g->rekey_rows));
			g->rekey_rows[g->nrekey_rows++] = &cat->e[i];
		} else if (!strcmp(cat->e[i].kind, "process_cut") && cat->e[i].from) {
			lookup(&g->cut_entries, cat->e[i].from, 1, NULL);
			g->pcut_rows = mm_xrealloc(g->pcut_rows,
						(g->npcut_rows + 1) * sizeof(*g->pcut_rows));
			g->pcut_rows[g->npcut_rows++] = &cat->e[i];
		} else if (!strcmp(cat->e[i].kind, "softirq_field"))
			lookup(&g->members, cat->e[i].name, 1, NULL);
		else if (!strcmp(cat->e[i].kind, "bh_off_field"))
			lookup(&g->bh_off_members, cat->e[i].name, 1, NULL);
		else if (!strcmp(cat->e[i].kind, "softirq_entry"))
			lookup(&g->entries, cat->e[i].name, ENTRY_SOFTIRQ, NULL);
		else if (!strcmp(cat->e[i].kind, "bh_off_entry"))
			lookup(&g->entries, cat->e[i].name, ENTRY_BH_OFF, NULL);
		else if (!strcmp(cat->e[i].kind, "softirq_register") && cat->e[i].arg)
			lookup(&g->registrars, cat->e[i].name, cat->e[i].arg, NULL);
		else if (!strcmp(cat->e[i].kind, "lock_class_per_site"))
			add_struct_row(&g->per_site, cat->e[i].name);
		else if (!strcmp(cat->e[i].kind, "lock_class_per_family"))
			add_struct_row(&g->per_family, cat->e[i].name);
		else if (!strcmp(cat->e[i].kind, "socket_family_path") && cat->e[i].family) {
			g->family_dirs = mm_xrealloc(g->family_dirs,
						  (g->nfamily_dirs + 1) * sizeof(*g->family_dirs));
			g->family_dirs[g->nfamily_dirs++] = &cat->e[i];
		} else if (!strcmp(cat->e[i].kind, "called_after") && cat->e[i].member) {
			g->after_rows = mm_xrealloc(g->after_rows,
						 (g->nafter_rows + 1) * sizeof(*g->after_rows));
			g->after_rows[g->nafter_rows++] = &cat->e[i];
		}
	return g;
}

static const char *keep(struct mm_lockgraph *g, const char *s)
{
	const char *k;

	lookup(&g->strings, s, 0, &k);
	return k;
}

/* "file:line:col", the file possibly holding ':' itself. */
static struct mm_loc parse_loc(struct mm_lockgraph *g, const char *s)
{
	struct mm_loc loc = { NULL, 0, 0, 0, NULL };
	char *copy = strdup(s), *col = strrchr(copy, ':'), *line;

	if (col) {
		*col = '\0';
		line = strrchr(copy, ':');
		if (line) {
			*line = '\0';
			loc.line = atoi(line + 1);
			loc.col = atoi(col + 1);
		}
	}
	loc.file = keep(g, copy);
	free(copy);
	return loc;
}

/* A member's pseudo-function ("*walker.func", not a parameter's "*FN#N")
 * used by the unit being added: by a store in the member or a call
 * through it.  Its unit, while one unit is all that uses it. */
static void member_used(struct mm_lockgraph *g, int pseudo)
{
	struct lg_fn *p = &g->fn[pseudo];

	if (strchr(p->name, '#') || p->units > 1)
		return;
	if (!p->units || p->unit != g->unit)
		p->units++;
	p->unit = g->unit;
}

/* Does a softirq walk go through this callee?  Through a pointer only
 * when it is a member that a single unit both stores in and calls
 * through: the unit's own dispatch (node_gc()'s walker), where resolving
 * by member cannot join subsystems (add_target()). */
static int enters_softirq(const struct lg_fn *c)
{
	return c->name[0] != '*' || c->units == 1;
}

/* A new edge of caller, made with BH as bh says; the caller fills in
 * what else it knows. */
static struct lg_edge *add_call(struct mm_lockgraph *g, const char *caller, const char *callee,
				const char *bh)
{
	int from = fn_id(g, caller), to = fn_id(g, callee);
	struct lg_fn *f = &g->fn[from];
	struct lg_edge *e;

	f->callees = mm_xrealloc(f->callees, (f->ncallees + 1) * sizeof(*f->callees));
	e = &f->callees[f->ncallees++];
	memset(e, 0, sizeof(*e));
	e->to = to;
	e->via = -1;
	e->bh_on = !strcmp(bh, "bh-on");
	g->fn[to].ncallers++;
	return e;
}

/* A call record, with its constant arguments and its guard.
 * Nonzero if they cannot be read. */
static int add_call_record(struct mm_lockgraph *g, const struct mm_fact *fact)
{
	struct lg_edge *e = add_call(g, fact->f[1], fact->f[2], fact->f[3]);

	if (fact->f[2][0] == '*')
		member_used(g, e->to);

	return fact->nf > 4 &&
	       (mm_facts_parse_values(fact->f[4], &e->args_zero, &e->args_nonzero) ||
		mm_facts_parse_values(fact->f[5], &e->guard_zero, &e->guard_nonzero));
}

static int add_acq(struct mm_lockgraph *g, const struct mm_fact *fact)
{
	char *const *f = fact->f;
	struct lg_acq *a;

	g->acq = mm_xrealloc(g->acq, (g->nacq + 1) * sizeof(*g->acq));
	a = &g->acq[g->nacq++];
	a->guard_zero = a->guard_nonzero = 0;
	if (fact->nf > 7 && mm_facts_parse_values(f[7], &a->guard_zero, &a->guard_nonzero))
		return 1;
	a->fn = fn_id(g, f[1]);
	a->cls = keep(g, f[2]);
	a->flavour = !strncmp(f[3], "bh", 2) ? MM_BH : !strncmp(f[3], "irq", 3) ? MM_IRQ : MM_PLAIN;
	a->trylock = strstr(f[3], "+try") != NULL;
	a->bh_on = !strcmp(f[4], "bh-on");
	a->loc = parse_loc(g, f[5]);
	a->callee = keep(g, f[6]);
	a->family = acq_family(g, a->cls, a->loc.file);
	a->rekeyed = acq_rekeyed(g, a->cls, a->loc.file);
	return 0;
}

static void add_reg(struct mm_lockgraph *g, const char *fn, const char *callback,
		    const char *registrar, const char *loc, int hardirq)
{
	struct lg_reg *r;

	g->reg = mm_xrealloc(g->reg, (g->nreg + 1) * sizeof(*g->reg));
	r = &g->reg[g->nreg++];
	r->fn = fn_id(g, fn);
	r->callback = fn_id(g, callback);
	r->registrar = keep(g, registrar);
	r->loc = parse_loc(g, loc);
	r->hardirq = hardirq;
	r->listed = 0;
	r->passed = 0;
}

/* A record seen before (the same unit twice, or a linked object that
 * holds copies of its parts' sections) adds nothing. */
static int duplicate(struct mm_lockgraph *g, const struct mm_fact *fact)
{
	char key[2048];
	size_t n = 0, before = g->seen.n;
	int i;

	for (i = 0; i < fact->nf && n < sizeof(key) - 1; i++)
		n += snprintf(key + n, sizeof(key) - n, "%s\t", fact->f[i]);
	lookup(&g->seen, key, 0, NULL);
	return g->seen.n == before;
}

static void mark_addr_taken(struct mm_lockgraph *g, const char *fn, int escapes)
{
	int id = fn_id(g, fn);	/* first: it may move g->fn */

	g->fn[id].addr_taken = 1;
	g->fn[id].escapes |= escapes;
}

/* The row of a table of members (softirq_field, bh_off_field) that a
 * member ("STRUCT.MEMBER" or "MEMBER") matches: itself, or its member
 * alone (sk_data_ready of any struct), or NULL. */
static const char *member_row(const struct strmap *rows, const char *member)
{
	const char *dot = strrchr(member, '.');

	if (contains(rows, member))
		return member;
	return dot && contains(rows, dot + 1) ? dot + 1 : NULL;
}

static const char *softirq_member(struct mm_lockgraph *g, const char *member)
{
	return member_row(&g->members, member);
}

/*
 * A function stored in a member (store) or passed as an argument (pass)
 * is a callee of the pseudo-function "*STRUCT.MEMBER" or "*FN#N", which
 * every call through that member or parameter calls.  A field-based call
 * graph: all functions ever stored in a member are the targets of every
 * call through it.  No call through it in the facts: its targets may be
 * called from anywhere, as a function whose address escapes may
 * (uncalled_targets()).
 *
 * These edges say in what state a callback is entered, and that it runs
 * in softirq only for a member one unit keeps to itself (mark_interrupt()
 * follows no others, enters_softirq()): resolved by member,
 * calls through pointers join unrelated subsystems (perf's hrtimer ->
 * pmu.del -> trace_event_class.reg -> ... -> vm_operations_struct.close
 * -> address_space_operations.writepages reaches every filesystem), and
 * 6.12's net/ fs/ reported 1273 more false alarms so.  Entry into process
 * context follows them all, which can only drop roots: every target was a
 * root (its address escaped) without them.
 */
static int add_target(struct mm_lockgraph *g, const char *pseudo, const char *fn,
		      const char *via)
{
	char id[1040];
	int v = via ? fn_id(g, via) : -1;

	snprintf(id, sizeof(id), "*%s", pseudo);
	add_call(g, id, fn, "bh-on")->via = v;
	mark_addr_taken(g, fn, 0);
	return fn_id(g, id);
}

/* A softirq_field member is the kernel's to call, in softirq: its targets
 * are softirq callbacks, and calls through it no edges (sk_data_ready is
 * called by every protocol, each for its own sockets). */
static void add_store(struct mm_lockgraph *g, char *const *f)
{
	const char *row = softirq_member(g, f[3]);
	struct lg_store *s;
	int pseudo;

	if (!row) {
		pseudo = add_target(g, f[3], f[2], NULL);
		g->stores = mm_xrealloc(g->stores, (g->nstores + 1) * sizeof(*g->stores));
		s = &g->stores[g->nstores++];
		s->holder = keep(g, f[1]);
		s->member = keep(g, f[3]);
		s->fn = fn_id(g, f[2]);
		s->pseudo = pseudo;
		s->edge = g->fn[pseudo].ncallees - 1;
		member_used(g, pseudo);
		return;
	}
	add_reg(g, f[1], f[2], row, f[4], 0);
	mark_addr_taken(g, f[2], 0);
}

/*
 * A pass record names a function of the tree as the callee, or an API the
 * catalogue did not list when the unit was compiled (compiled with the
 * row, the call is a reg record).  A softirq_register row added since is
 * read here, so that it needs no new build: crypto completions.
 */
static void add_pass(struct mm_lockgraph *g, char *const *f)
{
	char pseudo[1024], name[256];

	short_name(f[3], name, sizeof(name));
	if (contains(&g->registrars, name) &&
	    lookup(&g->registrars, name, 0, NULL) == atoi(f[4])) {
		add_reg(g, f[1], f[2], keep(g, name), "-:0:0", 0);
		g->reg[g->nreg - 1].passed = 1;
		mark_addr_taken(g, f[2], 0);
		return;
	}
	snprintf(pseudo, sizeof(pseudo), "%s#%s", f[3], f[4]);
	add_target(g, pseudo, f[2], f[1]);
}

static void add_leaves(struct mm_lockgraph *g, char *const *f)
{
	int fn = fn_id(g, f[1]), via = strcmp(f[2], "-") ? fn_id(g, f[2]) : -1;

	g->leaves = mm_xrealloc(g->leaves, (g->nleaves + 1) * sizeof(*g->leaves));
	g->leaves[g->nleaves].fn = fn;
	g->leaves[g->nleaves++].via = via;
}

static void add_lockarg(struct mm_lockgraph *g, char *const *f)
{
	int n = atoi(f[3]);
	struct lg_lockarg *l;

	if (n < 1 || n > MM_MAX_PARAMS || per_site_class(g, f[4]))
		return;
	g->lockargs = mm_xrealloc(g->lockargs, (g->nlockargs + 1) * sizeof(*g->lockargs));
	l = &g->lockargs[g->nlockargs++];
	l->caller = fn_id(g, f[1]);
	l->callee = fn_id(g, f[2]);
	l->n = n;
	l->cls = keep(g, f[4]);
}

static void add_work(struct mm_lockgraph *g, struct lg_work **list, int *n, const char *cls,
		     const char *fn, const char *loc)
{
	*list = mm_xrealloc(*list, (*n + 1) * sizeof(**list));
	(*list)[*n].cls = keep(g, cls);
	(*list)[*n].fn = fn_id(g, fn);
	(*list)[*n].loc = keep(g, loc);
	(*list)[*n].wq = NULL;
	(*n)++;
}

/* Work items queued on a BH workqueue run in softirq: each function of
 * their class is a softirq callback, registered where they are queued.
 * A workqueue of the code's own is one when some unit stores what
 * alloc_workqueue(..., WQ_BH, ...) returns in it. */
static void bh_work(struct mm_lockgraph *g)
{
	int i, j;

	for (i = 0; i < g->nwqworks; i++)
		if (contains(&g->bhwqs, g->wqworks[i].wq))
			add_work(g, &g->bhworks, &g->nbhworks, g->wqworks[i].cls,
				 g->fn[g->wqworks[i].fn].name, g->wqworks[i].loc);

	for (i = 0; i < g->nbhworks; i++)
		for (j = 0; j < g->nworks; j++)
			if (g->works[j].cls == g->bhworks[i].cls)
				add_reg(g, g->fn[g->bhworks[i].fn].name, g->fn[g->works[j].fn].name,
					"queue_work", g->bhworks[i].loc, 0);
}

static int add_fact(const struct mm_fact *fact, void *ctx)
{
	struct mm_lockgraph *g = ctx;
	int r;

	if (!strcmp(fact->f[0], "mmcheck-facts")) {
		if (!g->tree) {
			g->tree = keep(g, fact->f[2]);
			g->tree_origin = keep(g, g->origin);
		} else if (strcmp(g->tree, fact->f[2])) {
			g->other_tree = keep(g, fact->f[2]);
			return 1;
		}
		g->unit = keep(g, fact->f[3]);
		g->nunits++;
		return 0;
	}
	if (!strcmp(fact->f[0], "end") || duplicate(g, fact))
		return 0;
	if (fact->f[0][0] == 'x' && (r = mm_cross_fact(g->cross, fact)) <= 0)
		return r;
	if (!strcmp(fact->f[0], "call"))
		return add_call_record(g, fact);
	else if (!strcmp(fact->f[0], "acq") && strcmp(fact->f[2], "-") &&
		 !per_site_class(g, fact->f[2]))
		return add_acq(g, fact);
	else if (!strcmp(fact->f[0], "reg"))
		add_reg(g, fact->f[1], fact->f[2], fact->f[3], fact->f[4], 0);
	else if (!strcmp(fact->f[0], "ctx"))
		add_reg(g, fact->f[1], fact->f[1], fact->f[3], fact->f[4],
			!strcmp(fact->f[2], "hardirq"));
	else if (!strcmp(fact->f[0], "addr"))
		mark_addr_taken(g, fact->f[1], 1);
	else if (!strcmp(fact->f[0], "store"))
		add_store(g, fact->f);
	else if (!strcmp(fact->f[0], "pass"))
		add_pass(g, fact->f);
	else if (!strcmp(fact->f[0], "leaves"))
		add_leaves(g, fact->f);
	else if (!strcmp(fact->f[0], "lockarg"))
		add_lockarg(g, fact->f);
	else if (!strcmp(fact->f[0], "work"))
		add_work(g, &g->works, &g->nworks, fact->f[1], fact->f[2], fact->f[3]);
	else if (!strcmp(fact->f[0], "bhwork"))
		add_work(g, &g->bhworks, &g->nbhworks, fact->f[2], fact->f[1], fact->f[3]);
	else if (!strcmp(fact->f[0], "wqwork")) {
		add_work(g, &g->wqworks, &g->nwqworks, fact->f[3], fact->f[1], fact->f[4]);
		g->wqworks[g->nwqworks - 1].wq = keep(g, fact->f[2]);
	} else if (!strcmp(fact->f[0], "bhwq"))
		lookup(&g->bhwqs, fact->f[1], 1, NULL);
	return 0;
}

int mm_lg_add(struct mm_lockgraph *g, char *buf, size_t len, const char *origin,
	      char *err, size_t errlen)
{
	g->origin = origin;
	g->other_tree = NULL;
	if (!mm_facts_parse(buf, len, origin, add_fact, g, err, errlen))
		return 0;
	if (g->other_tree)
		snprintf(err, errlen, "%s: facts of the build in %s, but %s is of the build in %s: "
			 "two trees mixed", origin, g->other_tree, g->tree_origin, g->tree);
	return -1;
}

void mm_lg_full_chains(struct mm_lockgraph *g, int on)
{
	g->full_chains = on;
}

int mm_lg_units(const struct mm_lockgraph *g)
{
	return g->nunits;
}

/* ---- locks chosen by the caller (lockarg) ----------------------------- */

static int is_param_class(const char *cls)
{
	return cls[0] == '#';
}

/* The class a lockarg names as seen from a copy of its caller: "#M" is
 * what the caller was given as its parameter M, if known. */
static const char *lockarg_class(const struct mm_lockgraph *g, int caller, const char *cls)
{
	int m = atoi(cls + 1);

	if (!is_param_class(cls))
		return cls;
	return g->fn[caller].locks && m >= 1 && m <= MM_MAX_PARAMS ? g->fn[caller].locks[m] : NULL;
}

/* The function a copy copies, or itself. */
static int original(const struct mm_lockgraph *g, int fn)
{
	return g->fn[fn].copy_of ? g->fn[fn].copy_of - 1 : fn;
}

/*
 * The copy of fn whose lock parameter n is of class cls, the others as in
 * from (a copy's locks, or NULL): its "#n" acquisitions take cls.  Named
 * fn's id, '@' and the classes, so that notes and cuts see fn's own name.
 * It keeps fn's calls (a lock it hands on is resolved when the copy's own
 * edges are), and fn keeps its count of callers (specialize()).
 */
static int lock_copy(struct mm_lockgraph *g, int fn, const char **from, int n, const char *cls)
{
	char name[2048];
	size_t len;
	int v, i, k, nacq = g->nacq;

	len = snprintf(name, sizeof(name), "%s@", g->fn[fn].name);
	for (k = 1; k <= MM_MAX_PARAMS && len < sizeof(name); k++) {
		const char *c = k == n ? cls : from ? from[k] : NULL;

		if (c)
			len += snprintf(name + len, sizeof(name) - len, "#%d=%s;", k, c);
	}
	if (contains(&g->names, name))
		return fn_id(g, name);
	v = fn_id(g, name);
	g->fn[v].copy_of = fn + 1;
	g->fn[v].bh_off_entry = g->fn[fn].bh_off_entry;
	g->fn[v].locks = mm_xrealloc(NULL, (MM_MAX_PARAMS + 1) * sizeof(char *));
	for (k = 0; k <= MM_MAX_PARAMS; k++)
		g->fn[v].locks[k] = k == n ? cls : from ? from[k] : NULL;
	g->fn[v].callees = mm_xrealloc(NULL, (g->fn[fn].ncallees + 1) * sizeof(struct lg_edge));
	for (i = 0; i < g->fn[fn].ncallees; i++) {
		g->fn[v].callees[g->fn[v].ncallees++] = g->fn[fn].callees[i];
		g->fn[g->fn[fn].callees[i].to].ncallers++;
	}
	for (i = 0; i < nacq; i++) {
		const char *c = g->acq[i].cls;

		if (g->acq[i].fn != fn || !is_param_class(c) || !lockarg_class(g, v, c))
			continue;
		g->acq = mm_xrealloc(g->acq, (g->nacq + 1) * sizeof(*g->acq));
		g->acq[g->nacq] = g->acq[i];
		g->acq[g->nacq].fn = v;
		g->acq[g->nacq].cls = lockarg_class(g, v, c);
		g->acq[g->nacq].family = acq_family(g, g->acq[g->nacq].cls, g->acq[g->nacq].loc.file);
		g->acq[g->nacq].rekeyed = acq_rekeyed(g, g->acq[g->nacq].cls,
						      g->acq[g->nacq].loc.file);
		g->nacq++;
	}
	return v;
}

/* An edge like e from fn to to, the last of fn's. */
static struct lg_edge *clone_edge(struct mm_lockgraph *g, int fn, const struct lg_edge *e, int to)
{
	struct lg_edge copy = *e;
	struct lg_edge *c;

	g->fn[fn].callees = mm_xrealloc(g->fn[fn].callees,
					(g->fn[fn].ncallees + 1) * sizeof(*g->fn[fn].callees));
	c = &g->fn[fn].callees[g->fn[fn].ncallees++];
	*c = copy;
	c->to = to;
	g->fn[to].ncallers++;
	return c;
}

/*
 * A helper that locks what its caller passes (lock_it(&mm->context.lock)
 * -> spin_lock(l), acquisition class "#1") takes, called from each caller,
 * that caller's class: each call goes to a copy of the helper with the
 * class (lockarg records).  A copy knows one lock parameter: a caller
 * that passes two classes for one parameter, or two lock parameters,
 * calls one copy for each.  A copy's own calls that hand the lock on
 * ("#M" in their lockarg records) are resolved in turn, so a chain of
 * helpers follows, up to 4096 copies in all.  The acquisitions of "#N"
 * themselves are then dropped: they are no lockdep class.
 */
static void resolve_lock_params(struct mm_lockgraph *g)
{
	char *uses = calloc(g->nfn ? g->nfn : 1, 1);	/* takes or hands on "#N" */
	int i, j, k, n;

	if (!uses)
		abort();
	for (i = 0; i < g->nacq; i++)
		if (is_param_class(g->acq[i].cls))
			uses[g->acq[i].fn] = 1;
	for (k = 0; k < 8; k++)		/* helpers that hand their lock on */
		for (i = 0; i < g->nlockargs; i++)
			if (is_param_class(g->lockargs[i].cls) && uses[g->lockargs[i].callee])
				uses[g->lockargs[i].caller] = 1;
	n = g->nfn;
	for (i = 0; i < g->nfn; i++) {		/* copies, added at the end, too */
		int from = original(g, i), ncallees = g->fn[i].ncallees;

		if (i >= n + 4096)
			break;			/* a bound on copies */
		for (j = 0; j < ncallees; j++) {
			int to = g->fn[i].callees[j].to, first = 1;

			if (to >= n || !uses[to])
				continue;
			for (k = 0; k < g->nlockargs; k++) {
				const struct lg_lockarg *l = &g->lockargs[k];
				const char *cls;
				int v;

				if (l->caller != from || l->callee != to ||
				    !(cls = lockarg_class(g, i, l->cls)))
					continue;
				v = lock_copy(g, to, NULL, l->n, cls);
				if (first)
					g->fn[i].callees[j].to = v, g->fn[v].ncallers++;
				else
					clone_edge(g, i, &g->fn[i].callees[j], v);
				first = 0;
			}
		}
	}
	for (i = j = 0; i < g->nacq; i++)	/* "#N" is no class */
		if (!is_param_class(g->acq[i].cls))
			g->acq[j++] = g->acq[i];
	g->nacq = j;
	free(uses);
}

/* ---- values: calls a constant argument makes impossible ---------------- */

/* Can a record guarded so (zero, nonzero) be reached when the parameters
 * are the constants cz (0) and cn (nonzero)? */
static int compatible(unsigned zero, unsigned nonzero, unsigned cz, unsigned cn)
{
	return !(zero & cn) && !(nonzero & cz);
}

struct guards {
	unsigned *zero, *nonzero;	/* per function: parameters some record
					 * of it is guarded on */
	int n;
};

static void guards_of(struct mm_lockgraph *g, struct guards *gd)
{
	int i, j;

	gd->zero = mm_xrealloc(gd->zero, g->nfn * sizeof(unsigned));
	gd->nonzero = mm_xrealloc(gd->nonzero, g->nfn * sizeof(unsigned));
	for (i = gd->n; i < g->nfn; i++) {
		gd->zero[i] = gd->nonzero[i] = 0;
		for (j = 0; j < g->fn[i].ncallees; j++) {
			gd->zero[i] |= g->fn[i].callees[j].guard_zero;
			gd->nonzero[i] |= g->fn[i].callees[j].guard_nonzero;
		}
	}
	for (i = 0; i < g->nacq; i++)
		if (g->acq[i].fn >= gd->n) {
			gd->zero[g->acq[i].fn] |= g->acq[i].guard_zero;
			gd->nonzero[g->acq[i].fn] |= g->acq[i].guard_nonzero;
		}
	gd->n = g->nfn;
}

/* The copy of fn for parameters cz (0) and cn (nonzero): its calls and
 * acquisitions those values allow.  Named fn's id, '@' and the values,
 * so that notes and cuts see fn's own name. */
static int variant(struct mm_lockgraph *g, int fn, unsigned cz, unsigned cn)
{
	char values[256], name[1400];
	int v, i, n = g->nacq;

	snprintf(name, sizeof(name), "%s@%s", g->fn[fn].name,
		 mm_facts_values(cz, cn, values, sizeof(values)));
	if (contains(&g->names, name))
		return fn_id(g, name);
	v = fn_id(g, name);
	g->fn[v].bh_off_entry = g->fn[fn].bh_off_entry;
	g->fn[v].callees = mm_xrealloc(NULL, g->fn[fn].ncallees * sizeof(struct lg_edge));
	for (i = 0; i < g->fn[fn].ncallees; i++) {
		const struct lg_edge *e = &g->fn[fn].callees[i];

		if (compatible(e->guard_zero, e->guard_nonzero, cz, cn)) {
			g->fn[v].callees[g->fn[v].ncallees++] = *e;
			g->fn[e->to].ncallers++;
		}
	}
	for (i = 0; i < n; i++) {
		if (g->acq[i].fn != fn ||
		    !compatible(g->acq[i].guard_zero, g->acq[i].guard_nonzero, cz, cn))
			continue;
		g->acq = mm_xrealloc(g->acq, (g->nacq + 1) * sizeof(*g->acq));
		g->acq[g->nacq] = g->acq[i];
		g->acq[g->nacq++].fn = v;
	}
	return v;
}

/*
 * Infeasible by value: a call whose constant arguments contradict a
 * branch its callee takes on those parameters calls a copy of the callee
 * without what that branch guards: udp_destruct_common() calls
 * udp_rmem_release(sk, total, 0, true), which takes the receive queue's
 * lock only if (!rx_queue_lock_held), so udp_destruct_common()'s softirq
 * context does not reach that lock.  One level deep: a callee that passes
 * its own parameter on passes no constant.  The callee keeps its count of
 * callers, so that it does not become a root (called from outside the
 * facts) for having lost them.
 */
static void specialize(struct mm_lockgraph *g)
{
	struct guards gd = { NULL, NULL, 0 };
	int i, j, to, v;

	guards_of(g, &gd);
	for (i = 0; i < g->nfn; i++)	/* variants, added at the end, too */
		for (j = 0; j < g->fn[i].ncallees; j++) {
			const struct lg_edge *e = &g->fn[i].callees[j];
			unsigned cz, cn;

			to = e->to;
			cz = e->args_zero & (gd.zero[to] | gd.nonzero[to]);
			cn = e->args_nonzero & (gd.zero[to] | gd.nonzero[to]);
			if (compatible(gd.zero[to], gd.nonzero[to], cz, cn))
				continue;
			v = variant(g, to, cz, cn);
			g->fn[i].callees[j].to = v;
			g->fn[v].ncallers++;
			guards_of(g, &gd);
		}
	free(gd.zero);
	free(gd.nonzero);
}

/* ---- ops called one after another (called_after) ------------------------ */

/* Which functions return with BH disabled: the leaves records, through
 * wrappers of other units, to a fixed point.  The caller frees it. */
static char *returns_bh_off(struct mm_lockgraph *g)
{
	char *off = calloc(g->nfn + 1, 1);
	int i, changed = 1;

	if (!off)
		abort();
	while (changed) {
		changed = 0;
		for (i = 0; i < g->nleaves; i++) {
			const struct lg_leaves *l = &g->leaves[i];

			if (!off[l->fn] && (l->via < 0 || off[l->via]))
				changed = off[l->fn] = 1;
		}
	}
	return off;
}

/* Does holder store, in member before, a function that returns with BH
 * disabled? */
static int before_bh_off(struct mm_lockgraph *g, const char *holder, const char *before,
			 const char *off)
{
	int i;

	for (i = 0; i < g->nstores; i++)
		if (g->stores[i].holder == holder && !strcmp(g->stores[i].member, before) &&
		    off[g->stores[i].fn])
			return 1;
	return 0;
}

/*
 * seq_read_iter() calls an ops object's start, then its show: a show
 * stored beside a start that returns with BH disabled (arp_seq_ops:
 * arp_seq_start() -> neigh_seq_start(), read_lock_bh() of the table) is
 * entered with BH disabled through that object.  By object, where calls
 * through members are otherwise resolved by member: the store's holder
 * is the object.
 */
static void called_after(struct mm_lockgraph *g)
{
	char *off, before[512];
	const char *dot;
	int r, i;

	if (!g->nafter_rows || !g->nleaves)
		return;
	off = returns_bh_off(g);
	for (r = 0; r < g->nafter_rows; r++) {
		const struct mm_cat_entry *row = g->after_rows[r];

		dot = strrchr(row->name, '.');
		snprintf(before, sizeof(before), "%.*s.%s", dot ? (int)(dot - row->name) : 0,
			 row->name, row->member);
		for (i = 0; i < g->nstores; i++)
			if (!strcmp(g->stores[i].member, row->name) &&
			    before_bh_off(g, g->stores[i].holder, before, off))
				g->fn[g->stores[i].pseudo].callees[g->stores[i].edge].bh_on = 0;
	}
	free(off);
}

/* ---- contexts ------------------------------------------------------------ */

/* Breadth first from the callbacks of one kind, so that the parent links
 * give a shortest chain for the notes. */
static void mark_interrupt(struct mm_lockgraph *g, int hardirq)
{
	int *queue = mm_xrealloc(NULL, (g->nfn + 1) * sizeof(int)), head = 0, tail = 0, i, j;

#define MARK(f) (hardirq ? &(f)->hardirq : &(f)->softirq)
	for (i = 0; i < g->nreg; i++) {
		struct lg_fn *cb = &g->fn[g->reg[i].callback];

		/* a callback by its signature only if someone takes its address:
		 * napi_alloc_skb(struct napi_struct *, ...) is a helper */
		if (g->reg[i].fn == g->reg[i].callback && !cb->addr_taken && !g->reg[i].listed)
			continue;
		if (g->reg[i].hardirq == hardirq && !*MARK(cb)) {
			*MARK(cb) = 1;
			if (!hardirq)
				cb->reg = i;
			queue[tail++] = g->reg[i].callback;
		}
	}
	while (head < tail) {
		int from = queue[head++];
		struct lg_fn *f = &g->fn[from];

		for (j = 0; j < f->ncallees; j++) {
			struct lg_fn *c = &g->fn[f->callees[j].to];

			/* through a pointer: no interrupt context (add_target()),
			 * but for a unit's own member (enters_softirq()) */
			if (!*MARK(c) && !(c->cut && !hardirq) && enters_softirq(c)) {
				*MARK(c) = 1;
				if (!hardirq)
					c->parent = from;
				queue[tail++] = f->callees[j].to;
			}
		}
	}
#undef MARK
	free(queue);
}

/* The families of the softirq callbacks that reach each function (the
 * walk above keeps one parent each): along the edges it took, until no
 * function learns a family more. */
static void spread_families(struct mm_lockgraph *g)
{
	int n = g->nfn + 1, *queue = mm_xrealloc(NULL, n * sizeof(int)), head = 0, tail = 0, i, j;
	char *queued = calloc(n, 1);

	if (!queued)
		abort();
	for (i = 0; i < g->nreg; i++) {
		int cb = g->reg[i].callback;

		if (g->reg[i].hardirq || !g->fn[cb].softirq)
			continue;
		g->fn[cb].families |= family_bit(g, file_family(g, g->reg[i].loc.file));
		if (!queued[cb]) {
			queued[cb] = 1;
			queue[tail++ % n] = cb;
		}
	}
	while (head != tail) {
		int from = queue[head++ % n];
		const struct lg_fn *f = &g->fn[from];

		queued[from] = 0;
		for (j = 0; j < f->ncallees; j++) {
			struct lg_fn *c = &g->fn[f->callees[j].to];

			if (!c->softirq || c->cut || !enters_softirq(c) ||
			    (c->families | f->families) == c->families)
				continue;
			c->families |= f->families;
			if (!queued[f->callees[j].to]) {
				queued[f->callees[j].to] = 1;
				queue[tail++ % n] = f->callees[j].to;
			}
		}
	}
	free(queued);
	free(queue);
}

/* Does a process_cut row say that below's calls never reach callee? */
static int process_cut(struct mm_lockgraph *g, int below, int callee)
{
	char entry[256], name[256];
	int i;

	if (below < 0)
		return 0;
	short_name(g->fn[below].name, entry, sizeof(entry));
	short_name(g->fn[callee].name, name, sizeof(name));
	for (i = 0; i < g->npcut_rows; i++)
		if (!strcmp(g->pcut_rows[i]->name, name) && !strcmp(g->pcut_rows[i]->from, entry))
			return 1;
	return 0;
}

/*
 * Process context: a function no softirq callback or hardirq handler
 * reaches, or one that some process-context function calls; spread along
 * the call edges.
 *
 * With BH enabled at entry, in process context (bh_on): such a function
 * that no known function calls (its callers are outside the facts) or
 * whose address is taken (it may be called from anywhere), and whatever
 * such a function calls with BH enabled.  Also a function a softirq
 * callback reaches, when its address escapes too: whoever it was handed
 * to may call it with BH enabled (lock-bh/bug-softirq-helper-escapes.c).
 * Not a callback itself: its registration says where it runs.  A function
 * only ever called inside local_bh_disable() or a _bh lock, directly or
 * through others (inet_put_port() around __inet_put_port()), runs with BH
 * disabled: its plain acquisitions are no SOFTIRQ-ON usage.
 *
 * A call through a parameter (okfn() in NF_HOOK()) reaches a function only
 * once the function that passed it is reached: arp_xmit() passes
 * arp_xmit_finish() to arp.c's NF_HOOK() and arp_rcv() (softirq) passes
 * arp_process(), so transmitting with BH enabled does not run
 * arp_process().  Per passer, not per call: NF_HOOK() reached from
 * arp_xmit() still reaches arp_process() once arp_rcv() is reached too.
 * Not when the parameter was handed on to a member or to another
 * parameter: NF_HOOK_LIST()'s okfn, stored in nf_hook_state.okfn, is
 * called wherever that member is called.
 */
#define MARK(f) (bh_on ? &(f)->process_bh_on : &(f)->process)

/* Mark e's callee from the marked function from, if e may carry the
 * context: made with BH enabled (for bh_on), and through a parameter only
 * once the function that passed the callee is marked. */
static int follow(struct mm_lockgraph *g, int from, const struct lg_edge *e, int bh_on,
		  int *queue, int *tail, int below)
{
	struct lg_fn *f = &g->fn[from], *c = &g->fn[e->to];
	int handed = 0;

	if ((bh_on && !e->bh_on) || process_cut(g, below, e->to))
		return 0;
	if (f->name[0] == '*' && c->name[0] == '*' && !c->handed_on[bh_on])
		handed = c->handed_on[bh_on] = 1;	/* its waiting edges may go */
	if (*MARK(c) || (e->via >= 0 && !f->handed_on[bh_on] && !*MARK(&g->fn[e->via])))
		return handed;
	*MARK(c) = 1;
	if (bh_on)
		c->bh_parent = from;
	queue[(*tail)++] = e->to;
	return 1;
}

/* Spread the marks from the queue.  A process_cut row's from= function is
 * put aside (appended to deferred once, put_aside[] says which are) unless
 * it is below, the one being spread from now, whose rows' functions are
 * not entered. */
static void spread_process(struct mm_lockgraph *g, int bh_on, int *queue, int *head,
			   int *tail, int below, int *deferred, int *ndeferred, char *put_aside)
{
	int more = 1, i, j;

	while (more) {
		while (*head < *tail) {
			int from = queue[(*head)++];

			if (g->fn[from].cut_entry && from != below) {
				if (!put_aside[from])
					deferred[(*ndeferred)++] = from;
				put_aside[from] = 1;
				continue;
			}
			for (j = 0; j < g->fn[from].ncallees; j++)
				follow(g, from, &g->fn[from].callees[j], bh_on, queue, tail, below);
		}
		/* edges through a parameter whose passer was marked after them */
		more = 0;
		for (i = 0; i < g->nfn; i++)
			for (j = 0; g->fn[i].name[0] == '*' && *MARK(&g->fn[i]) &&
				    j < g->fn[i].ncallees; j++)
				if (g->fn[i].callees[j].via >= 0)
					more |= follow(g, i, &g->fn[i].callees[j], bh_on, queue,
						       tail, below);
	}
}

/*
 * A catalogue process_cut row (CALLEE from=ENTRY) says that what ENTRY
 * hands down in process context never reaches CALLEE: mac80211's
 * ieee80211_tx_prepare_skb() is for frames a driver builds, which the PS
 * buffer never holds.  So the marks spread first from everything but such
 * entries, and then from each entry without entering its rows' callees:
 * what is left unmarked then is reached in process context only through
 * an entry, and only past a cut.
 */
static void mark_process(struct mm_lockgraph *g, int bh_on)
{
	int n = g->nfn + 1, head = 0, tail = 0, ndeferred = 0, i;
	int *queue = mm_xrealloc(NULL, 2 * n * sizeof(int));
	int *deferred = mm_xrealloc(NULL, n * sizeof(int));
	char *put_aside = calloc(n, 1);

	if (!put_aside)
		abort();
	for (i = 0; i < g->nfn; i++) {
		struct lg_fn *f = &g->fn[i];

		if ((!f->softirq || (bh_on && f->escapes && f->parent >= 0)) && !f->hardirq &&
		    (f->name[0] != '*' || f->ncallers) &&
		    (!bh_on || ((!f->ncallers || f->escapes) && !f->bh_off_entry))) {
			*MARK(f) = 1;
			queue[tail++] = i;
		}
	}
	spread_process(g, bh_on, queue, &head, &tail, -1, deferred, &ndeferred, put_aside);
	for (i = 0; i < ndeferred; i++) {
		queue[tail++] = deferred[i];
		spread_process(g, bh_on, queue, &head, &tail, deferred[i], deferred, &ndeferred,
			       put_aside);
	}
	free(put_aside);
	free(deferred);
	free(queue);
}

#undef MARK

/* ---- reports ------------------------------------------------------------- */

/* A function as a note names it: without a static one's @UNIT, and a
 * pseudo-function as the call through a pointer it stands for:
 * "(*net_protocol.handler)()", "(*NF_HOOK() argument 8)()". */
static const char *display_name(const char *fn, char *buf, size_t n)
{
	char name[256];
	const char *hash = strrchr(fn, '#');

	if (fn[0] != '*')
		snprintf(buf, n, "%s()", short_name(fn, name, sizeof(name)));
	else if (hash && strchr(fn, '@') && hash > strchr(fn, '@'))
		snprintf(buf, n, "(*%s() argument %s)()",
			 short_name(fn + 1, name, sizeof(name)), hash + 1);
	else if (hash)
		snprintf(buf, n, "(*%.*s() argument %s)()", (int)(hash - fn - 1), fn + 1, hash + 1);
	else
		snprintf(buf, n, "(%s)()", fn);
	return buf;
}

/* The calls from the callback to fn, "a() -> b() -> ... -> fn()": the
 * first and last few of a long chain, so that a note stays readable. */
static void chain_text(struct mm_lockgraph *g, const int *path, int n, char *out, size_t size)
{
	char name[300];
	size_t len;
	int i;

	out[0] = '\0';
	for (i = n - 1; i >= 0; i--) {
		len = strlen(out);
		if (n > 8 && i == n - 4 && !g->full_chains) {
			snprintf(out + len, size - len, " -> ... (%d calls)", n - 7);
			i = 3;
			len = strlen(out);
		}
		snprintf(out + len, size - len, "%s%s", i == n - 1 ? "" : " -> ",
			 display_name(g->fn[path[i]].name, name, sizeof(name)));
	}
}

/* Up the parent links (bh: bh_parent) from fn: the functions below the
 * root, fn first, in path; returns how many, and the root in *root. */
static int up_to_root(struct mm_lockgraph *g, int fn, int bh, int *path, int *root)
{
	int n = 0;

	/* the parents form a breadth-first tree: this ends at a root */
	while ((bh ? g->fn[fn].bh_parent : g->fn[fn].parent) >= 0 && n < g->nfn) {
		path[n++] = fn;
		fn = bh ? g->fn[fn].bh_parent : g->fn[fn].parent;
	}
	*root = fn;
	return n;
}

/* Why a's function runs in softirq: the registration, and the calls from
 * the callback to it. */
static void chain_note(struct mm_lockgraph *g, struct mm_finding *f, const struct lg_acq *a)
{
	int *path = mm_xrealloc(NULL, (g->nfn + 1) * sizeof(int)), n, fn;
	char chain[4096] = "", name[128], caller[128];
	const char *calls;
	const struct lg_reg *r;

	n = up_to_root(g, a->fn, 0, path, &fn);
	if (n)
		chain_text(g, path, n, chain, sizeof(chain));
	free(path);
	if (g->fn[fn].reg < 0)
		return;
	r = &g->reg[g->fn[fn].reg];
	calls = n ? "; it calls " : "";
	short_name(g->fn[fn].name, name, sizeof(name));
	if (r->listed)		/* no place of its own: said where the lock is taken */
		mm_finding_note(f, a->loc, "%s() runs in softirq (catalogue softirq_entry)%s%s",
				name, calls, chain);
	else if (r->passed)
		mm_finding_note(f, a->loc, "%s() is passed to %s() by %s(), which registers "
				"it as a softirq callback%s%s", name, r->registrar,
				short_name(g->fn[r->fn].name, caller, sizeof(caller)), calls, chain);
	else if (r->fn == r->callback)	/* a callback by its signature */
		mm_finding_note(f, r->loc, "%s() is a softirq callback (%s)%s%s", name,
				r->registrar, calls, chain);
	else if (contains(&g->members, r->registrar))
		mm_finding_note(f, r->loc, "%s() is stored in %s here, which the kernel calls "
				"in softirq%s%s", name, r->registrar, calls, chain);
	else
		mm_finding_note(f, r->loc, "%s() registers %s() as a softirq callback here%s%s",
				r->registrar, name, calls, chain);
}

/* Why BH is enabled when a's function runs: the calls from a function
 * whose callers are not known, none when it is such a function itself. */
static void entry_note(struct mm_lockgraph *g, struct mm_finding *f, const struct lg_acq *a)
{
	int *path = mm_xrealloc(NULL, (g->nfn + 1) * sizeof(int)), n, root;
	char chain[4096], name[128];

	n = up_to_root(g, a->fn, 1, path, &root);
	if (n) {
		path[n++] = root;
		chain_text(g, path, n, chain, sizeof(chain));
		mm_finding_note(f, a->loc, "%s() is called with BH enabled: %s",
				short_name(g->fn[a->fn].name, name, sizeof(name)), chain);
	}
	free(path);
}

static int by_place(const void *x, const void *y)
{
	const struct lg_acq *a = x, *b = y;
	int c = strcmp(a->loc.file, b->loc.file);

	if (c)
		return c;
	if (a->loc.line != b->loc.line)
		return a->loc.line - b->loc.line;
	return a->loc.col - b->loc.col;
}

/* What find_acq() looks for besides plain's class. */
enum lg_want {
	SOFTIRQ_SPIN,	/* in softirq context, a form that spins */
	SOFTIRQ_TRY,	/* in softirq context, a trylock */
	BH_IN_PROCESS,	/* with a _bh form, in process context */
};

static int wanted(struct mm_lockgraph *g, const struct lg_acq *a, enum lg_want want)
{
	switch (want) {
	case SOFTIRQ_SPIN:
		/* a trylock in softirq spins on nothing: lockdep marks no usage */
		return g->fn[a->fn].softirq && !a->trylock;
	case SOFTIRQ_TRY:
		return g->fn[a->fn].softirq && a->trylock;
	default:
		return a->flavour == MM_BH && g->fn[a->fn].process;
	}
}

/* The first acquisition of plain's class that is wanted; *n counts all
 * such places.  A softirq acquisition in code of no one family (net/core/)
 * meets a family's only if a callback of that family, or of none, reaches
 * it: AF_PACKET's packet_rcv_spkt() -> __sock_queue_rcv_skb() is no AF_UNIX
 * receive queue. */
static const struct lg_acq *find_acq(struct mm_lockgraph *g, const struct lg_acq *plain,
				     enum lg_want want, int *n)
{
	const struct lg_acq *first = NULL, *last = NULL;
	int i;

	*n = 0;
	for (i = 0; i < g->nacq; i++) {
		const struct lg_acq *a = &g->acq[i];

		if (!same_class(a, plain))
			continue;
		/* a re-keyed class is taken in no interrupt context elsewhere */
		if (want != BH_IN_PROCESS && plain->rekeyed && a->rekeyed != plain->rekeyed)
			continue;
		if (want != BH_IN_PROCESS && plain->family && !a->family &&
		    !(g->fn[a->fn].families & (family_bit(g, plain->family) | ANY_FAMILY)))
			continue;
		if (wanted(g, a, want)) {
			if (!first)
				first = a;
			/* sorted by place: a variant's copy is next to it */
			*n += !last || by_place(a, last);
			last = a;
		}
	}
	return first;
}

static const char *others(int n, char *buf, size_t size)
{
	if (n > 1)
		snprintf(buf, size, " (and %d more place%s)", n - 1, n > 2 ? "s" : "");
	else
		buf[0] = '\0';
	return buf;
}

static void report_acq(struct mm_lockgraph *g, const struct lg_acq *a, mm_report_fn report,
		       void *ctx)
{
	const struct lg_acq *in_softirq, *bh;
	char name[128], where[128], more[64];
	struct mm_finding f;
	int n;

	short_name(g->fn[a->fn].name, where, sizeof(where));
	in_softirq = find_acq(g, a, SOFTIRQ_SPIN, &n);
	if (in_softirq) {
		mm_finding_init(&f, "mm-lock-softirq-unsafe", a->loc,
				"lock %s taken with BH enabled here but also in softirq context: "
				"deadlock if the softirq interrupts its holder", a->cls);
		mm_finding_note(&f, in_softirq->loc, "taken in softirq context here, in %s()%s",
				short_name(g->fn[in_softirq->fn].name, name, sizeof(name)),
				others(n, more, sizeof(more)));
		chain_note(g, &f, in_softirq);
		entry_note(g, &f, a);
		f.function = where;
		report(&f, ctx);
	}
	bh = find_acq(g, a, BH_IN_PROCESS, &n);
	/* The _bh users are there for the softirq users; when every one the
	 * run sees only trylocks, an interrupted holder costs a retry, not a
	 * deadlock (6.12's svc_age_temp_xprts() and sv_lock). */
	if (!bh || (!in_softirq && find_acq(g, a, SOFTIRQ_TRY, &n)))
		return;
	mm_finding_init(&f, "mm-lock-bh-mixed", a->loc,
			"lock %s taken with BH enabled here but with %s() elsewhere", a->cls,
			bh->callee);
	mm_finding_note(&f, bh->loc, "taken with %s() here%s", bh->callee,
			others(n, more, sizeof(more)));
	entry_note(g, &f, a);
	f.function = where;
	report(&f, ctx);
}

/* Exported functions the catalogue knows the context of, by their global
 * name (their callers are drivers, outside the facts): netif_receive_skb()
 * runs in softirq, ieee80211_rx_list() with BH disabled. */
static void mark_entries(struct mm_lockgraph *g)
{
	size_t i;
	int id;

	for (i = 0; i < g->entries.cap; i++) {
		if (!g->entries.key[i] || !contains(&g->names, g->entries.key[i]))
			continue;
		id = fn_id(g, g->entries.key[i]);
		if (g->entries.val[i] == ENTRY_BH_OFF) {
			g->fn[id].bh_off_entry = 1;
			continue;
		}
		add_reg(g, g->entries.key[i], g->entries.key[i], "catalogue softirq_entry", "-:0:0",
			0);
		g->reg[g->nreg - 1].listed = 1;
	}
}

/* A pseudo-function nobody calls in the facts (INIT_WORK()'s work_struct
 * func: the workqueue calls current_func) is no root itself: its targets
 * are, each as if its address escaped, so that one that is a callback by
 * its own signature stays only that.  Unless the catalogue says the
 * kernel calls that member with BH disabled (bh_off_field: 6.12's
 * nf_hook_state.okfn, whose one caller, nf_reinject(), is in a module). */
static void uncalled_targets(struct mm_lockgraph *g)
{
	int i, j;

	for (i = 0; i < g->nfn; i++)
		if (g->fn[i].name[0] == '*' && !g->fn[i].ncallers &&
		    !member_row(&g->bh_off_members, g->fn[i].name + 1))
			for (j = 0; j < g->fn[i].ncallees; j++)
				if (g->fn[i].callees[j].bh_on)	/* not called_after()'s */
					g->fn[g->fn[i].callees[j].to].escapes = 1;
}

void mm_lg_analyse(struct mm_lockgraph *g, mm_report_fn report, void *ctx)
{
	const struct lg_acq *last = NULL;
	int i;

	mark_entries(g);
	bh_work(g);
	resolve_lock_params(g);
	specialize(g);
	called_after(g);
	uncalled_targets(g);
	mark_interrupt(g, 0);
	spread_families(g);
	mark_interrupt(g, 1);
	mark_process(g, 0);
	mark_process(g, 1);
	/* sorted by place: the output does not depend on the order of input */
	if (g->nacq)	/* qsort() of NULL is undefined, even of nothing */
		qsort(g->acq, g->nacq, sizeof(*g->acq), by_place);
	for (i = 0; i < g->nacq; i++) {
		const struct lg_acq *a = &g->acq[i];

		if (a->flavour != MM_PLAIN || !a->bh_on || !g->fn[a->fn].process_bh_on)
			continue;
		/* one report per place: a header's inline is in many units,
		 * and a function may have copies (specialize()) */
		if (last && !by_place(a, last) && a->cls == last->cls)
			continue;
		report_acq(g, a, report, ctx);
		last = a;
	}
	if (g->cat)
		mm_cross_check(g->cross, g->cat, report, ctx);
}

void mm_lg_free(struct mm_lockgraph *g)
{
	int i;

	mm_cross_free(g->cross);
	for (i = 0; i < g->nfn; i++) {
		free(g->fn[i].callees);
		free(g->fn[i].locks);
	}
	free(g->fn);
	free(g->lockargs);
	free(g->works);
	free(g->bhworks);
	free(g->wqworks);
	free_map(&g->bhwqs);
	free(g->acq);
	free(g->reg);
	free_map(&g->names);
	free_map(&g->strings);
	free_map(&g->seen);
	free_map(&g->cuts);
	free_map(&g->members);
	free_map(&g->bh_off_members);
	free_map(&g->entries);
	free_map(&g->registrars);
	free_map(&g->per_site);
	free_map(&g->per_family);
	free_map(&g->cut_entries);
	free(g->family_dirs);
	free(g->after_rows);
	free(g->pcut_rows);
	free(g->rekey_rows);
	free(g->stores);
	free(g->leaves);
	free(g);
}
