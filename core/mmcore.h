/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmcore.h - the analysis core every compiled mmcheck engine shares.
 *
 * A front end (the GCC plugin, the sparse checker) translates one function
 * of its own IR into a struct mm_func: basic blocks of classified events and
 * edges that may carry a condition on a call's result.  The checks then walk
 * its paths once, with one path walker (paths.c), and report findings with
 * the path of notes that proves them.  Which call is which event comes from
 * catalogue/mm-api.tsv (catalogue.c), never from code.
 */
#ifndef MMCORE_H
#define MMCORE_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- catalogue ------------------------------------------------------- */

struct mm_cat_entry {
	char *kind;		/* "pte_clear_deferred", "lock_bh", ... */
	char *name;		/* the kernel function or type */
	char *pair;		/* undo rows: the "do" they undo */
	char *lock;		/* lock rows: "spin" or "rw" */
	int arg;		/* 1-based argument the kind is about, 0 if none */
	int trylock;		/* lock rows: try=1, may fail instead of spinning */
	int macro;		/* macro=1: a macro in some kernels, whose expansion
				 * hides the name from a compiler */
	char *as;		/* as=: the name a user writes (the macro, for what it
				 * expands to), or NULL */
	char *family;		/* family=: socket_family_path rows */
	char *member;		/* member=: same_object rows, the member of the
				 * argument the result points to (rlock) */
	char *from;		/* from=: process_cut rows, the function whose calls
				 * in process context never reach this one */
	char *path;		/* path=: lock_class_rekeyed rows, the code that
				 * handles only the re-keyed objects */
	int bit;		/* bit=: bh_workqueue rows that are a flag, its
				 * bit; -1 if none */
	int wq;			/* wq=: work_queue rows, the 1-based argument that
				 * is the workqueue (0: the first) */
	int kind_id;		/* index of kind in mm_catalogue.kinds */
	int next;		/* the next entry of this name, or -1 */
};

struct mm_catalogue {
	struct mm_cat_entry *e;
	int n;
	char *kinds[64];	/* distinct kinds; a kind's bit is 1ULL << its index */
	int nkinds;
	int *index;		/* hash of name -> its first entry */
	unsigned long long *index_kinds;	/* per slot: the kinds of its name */
	int nindex;
	int guards[8];		/* entries of kind guard_* with a '%' pattern */
	int nguards;
};

/* Load a catalogue; on error return -1 and put a message in err. */
int mm_cat_load(struct mm_catalogue *cat, const char *path, char *err, size_t errlen);
/* The catalogue a program finds from where it is (buf, size bytes). */
const char *mm_cat_beside(const char *program, char *buf, size_t size);
void mm_cat_free(struct mm_catalogue *cat);
/* The entry of name with kind, or NULL. */
const struct mm_cat_entry *mm_cat_find(const struct mm_catalogue *cat,
				       const char *kind, const char *name);
/* Does name have one of the kinds of a '|'-separated list? */
int mm_cat_is(const struct mm_catalogue *cat, const char *kinds, const char *name);
/* The kinds of name as a bit set, in O(1): what a front end asks per call.
 * mm_cat_bits() turns a '|'-separated list of kinds into such a set. */
unsigned long long mm_cat_mask(const struct mm_catalogue *cat, const char *name);
unsigned long long mm_cat_bits(const struct mm_catalogue *cat, const char *kinds);

/* The name a user writes for name (its as= key), or name itself. */
const char *mm_cat_spelling(const struct mm_catalogue *cat, const char *name);
/* Is name a trylock (try=1 on one of its rows)? */
int mm_cat_trylock(const struct mm_catalogue *cat, const char *name);
/* Is name a macro whose expansion a compiler counts as one call of it
 * (macro=1 on one of its rows: 6.12's pte_unmap_unlock())?  Then the
 * catalogue's copy of the name (it lives as long as cat), else NULL. */
const char *mm_cat_macro(const struct mm_catalogue *cat, const char *name);
/* The same for the name written at text (len bytes on): what a front end
 * finds where a call's expansion stands.  NULL if it is callee itself (a
 * call written out) or no macro=1 name. */
const char *mm_cat_macro_at(const struct mm_catalogue *cat, const char *text, size_t len,
			    const char *callee);
/* The first name of a kind ("" if none): the name a front end reports. */
const char *mm_cat_first(const struct mm_catalogue *cat, const char *kind);
/* Does name start with a name of kind (abort_label: out_abort, fail2...)? */
int mm_cat_prefix(const struct mm_catalogue *cat, const char *kind, const char *name);
/* Does holds() say yes of a name of kind (a no_deferred_flush macro the
 * unit defines)? */
int mm_cat_any(const struct mm_catalogue *cat, const char *kind,
	       int (*holds)(const char *name, void *ctx), void *ctx);
/* Is a function a callback by its signature: "hardirq" if its return type
 * goes by an irq_return name, "softirq" if its first parameter points to a
 * softirq_param struct (tag without "struct "), else NULL; why says which. */
const char *mm_cat_callback_context(const struct mm_catalogue *cat,
				    const char *const *return_names, int nreturn,
				    const char *first_struct, char *why, size_t n);

/* ---- IR --------------------------------------------------------------- */

enum mm_flavour { MM_PLAIN, MM_BH, MM_IRQ };

/* Is name a guard's acquisition or (release = 1) its release, as the
 * compiler sees it (catalogue rows guard_ctor/guard_dtor)?  Then flavour
 * says how it disables BH, and cls points to the guard's class, the name
 * a user wrote in guard(CLASS).  Tries only the few pattern rows. */
int mm_cat_guard(const struct mm_catalogue *cat, const char *name, enum mm_flavour *flavour,
		 int *release, const char **cls);

/* The destructor a guard's variable runs when its scope is left, for a
 * variable of type type (a catalogue guard_type pattern: class_spinlock_t),
 * written into buf: "class_spinlock_destructor"; NULL if type is no guard
 * class's.  For a front end that sees the variable but not its cleanup
 * attribute's function (libclang, inside a macro). */
const char *mm_cat_guard_dtor(const struct mm_catalogue *cat, const char *type, char *buf,
			      size_t n);

/* Is name a conditional guard's test of its variable (catalogue guard_test:
 * class_lock_timer_lock_ptr(&scope)), of any class? */
int mm_cat_guard_test(const struct mm_catalogue *cat, const char *name);

struct mm_loc {
	const char *file;
	int line;
	int col;
	unsigned long native;	/* the front end's own location (GCC location_t) */
	const char *in;		/* an event of a helper applied at its call site
				 * (summaries.c): "page_remove_rmap() in drop_rmap()";
				 * notes at this place say so.  NULL: the function's own */
};

enum mm_ev {
	MM_EV_PTE_CLEAR_DEFERRED,	/* obj: PTE, result: the old value */
	MM_EV_PTE_CLEAR_FLUSH,		/* cleared and flushed */
	MM_EV_TLB_FLUSH,		/* the deferred flush (or its equivalent) */
	MM_EV_RMAP_REMOVE,		/* obj: the page/folio */
	MM_EV_RMAP_DELAY,		/* tlb_delay_rmap() */
	MM_EV_RMAP_FLUSH,		/* tlb_flush_rmaps() */
	MM_EV_PAGE_DIRTY,		/* obj: the page/folio */
	MM_EV_ANON_TEST,		/* obj: the page, result: the test's value */
	MM_EV_FOLIO_LOCK,		/* obj: the folio */
	MM_EV_FOLIO_UNLOCK,
	MM_EV_PTL_UNLOCK,		/* page-table lock released */
	MM_EV_LOCK,			/* obj: lock class id, flavour set */
	MM_EV_UNLOCK,
	MM_EV_BH_DISABLE,
	MM_EV_BH_ENABLE,
	MM_EV_DO,			/* result: the call's value; name: the "do" */
	MM_EV_UNDO,			/* name: the undo */
	MM_EV_PTE_RESTORE,		/* obj: the value stored back */
	MM_EV_ABORT_JUMP,		/* a goto to an abort-named label */
	MM_EV_ASSIGN,			/* obj: a variable overwritten (kills facts) */
	MM_EV_COPY,			/* obj = result: facts of result now hold of obj */
	MM_EV_DEBUG,			/* __mmcheck_bh(): report what the walk believes */
	MM_EV_CALL,			/* a call the catalogue does not know, with
					 * facts on: name is the callee's id */
	MM_EV_BH_TEST,			/* result: a value that is nonzero only in
					 * softirq or interrupt context (in_softirq()) */
	MM_EV_RETURN,			/* the function returns obj, or the constant
					 * 'constant' says; placed where the return is
					 * written */
	MM_EV_COUNT
};

/* Value ids are any int a front end chooses; this one means "no value". */
#define MM_NO_VALUE (-1)

/* An integer or pointer constant as a front end sees it: what an ASSIGN
 * stores, what a RETURN returns.  Whether it is a failure depends on the
 * function's result (enum mm_ret). */
enum mm_const { MM_CONST_NONE, MM_CONST_NEGATIVE, MM_CONST_ZERO, MM_CONST_POSITIVE };

/* How a function's result says it failed: a negative errno (a signed
 * integer), false, or NULL.  Anything else (void, unsigned, vm_fault_t,
 * a struct) says nothing the checks read. */
enum mm_ret { MM_RET_OTHER, MM_RET_ERRNO, MM_RET_BOOL, MM_RET_POINTER };

struct mm_event {
	enum mm_ev kind;
	const char *name;	/* the callee as written */
	int obj;		/* value id of the operand the kind is about */
	int result;		/* value id the call returns */
	enum mm_flavour flavour;
	struct mm_loc loc;
	const char *what;	/* LOCK/UNLOCK: the lock class ("struct mm_struct::context.lock",
				 * a global's name); NULL when the front end cannot tell */
	int seq;		/* set by mm_event_add(): index among the function's events */
	int trylock;		/* LOCK: a trylock (lockdep marks no IRQ usage for it) */
	unsigned zero_args;	/* CALL: arguments (bit N: argument N, from 1) that are
				 * the constant 0 or NULL */
	unsigned nonzero_args;	/* ... a nonzero constant (true) */
	int args, nargs;	/* CALL: the arguments' value ids, mm_func_arg(fn, args + i) */
	enum mm_const constant;	/* ASSIGN: the constant stored; RETURN: returned */
};

enum mm_cond { MM_COND_NONE, MM_COND_SUCCESS, MM_COND_FAILURE };

struct mm_edge {
	int to;			/* block index */
	enum mm_cond cond;	/* holds on this edge for value 'value' */
	int value;
	int sign;		/* a sign test (ret < 0, ret >= 0): its success
				 * edge does not say that value is 0 */
};

struct mm_block {
	struct mm_event *ev;
	int nev, cap_ev;
	struct mm_edge *succ;
	int nsucc, cap_succ;
};

#define MM_MAX_PARAMS 31

struct mm_func {
	const char *name;
	struct mm_block *b;
	int nb, cap_b;
	int nev;		/* events in all blocks */
	int param[MM_MAX_PARAMS];	/* value id of each parameter, in order */
	int nparam;
	enum mm_ret ret;	/* how its result says it failed */
	int *argv;		/* the arguments of its CALL events */
	int nargv, cap_argv;
	int packed;		/* one allocation, read only (mm_func_compact()) */
};

/* Builders: a front end adds blocks, then events and edges to them. */
void mm_func_init(struct mm_func *fn, const char *name);
void mm_func_free(struct mm_func *fn);
/* fn packed into one allocation with no room to spare, for IR kept till
 * the unit's end (its facts, its summaries); then it is only read. */
void mm_func_compact(struct mm_func *fn);
int mm_block_add(struct mm_func *fn);
void mm_event_add(struct mm_func *fn, int block, const struct mm_event *ev);
void mm_edge_add(struct mm_func *fn, int from, int to, enum mm_cond cond, int value);
/* The same for an edge of a branch; sign: the branch is a sign test,
 * if (ret < 0) or if (ret >= 0). */
void mm_edge_add_test(struct mm_func *fn, int from, int to, enum mm_cond cond, int value,
		      int sign);
/* The next parameter of fn is value (a front end adds them in order). */
void mm_func_param(struct mm_func *fn, int value);
/* Is a constant, returned by fn, a failure (-ENOMEM, false, NULL)? */
int mm_failure_value(const struct mm_func *fn, enum mm_const constant);
/* Keep n value ids in fn; returns where they start (an event's args). */
int mm_func_push_args(struct mm_func *fn, const int *v, int n);
/* An event kind's name ("rmap_remove"), as the facts write it; and back
 * (-1 if name is none). */
const char *mm_ev_name(enum mm_ev kind);
int mm_ev_parse(const char *name);
/* Print fn for a developer (MMCHECK_DUMP_IR=1 makes mm_unit_check() do it). */
void mm_func_dump(const struct mm_func *fn, FILE *out);
/* Copy src into dst, which shares no memory with it (names are shared). */
void mm_func_copy(struct mm_func *dst, const struct mm_func *src);

/* ---- parameter guards (guards.c) --------------------------------------- */

/* For each event of fn (by seq): the parameters (bit N: parameter N, from
 * 1) that are 0 (zero[seq]) or nonzero (nonzero[seq]) on every path that
 * reaches it, by the branches taken on their values: udp_rmem_release()
 * takes its lock only if (!rx_queue_lock_held).  A parameter assigned in
 * the body says nothing.  The arrays hold fn->nev entries each. */
void mm_param_guards(const struct mm_func *fn, unsigned *zero, unsigned *nonzero);

/* ---- calls (calls.c): one classification for every front end ------------ */

struct mm_facts;

/* A call as a front end sees it; the callbacks answer for argument i. */
struct mm_call {
	const char *name;	/* the callee; NULL for a call through a pointer */
	const char *caller;	/* the calling function's id in the facts */
	const char *callee_id;	/* the callee's id (name@unit when static), or
				 * for a call through a pointer the pseudo-
				 * function of its target (mm_facts_*_target) */
	int result;		/* value id of what it returns, or MM_NO_VALUE */
	struct mm_loc loc;
	int nargs;
	int (*value)(void *fe, int i);			/* value id */
	const char *(*lock_class)(void *fe, int i);	/* or NULL */
	const char *(*function)(void *fe, int i);	/* &function: its id, or NULL */
	void *fe;
	int clears_flush;	/* the unit's config never defers a TLB flush
				 * (catalogue no_deferred_flush) */
	/* argument i as a constant: 0 (0 or NULL), 1 (any other), -1 not a
	 * constant; NULL: none is */
	int (*constant)(void *fe, int i);
	/* does argument i point to a lock (catalogue lock_struct)?  NULL: none
	 * does (lockarg facts, for a callee that locks its parameter) */
	int (*lock_ptr)(void *fe, int i);
	/* where argument i was loaded from, named as a lock is: a global
	 * (system_bh_wq; a static one "rx_wq@unit") or a member ("struct
	 * usb_dev::rxwq"), or NULL; NULL: not known for any argument */
	const char *(*loaded)(void *fe, int i);
};

#define MM_CALL_DONE (-1)

/* Add c's events to block b of fn, and its facts when facts is not NULL.
 * Returns MM_CALL_DONE, or the index of the argument whose object the
 * call returns (page_folio(page)): the front end records that alias. */
int mm_translate_call(const struct mm_catalogue *cat, struct mm_func *fn, int b,
		      const struct mm_call *c, struct mm_facts *facts);

/* ---- findings ---------------------------------------------------------- */

#define MM_MAX_NOTES 4

struct mm_finding {
	const char *rule;		/* "mm-rmap-before-flush", ... */
	const char *function;		/* where it is, when the front end does not know */
	void *cookie;			/* mm_unit_check(): the cookie of the function
					 * checked (mm_unit_add()), else NULL */
	struct mm_loc loc;
	char message[256];
	int nnotes;
	struct mm_loc note_loc[MM_MAX_NOTES];
	char note[MM_MAX_NOTES][1024];
};

typedef void (*mm_report_fn)(const struct mm_finding *f, void *ctx);

/* ---- the path walker (paths.c), shared by every check ------------------ */

/*
 * A check is a small state machine over one path.  The walker explores
 * (block, state) pairs depth-first, so each distinct state reaches each
 * block once: loops terminate, and a finding that needs several events on
 * one path is found whichever way the path winds.
 */
struct mm_walker {
	size_t state_size;
	void (*init)(void *state);
	/* Apply an event; return nonzero to stop following this path. */
	int (*event)(void *state, const struct mm_event *ev, void *ctx);
	/* Apply an edge's condition; return 0 if the path cannot take it.
	 * NULL: the check ignores conditions, every edge is taken. */
	int (*edge)(void *state, const struct mm_edge *e, void *ctx);
	/* A path ends (a block without successors) in this state; may be NULL. */
	void (*end)(const void *state, void *ctx);
};

/* Returns 0, or -1 if the state space exceeded its bound (incomplete).
 * A path that contradicts what an earlier branch said of a value the
 * function tests twice is not taken (paths.c). */
int mm_walk(const struct mm_func *fn, const struct mm_walker *w, void *ctx);
/* The same over every path, whatever the branches said: cheaper, and a
 * superset of mm_walk()'s paths; *visits (may be NULL): the states walked. */
int mm_walk_all_paths(const struct mm_func *fn, const struct mm_walker *w, void *ctx,
		      size_t *visits);
/* Does fn test a value twice (so that mm_walk() may take fewer paths)? */
int mm_walk_retests(const struct mm_func *fn);
/* mm_walk() without its fallback: -1 past max_visits states. */
int mm_walk_bounded(const struct mm_func *fn, const struct mm_walker *w, void *ctx,
		    size_t max_visits);

/* ---- checks -------------------------------------------------------------- */

struct mm_check_ctx {
	const struct mm_func *fn;
	const struct mm_catalogue *cat;
	mm_report_fn report;
	void *report_ctx;
	int incomplete;		/* set when a walk hit its bound */
	struct mm_seen *seen;	/* reported (rule, location) pairs */
};

void mm_check_rmap_before_flush(struct mm_check_ctx *c);
void mm_check_undo_missing(struct mm_check_ctx *c);
void mm_check_delay_rmap_anon(struct mm_check_ctx *c);
void mm_check_delay_rmap_unflushed(struct mm_check_ctx *c);
void mm_check_debug_bh(struct mm_check_ctx *c);
/* What a front end reports when it could not analyse all of a function
 * or file: not a rule of the catalogue, but disabled the same ways. */
#define MM_INCOMPLETE "mmcheck-incomplete"

/* Is f, found in a caller, wholly inside one call of a helper (its place
 * and every note's, with helper summaries applied)?  Then it is the
 * helper's own, reported where the helper is checked. */
int mm_finding_helpers_own(const struct mm_finding *f);
/* Is rule one of a comma-separated list of rule IDs (a disable= option)? */
int mm_rule_listed(const char *list, const char *rule);
/* For a -Wno-RULE option naming one of ours (mm-..., mmcheck-incomplete):
 * list with RULE added, newly allocated; else NULL.  GCC cannot register a
 * plugin's warning options, but it passes an unknown -Wno-... on to cc1
 * without complaint, so both front ends read them from the command line. */
char *mm_rule_wno(const char *list, const char *option);
/* Run every check on fn. */
void mm_check_all(const struct mm_func *fn, const struct mm_catalogue *cat,
		  mm_report_fn report, void *ctx, int *incomplete);

/* ---- function summaries (summaries.c) ---------------------------------- */

/*
 * The functions of one translation unit, checked together at its end so
 * that a call to a helper the unit defines counts as what the helper does:
 * each function is checked with its callees' summaries applied at their
 * call sites (callees first), then summarised for its own callers.  A
 * summary is the function's CFG reduced to the events the checks read;
 * recursion is cut (the inner call counts as an unknown one).
 */
struct mm_unit;

struct mm_unit *mm_unit_new(void);
/* Keep fn (copied) under its id, the name its callers' CALL events use;
 * cookie is what incomplete() below gets for it. */
void mm_unit_add(struct mm_unit *u, const char *id, const struct mm_func *fn, void *cookie);
/* Check every function kept; incomplete(cookie, ctx) for each whose walk
 * hit its bound.  Findings inside one helper call are the helper's own,
 * reported where the helper is checked, not again at each caller. */
void mm_unit_check(struct mm_unit *u, const struct mm_catalogue *cat, mm_report_fn report,
		   void *ctx, void (*incomplete)(void *cookie, void *ctx));
void mm_unit_free(struct mm_unit *u);
/* Before mm_unit_check(): write what other units need of this one into f
 * (facts.c, "xfn" records): the summary of each function other units can
 * call that has an effect, and the events of each function that starts a
 * check and calls a function this unit does not define, for the
 * whole-tree check of helpers in other files (crossunit.c). */
void mm_unit_facts(struct mm_unit *u, struct mm_facts *f);
/* Apply no summary of more than blocks blocks (default 2000): a call to
 * such a helper counts as an unknown one. */
void mm_unit_limit(struct mm_unit *u, int blocks);

/* ---- helpers of other units (crossunit.c) --------------------------------- */

/*
 * The whole-tree part of the path checks: the functions the units wrote
 * (mm_unit_facts()) checked again with the summaries of the helpers other
 * units define applied at their calls.  Only what the helpers of other
 * units add is reported: each unit reported the rest when it was built.
 */
struct mm_cross;
struct mm_fact;

struct mm_cross *mm_cross_new(void);
/* An "xfn", "xev" or "xedge" record: 0 taken, 1 not one of those, -1 bad. */
int mm_cross_fact(struct mm_cross *x, const struct mm_fact *fact);
/* Check; a walk past its bound is reported as an MM_INCOMPLETE finding. */
void mm_cross_check(struct mm_cross *x, const struct mm_catalogue *cat, mm_report_fn report,
		    void *ctx);
void mm_cross_free(struct mm_cross *x);

/* ---- BH state at acquisitions and calls (check_bh.c) --------------------- */

/* BH state at an event, over every path that reaches it. */
enum mm_bh { MM_BH_ENABLED, MM_BH_DISABLED };

/* Called once per reachable MM_EV_LOCK and MM_EV_CALL event of fn, in
 * event order: MM_BH_ENABLED if BH is enabled there on at least one path
 * (no enclosing _bh or _irq* lock, local_bh_disable(), BH-disabling guard),
 * supposing BH was enabled when fn was entered. */
typedef void (*mm_site_fn)(const struct mm_event *ev, enum mm_bh bh, void *ctx);
/* What a call to callee (its id) leaves behind: +1 BH disabled (it returns
 * holding a _bh or _irqsave lock on every path: a lock helper), -1 BH
 * enabled that it did not disable (an unlock helper), MM_BH_IF_RESULT BH
 * disabled when its result is nonzero (it returns NULL or 0 where it did
 * not take the lock: 7.2's lock_timer()), 0 none of these. */
typedef int (*mm_bh_effect_fn)(const char *callee, void *ctx);
#define MM_BH_IF_RESULT 2
/* Returns 0, or -1 if the walk hit its bound (then nothing is reported).
 * effect (may be NULL) says what the calls fn makes leave behind; cb may
 * be NULL; *leaves: what fn itself leaves behind, in the same terms. */
int mm_bh_sites(const struct mm_func *fn, mm_bh_effect_fn effect, void *effect_ctx,
		mm_site_fn cb, void *ctx, int *leaves);
/* Does any event of fn change the BH state (calls by effect)? */
int mm_bh_touches(const struct mm_func *fn, mm_bh_effect_fn effect, void *effect_ctx);

/* ---- lock facts (facts.c; format in docs/facts.md) ---------------------- */

struct mm_facts_fn {
	const char *id;
	struct mm_func fn;
	void *cookie;		/* the front end's, for its incomplete warning */
	int warned;		/* the front end already said its analysis is incomplete */
	int leaves;		/* what a call to it leaves behind (mm_bh_effect_fn) */
};

struct mm_facts {
	char *buf;		/* the text, NUL-terminated */
	size_t len, cap;
	int nrec;
	unsigned long long *edges;	/* hashes of call edges written, to write each once */
	size_t nedges, cap_edges;
	struct mm_facts_fn *fns;	/* the unit's functions, walked at its end */
	int nfns, cap_fns;
	char **owned;			/* pseudo-function ids */
	int nowned, cap_owned;
	/* The column a location is written with, where a front end's mm_loc
	 * holds a cheaper one (the GCC plugin: display columns cost a read of
	 * the line, paid only for what is written); NULL: loc->col. */
	int (*column)(const struct mm_loc *loc);
	char *tu;			/* the unit, for the IR records */
};

/* tree: the build's top directory; tu: the main input file.  Function
 * names are written as the front end gives them: name, or name@tu for a
 * static function, so that two files' statics stay apart. */
void mm_facts_begin(struct mm_facts *f, const char *tree, const char *tu);
/* zero, nonzero: what mm_param_guards() says of the event */
void mm_facts_acq(struct mm_facts *f, const char *fn, const struct mm_event *ev, enum mm_bh bh,
		  unsigned zero, unsigned nonzero);
/* ev: the MM_EV_CALL event (its constant arguments), or NULL */
void mm_facts_call(struct mm_facts *f, const char *caller, const char *callee, enum mm_bh bh,
		   const struct mm_event *ev, unsigned zero, unsigned nonzero);
/* "3=0,4!=0": parameters or arguments by what they are, NULL if none. */
const char *mm_facts_values(unsigned zero, unsigned nonzero, char *buf, size_t n);
/* The reverse; -1 if s is not such a list ("-" is the empty one). */
int mm_facts_parse_values(const char *s, unsigned *zero, unsigned *nonzero);
/* Keep fn (id: its name in the facts) for its acq and call records, which
 * mm_facts_end() writes from its BH walk once it knows what each function
 * of the unit leaves behind (unlock_timer() enables IRQs in its caller).
 * fn is moved: the caller must not use or free it after.  warned: the
 * checks already found fn's analysis incomplete (and the front end said
 * so), so that a function is called incomplete once. */
void mm_facts_function(struct mm_facts *f, const char *id, struct mm_func *fn, void *cookie,
		       int warned);
/* fn's address is taken in a function body (a callback can only be one
 * then); each function once per unit. */
void mm_facts_addr(struct mm_facts *f, const char *fn);
void mm_facts_reg(struct mm_facts *f, const char *fn, const char *callback,
		  const char *registrar, const struct mm_loc *loc);
/* Function fn stored in member of struct type (its tag, NULL if it has
 * none), by holder: a function that assigns it (sk->sk_data_ready = fn)
 * or a variable whose initializer holds it (static const struct
 * net_protocol p = { .handler = fn }).  The analysis makes it a callee of
 * every call through that member, and a softirq callback if the member is
 * a softirq_field.  Without a member, its address is just taken. */
void mm_facts_stored(struct mm_facts *f, const char *holder, const char *type,
		     const char *member, const char *fn, const struct mm_loc *loc);
/* caller passes function callback as argument arg (0-based) of a direct
 * call to callee: a callee of callee's calls through that parameter. */
void mm_facts_pass(struct mm_facts *f, const char *caller, const char *callback,
		   const char *callee, int arg);
/* caller passes the lock of class cls (a class, or "#N": its own parameter
 * N) as argument arg (1-based) of a direct call to callee: what callee's
 * acquisitions of its parameter arg ("#arg") take there. */
void mm_facts_lockarg(struct mm_facts *f, const char *caller, const char *callee, int arg,
		      const char *cls);
/* fn is the work function of the work items of class cls (INIT_WORK(&h->w,
 * fn), h->w.func = fn: "struct host::w"); caller queues work items of class
 * cls on a BH workqueue (queue_work(system_bh_wq, &h->w)).  Together they
 * make fn a softirq callback. */
void mm_facts_work(struct mm_facts *f, const char *cls, const char *fn, const struct mm_loc *loc);
void mm_facts_bhwork(struct mm_facts *f, const char *caller, const char *cls,
		     const struct mm_loc *loc);
/* caller queues work items of class cls on the workqueue wq, which is no
 * catalogue bh_workqueue but a variable or member (named as a lock is:
 * "rx_wq@", "struct usb_dev::rxwq"); wq holds a BH workqueue (it is
 * assigned what alloc_workqueue(..., WQ_BH, ...) returns).  The analysis
 * joins the two, over every unit: a bhwork where they meet. */
void mm_facts_wqwork(struct mm_facts *f, const char *caller, const char *wq, const char *cls,
		     const struct mm_loc *loc);
void mm_facts_bhwq(struct mm_facts *f, const char *wq, const struct mm_loc *loc);
/* Is name of kind (a lock_struct tag, a bh_test macro)?  O(1), as
 * mm_cat_mask(): what a front end asks per argument or expression. */
int mm_cat_is_kind(const struct mm_catalogue *cat, const char *kind, const char *name);
/* The member a work item's function is stored in (catalogue work_field:
 * work_struct.func), for a front end's member stores: type is the tag. */
int mm_cat_work_field(const struct mm_catalogue *cat, const char *type, const char *member);
/* Does this call of callee make a BH workqueue (alloc_workqueue("rx",
 * WQ_BH | WQ_PERCPU, 0): catalogue bh_workqueue_alloc, bh_workqueue bit=)?
 * value(fe, i, &v) gives argument i (0-based) as a constant, or returns 0
 * when it is none.  The front end then names where the result is stored,
 * as a lock is named, in a bhwq fact (mm_facts_bhwq()). */
int mm_cat_bh_wq_alloc(const struct mm_catalogue *cat, const char *callee, int nargs,
		       int (*value)(void *fe, int i, unsigned long long *v), void *fe);
/* The pseudo-function a call through a pointer calls, for an MM_EV_CALL
 * (owned by f): "*STRUCT.MEMBER" for w->func(w), "*FN#N" for a call
 * through FN's parameter N (1-based), okfn(net, sk, skb) in NF_HOOK(). */
const char *mm_facts_member_target(struct mm_facts *f, const char *type, const char *member);
const char *mm_facts_param_target(struct mm_facts *f, const char *fn, int arg);
/* fn runs in context ("softirq", "hardirq") whoever calls it; why: what says so. */
/* fn's blocks, events and edges as records (role: "sum", a summary for
 * calls from other units; "check", a function to check again with
 * theirs), under id, for crossunit.c. */
void mm_facts_ir(struct mm_facts *f, const char *id, const char *role, const struct mm_func *fn);
void mm_facts_ctx(struct mm_facts *f, const char *fn, const char *context, const char *why,
		  const struct mm_loc *loc);
/* Write the kept functions' records and the end record; incomplete is
 * called with the cookie of each function whose walk hit its bound (none
 * of its records are written), unless it was warned of already. */
void mm_facts_end(struct mm_facts *f, void (*incomplete)(void *cookie, void *ctx), void *ctx);
void mm_facts_free(struct mm_facts *f);
/* Write f into dir atomically; -1 with a message in err. */
int mm_facts_write_dir(const struct mm_facts *f, const char *dir, const char *tree,
		       const char *tu, char *err, size_t errlen);

#define MM_FACT_MAX_FIELDS 16

struct mm_fact {
	int nf;
	char *f[MM_FACT_MAX_FIELDS];	/* f[0]: the record type or the header magic */
};

/* Return nonzero to reject a record (the parse then fails). */
typedef int (*mm_fact_fn)(const struct mm_fact *fact, void *ctx);
/* Parse buf (modified in place): one or more blobs back to back, each a
 * header, records and an end record.  Returns 0, or -1 with a message
 * naming origin in err: foreign, truncated, or corrupt facts. */
/* The checksum an end record carries: of the blob's bytes before it. */
unsigned long long mm_facts_checksum(const char *p, size_t n);
int mm_facts_parse(char *buf, size_t len, const char *origin, mm_fact_fn cb, void *ctx,
		   char *err, size_t errlen);

/* ---- the whole-tree lock analysis (lockgraph.c) ------------------------ */
/* Catalogue kinds of functions the whole-tree analysis reads by name, at
 * analysis time: a call to one is still a call-graph edge in the facts
 * (other catalogued calls are events, not edges). */
#define MM_ANALYSIS_KINDS "softirq_cut|softirq_entry|bh_off_entry|process_cut"

struct mm_lockgraph;
/* cat (may be NULL): its softirq_cut rows are functions the softirq walk
 * does not enter (reached only on paths known to be infeasible there). */
struct mm_lockgraph *mm_lg_new(const struct mm_catalogue *cat);
/* Add the facts in buf (modified); -1 with a message on bad facts, or on
 * facts of another tree than those added before. */
int mm_lg_add(struct mm_lockgraph *g, char *buf, size_t len, const char *origin,
	      char *err, size_t errlen);
int mm_lg_units(const struct mm_lockgraph *g);
/* Notes name every call from the callback (default: the first and last few). */
void mm_lg_full_chains(struct mm_lockgraph *g, int on);
/* Report mm-lock-softirq-unsafe and mm-lock-bh-mixed, sorted by place;
 * then what the path checks find with the helpers of other units
 * (crossunit.c), when the graph has a catalogue. */
void mm_lg_analyse(struct mm_lockgraph *g, mm_report_fn report, void *ctx);
void mm_lg_free(struct mm_lockgraph *g);

/* ---- checker programs (checker.c): mmcheck-sparse, mmcheck-clang -------- */

struct mm_checker {
	const char *name;		/* "mmcheck-sparse": its messages start so */
	const char *usage;		/* --mmcheck-help */
	const char *catalogue_path;	/* --mmcheck-catalogue=, else beside the program */
	const char *disabled;		/* --mmcheck-disable=, -Wno-RULE */
	const char *facts_dir;		/* --mmcheck-facts= */
	char tree_dir[4096];		/* --mmcheck-tree=, else the working directory */
	char beside[4096];
	struct mm_catalogue catalogue;
	const char *last_function, *last_file;	/* the "In function" said last */
};

/* The options mm_checker_options() takes, for a checker's --mmcheck-help. */
#define MM_CHECKER_OPTIONS_HELP \
	"  --mmcheck-catalogue=FILE   the API catalogue (default: catalogue/mm-api.tsv\n" \
	"                             in the nearest directory above this program's)\n" \
	"  --mmcheck-disable=RULES    comma-separated rule IDs not to report; -Wno-RULE\n" \
	"                             does the same, as with the GCC plugin\n" \
	"  --mmcheck-facts=DIR        write each unit's lock facts into DIR\n" \
	"  --mmcheck-tree=ID          the build the facts belong to (default: the\n" \
	"                             working directory)\n" \
	"  --mmcheck-help             this text\n"

/* Take the checker's own options (--mmcheck-KEY=VALUE, -Wno-RULE) out of
 * argv, which keeps the compiler's; returns its new argc.  Exits for
 * --mmcheck-help and an unknown --mmcheck- option. */
int mm_checker_options(struct mm_checker *c, int argc, char **argv);
/* Load the catalogue, check the facts directory; exits on failure. */
void mm_checker_setup(struct mm_checker *c);
/* "NAME: message" on stderr and exit 1: the checker cannot run. */
void mm_checker_fail(const struct mm_checker *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3), noreturn));
/* An mm_report_fn (ctx: the checker): GCC's form, its "In function" line. */
void mm_checker_report(const struct mm_finding *f, void *ctx);
/* The checks or the facts' walk gave up on function, defined at at. */
void mm_checker_too_many_paths(const struct mm_checker *c, const struct mm_loc *at,
			       const char *function);
/* End the unit's facts and write them into the facts directory. */
void mm_checker_write_facts(const struct mm_checker *c, struct mm_facts *facts, const char *unit,
			    void (*incomplete)(void *cookie, void *ctx));

/* Helpers for checks: record one finding once per location. */
void mm_finding_init(struct mm_finding *f, const char *rule, struct mm_loc loc,
		     const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void mm_finding_note(struct mm_finding *f, struct mm_loc loc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#ifdef __cplusplus
}
#endif

#endif /* MMCORE_H */
