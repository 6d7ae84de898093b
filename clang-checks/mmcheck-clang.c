// SPDX-License-Identifier: GPL-2.0
/*
 * mmcheck-clang - the mmcheck analysis over libclang's AST, for kernels
 * built with LLVM=1: 'make LLVM=1 C=1 CHECK=mmcheck-clang' hands it the
 * clang flags of each file, as kbuild hands them to sparse.
 *
 *   --mmcheck-catalogue=FILE   the API catalogue (default: catalogue/mm-api.tsv
 *                              in the nearest directory above the program's)
 *   --mmcheck-disable=RULES    comma-separated rule IDs not to report
 *                              (or -Wno-RULE, as with the GCC plugin)
 *   --mmcheck-facts=DIR        write the unit's lock facts into DIR (docs/facts.md)
 *   --mmcheck-tree=ID          what the facts name their build by (default: the
 *                              working directory)
 *
 * libclang's C API has no CFG, so each function body is walked here and
 * turned into the core IR (core/mmcore.h) directly: blocks for if/else,
 * loops, switch, goto and labels, break/continue, return, && and ||, the
 * conditional operator and GNU statement expressions; the cleanup
 * attribute's call where a scope is left (guard(), scoped_guard()).  The
 * checks, the call classifier and the summaries of helpers are the core's,
 * as for the GCC plugin and mmcheck-sparse.  What the C API does not say
 * is worked around in one place each, and named there: an operator's kind
 * (libclang < 17, read from the source), which parts of a for(;;) are
 * present, the function a cleanup attribute names.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <clang-c/Index.h>

#include "../core/mmcore.h"
#include "ast.h"

static const char usage[];		/* below, with the options */
static struct mm_checker checker = { "mmcheck-clang", usage };
static struct mm_facts facts;
static const char *unit;		/* the file being checked, as named */
static unsigned long long delay_field_bits;
static const char *delay_name = "";
static int clears_flush;

/* ---- values: what an operand names ------------------------------------------ */

/*
 * Values are named as the other engines name them: a variable (local or
 * parameter) is its declaration, whatever is assigned to it; an address
 * computation without side effects (pages[i], tlb->mm) is its shape, so
 * two readings of it are one object; a call's result is the variable it is
 * assigned to, or a value of its own.
 */
static int var_id(CXCursor decl)
{
	return (1 << 29) + (int)(clang_hashCursor(decl) & 0xfffffff);
}

static unsigned long mix(unsigned long h, unsigned long v)
{
	return (h ^ v) * 1000003u;
}

static int next_result;		/* per function: results of calls */

static const char *function_id(CXCursor decl);

/* ---- lock classes ------------------------------------------------------------ */

/* "struct mm_struct", "union u", or a typedef's name; NULL if anonymous. */
static const char *type_name(CXType t)
{
	CXCursor d = clang_getTypeDeclaration(clang_getCanonicalType(t));
	enum CXCursorKind k = clang_getCursorKind(d);
	const char *tag;
	char *s;

	if (k != CXCursor_StructDecl && k != CXCursor_UnionDecl)
		return NULL;
	tag = spelling(d);
	if (!*tag || clang_Cursor_isAnonymous(d))
		return NULL;
	s = malloc(strlen(tag) + 8);
	sprintf(s, "%s %s", k == CXCursor_UnionDecl ? "union" : "struct", tag);
	return keep(s);
}

static int is_global(CXCursor decl)
{
	enum CX_StorageClass sc = clang_Cursor_getStorageClass(decl);

	return clang_getCursorKind(decl) == CXCursor_VarDecl &&
	       (clang_getCursorKind(clang_getCursorSemanticParent(decl)) == CXCursor_TranslationUnit ||
		sc == CX_SC_Static || sc == CX_SC_Extern);
}

static int is_same_object(CXCursor call)
{
	CXCursor callee = clang_getCursorReferenced(call);

	return !clang_Cursor_isNull(callee) &&
	       (mm_cat_mask(&checker.catalogue, spelling(callee)) & mm_cat_bits(&checker.catalogue, "same_object"));
}

/*
 * The lock class of &expr, as the GCC plugin names it (lockdep's class):
 * "struct mm_struct::context.lock" whatever the pointer to the mm_struct,
 * a global's symbol (name@unit when static) and its members.  NULL when
 * the expression does not say (a spinlock_t * parameter).
 */
struct xl;
static CXCursor held_value(struct xl *x, CXCursor e);

/* &obj held by the local pointer e, of e's pointee's type: obj (*q where
 * q = &sk->sk_receive_queue is sk->sk_receive_queue), else a null cursor. */
static CXCursor pointed_object(struct xl *x, CXCursor e)
{
	CXCursor h = strip(held_value(x, e));
	struct kids k;

	if (clang_Cursor_isNull(h) || clang_getCursorKind(h) != CXCursor_UnaryOperator ||
	    !op_is(h, "&"))
		return clang_getNullCursor();
	children(h, &k);
	if (k.n != 1 || !clang_equalTypes(clang_getCanonicalType(clang_getCursorType(k.c[0])),
					  clang_getCanonicalType(clang_getPointeeType(
						clang_getCanonicalType(clang_getCursorType(e))))))
		return clang_getNullCursor();
	return strip(k.c[0]);
}

static const char *object_class(struct xl *x, CXCursor e);

static const char *lock_class(struct xl *x, CXCursor e)
{
	struct kids k;
	int depth;

	e = strip(e);
	for (depth = 0; depth < 8; depth++) {
		CXCursor held = held_value(x, e);

		if (!clang_Cursor_isNull(held)) {	/* spinlock_t *l = &mm->context.lock */
			e = strip(held);
		} else if (clang_getCursorKind(e) == CXCursor_CallExpr && is_same_object(e)) {
			children(e, &k);	/* spinlock_check(&l): the callee, then &l */
			if (k.n < 2)
				return NULL;
			e = strip(k.c[1]);
		} else {
			break;
		}
	}
	if (clang_getCursorKind(e) != CXCursor_UnaryOperator || !op_is(e, "&"))
		return NULL;
	children(e, &k);
	if (k.n != 1)
		return NULL;
	return object_class(x, k.c[0]);
}

/* The class of the object e names, as lockdep names a lock's: by struct
 * and member path through a pointer, or a global's name and path. */
static const char *object_class(struct xl *x, CXCursor e)
{
	char path[512] = "", tmp[512];
	const char *base = NULL;
	CXCursor decl;
	struct kids k;
	int global = 0, depth;

	e = strip(e);
	for (depth = 0; depth < 32; depth++) {
		enum CXCursorKind kind = clang_getCursorKind(e);

		if (kind == CXCursor_MemberRefExpr) {
			const char *m = spelling(e);

			children(e, &k);
			if (*m) {	/* an anonymous struct: mm_struct wraps its fields in one */
				snprintf(tmp, sizeof(tmp), "%s%s%s", m, *path ? "." : "", path);
				memcpy(path, tmp, sizeof(path));
			}
			if (!k.n) {	/* a member of the implicit 'this': none in C */
				return NULL;
			}
			if (!clang_Cursor_isNull(pointed_object(x, strip(k.c[0])))) {
				e = pointed_object(x, strip(k.c[0]));
				continue;
			}
			/* p->m: the class is p's pointee type's */
			if (clang_getCursorType(strip(k.c[0])).kind == CXType_Pointer ||
			    clang_getCanonicalType(clang_getCursorType(strip(k.c[0]))).kind ==
			    CXType_Pointer) {
				base = type_name(clang_getPointeeType(clang_getCanonicalType(
						clang_getCursorType(strip(k.c[0])))));
				break;
			}
			e = strip(k.c[0]);
			continue;
		}
		if (kind == CXCursor_ArraySubscriptExpr) {
			children(e, &k);
			snprintf(tmp, sizeof(tmp), "[]%s", path);
			memcpy(path, tmp, sizeof(path));
			if (!k.n)
				return NULL;
			e = strip(k.c[0]);
			continue;
		}
		if (kind == CXCursor_DeclRefExpr) {
			decl = clang_getCursorReferenced(e);
			if (is_global(decl)) {
				base = function_id(decl);
				global = 1;
			} else {
				base = type_name(clang_getCursorType(e));
			}
		} else if (kind == CXCursor_UnaryOperator && op_is(e, "*")) {
			base = type_name(clang_getCursorType(e));
		}
		break;
	}
	if (!base || (!*path && !global))
		return NULL;
	if (!*path)
		return base;
	snprintf(tmp, sizeof(tmp), "%s%s%s", base, global ? "." : "::", path);
	return intern(tmp);
}

/* ---- function ids ---------------------------------------------------------- */

/* A function's (or a static object's) id in the facts: static ones are per
 * unit, name@unit, as the other engines write them. */
static const char *function_id(CXCursor decl)
{
	const char *name = spelling(decl);
	char *id;

	/* external: its name; static, or a function's static variable (no
	 * linkage: static DEFINE_SPINLOCK(lock) in a function), per unit */
	if (clang_getCursorLinkage(decl) == CXLinkage_External ||
	    clang_getCursorLinkage(decl) == CXLinkage_UniqueExternal)
		return name;
	id = malloc(strlen(name) + strlen(unit) + 2);
	sprintf(id, "%s@%s", name, unit);
	name = intern(id);
	free(id);
	return name;
}

/* ---- one function: the state of its translation --------------------------- */

struct cleanup {
	const char *fn;		/* the function the cleanup attribute names */
	int var;		/* the variable's value id: &var is its argument */
	CXCursor scope;		/* the statement whose end runs it */
	int level;
};

struct label {
	const char *name;
	int block;
};

struct xl {
	struct mm_func *fn;
	CXCursor decl;
	const char *id;		/* the function's id in the facts */
	int cur;		/* the block code goes into */
	int brk, cont;		/* where break and continue go, -1: nowhere */
	int brk_level, cont_level;
	int level;		/* scopes entered */
	CXCursor scope[256];	/* the statement of each: where its cleanups run */
	struct cleanup cl[64];
	int ncl;
	struct label *labels;
	int nlabels, cap_labels;
	int sw;			/* a switch's dispatch block, -1 outside one */
	int sw_default;
	struct { int var; CXCursor value; } held[32];	/* local pointers: what */
	int nheld;					/* each was last set to */
	unsigned char *live;	/* per block: reached from the entry by the edges
				 * added so far (GCC folds if (0) and code after a
				 * return away before the plugin sees them) */
	int cap_live;
	int no_addr;		/* a function named here is passed or stored, not
				 * just addressed (the facts say which) */
	int test_value;		/* the value of the last context test (in_softirq()),
				 * which an assignment copies as GCC's x = y != 0 */
};

/* A new block, dead until an edge from a live one reaches it. */
static int block(struct xl *x)
{
	int b = mm_block_add(x->fn);

	if (b >= x->cap_live) {
		x->cap_live = 2 * b + 64;
		x->live = realloc(x->live, x->cap_live);
		if (!x->live)
			abort();
	}
	x->live[b] = 0;
	return b;
}

/* Block b is reached: so is every block its edges lead to (a backward
 * goto reaches a label whose code was translated before it). */
static void make_live(struct xl *x, int b)
{
	int i;

	if (x->live[b])
		return;
	x->live[b] = 1;
	for (i = 0; i < x->fn->b[b].nsucc; i++)
		make_live(x, x->fn->b[b].succ[i].to);
}

static void edge(struct xl *x, int from, int to, enum mm_cond cond, int value, int sign)
{
	mm_edge_add_test(x->fn, from, to, cond, value, sign);
	if (x->live[from])
		make_live(x, to);
}

/* The facts of what the current block does, or NULL: none are written
 * for code no path reaches (a registration under if (0) would name a
 * callback GCC never sees, as in 7.2's swap_cluster_free_table() on s390,
 * where SWP_TABLE_USE_PAGE is a constant 0). */
static struct mm_facts *facts_here(struct xl *x)
{
	return checker.facts_dir && x->live[x->cur] ? &facts : NULL;
}

/* Go on at block to, from the current block. */
static void go(struct xl *x, int to)
{
	edge(x, x->cur, to, MM_COND_NONE, 0, 0);
	x->cur = to;
}

/* The current block ends in a jump (or never ends: a noreturn call); what
 * follows it is unreachable until a label. */
static void jump(struct xl *x, int to)
{
	if (to >= 0)
		edge(x, x->cur, to, MM_COND_NONE, 0, 0);
	x->cur = block(x);
}

static void add_event(struct xl *x, enum mm_ev kind, const char *name, int obj, int result,
		      struct mm_loc loc)
{
	struct mm_event ev = { .kind = kind, .name = name, .obj = obj, .result = result,
			       .loc = loc };

	mm_event_add(x->fn, x->cur, &ev);
}

/* An integer or pointer constant as the core reads it (a failure value,
 * by the function's result type). */
static enum mm_const constant_of(CXCursor e)
{
	long long v;

	if (!constant_value(e, &v))
		return MM_CONST_NONE;
	return !v ? MM_CONST_ZERO : v < 0 ? MM_CONST_NEGATIVE : MM_CONST_POSITIVE;
}

static enum mm_ret result_kind(CXCursor fn)
{
	CXType t = clang_getCanonicalType(clang_getResultType(clang_getCursorType(fn)));

	switch (t.kind) {
	case CXType_Bool:
		return MM_RET_BOOL;
	case CXType_Pointer:
		return MM_RET_POINTER;
	case CXType_SChar: case CXType_Char_S: case CXType_Short: case CXType_Int:
	case CXType_Long: case CXType_LongLong:
		return MM_RET_ERRNO;
	default:
		return MM_RET_OTHER;
	}
}

/* x = value: what was known of x's old value dies; value's facts hold of
 * x (value MM_NO_VALUE: a computation, nothing carries over); constant:
 * what the value is, if a constant. */
static void assign(struct xl *x, int var, int value, struct mm_loc loc, enum mm_const constant)
{
	struct mm_event ev = { .kind = MM_EV_ASSIGN, .name = "=", .obj = var,
			       .result = MM_NO_VALUE, .loc = loc, .constant = constant };

	mm_event_add(x->fn, x->cur, &ev);
	if (value != MM_NO_VALUE)
		add_event(x, MM_EV_COPY, "=", var, value, loc);
}

static int label_block(struct xl *x, const char *name)
{
	int i;

	for (i = 0; i < x->nlabels; i++)
		if (x->labels[i].name == name)
			return x->labels[i].block;
	if (x->nlabels == x->cap_labels) {
		x->cap_labels = x->cap_labels ? 2 * x->cap_labels : 16;
		x->labels = realloc(x->labels, x->cap_labels * sizeof(*x->labels));
		if (!x->labels)
			abort();
	}
	x->labels[x->nlabels].name = name;
	return x->labels[x->nlabels++].block = block(x);
}

/* Local variables and what they were last set to, so that a lock reached
 * through q = &sk->sk_receive_queue is named through sk, as the GCC
 * plugin and sparse name it. */
static void hold(struct xl *x, int var, CXCursor value)
{
	int i;

	for (i = 0; i < x->nheld && x->held[i].var != var; i++)
		;
	if (i == x->nheld && x->nheld == (int)(sizeof(x->held) / sizeof(x->held[0])))
		return;
	x->nheld += i == x->nheld;
	x->held[i].var = var;
	x->held[i].value = value;
}

static CXCursor variable(CXCursor e);
static CXCursor address_of(CXCursor e);

static CXCursor held_value(struct xl *x, CXCursor e)
{
	CXCursor v = variable(e);
	int i;

	if (x && !clang_Cursor_isNull(v))
		for (i = 0; i < x->nheld; i++)
			if (x->held[i].var == var_id(v))
				return x->held[i].value;
	return clang_getNullCursor();
}

static int expr(struct xl *x, CXCursor e);
static void stmt(struct xl *x, CXCursor s);
static void cond(struct xl *x, CXCursor e, int t, int f);
static void call_cleanup(struct xl *x, const struct cleanup *c, struct mm_loc at);
static void scope_end(struct xl *x, CXCursor s);

/* Enter a scope: cleanups declared in it run where it ends. */
static void enter(struct xl *x, CXCursor s)
{
	x->level++;
	x->scope[x->level < 255 ? x->level : 255] = s;
}

/* Leave the scopes above level: their cleanups run, innermost first. */
static void leave(struct xl *x, int level, struct mm_loc at)
{
	int i;

	for (i = x->ncl - 1; i >= 0 && x->cl[i].level > level; i--)
		call_cleanup(x, &x->cl[i], at);
}

/* The scopes a goto leaves: those whose statement does not hold the label. */
static int label_level(struct xl *x, CXCursor label)
{
	CXSourceRange lr = clang_getCursorExtent(label);
	unsigned lo, so, eo;
	int i;

	clang_getExpansionLocation(clang_getRangeStart(lr), NULL, NULL, NULL, &lo);
	for (i = x->ncl - 1; i >= 0; i--) {
		CXSourceRange sr = clang_getCursorExtent(x->cl[i].scope);

		clang_getExpansionLocation(clang_getRangeStart(sr), NULL, NULL, NULL, &so);
		clang_getExpansionLocation(clang_getRangeEnd(sr), NULL, NULL, NULL, &eo);
		if (lo >= so && lo <= eo)
			return x->cl[i].level;
	}
	return 0;
}

/* ---- calls: the core classifies them, this answers for the arguments ------ */

#define MAX_ARGS 32

struct call_view {
	struct xl *x;
	CXCursor arg[MAX_ARGS];
	int value[MAX_ARGS];
};

static int arg_value(void *fe, int i)
{
	return ((struct call_view *)fe)->value[i];
}

static const char *arg_lock_class(void *fe, int i)
{
	return lock_class(((struct call_view *)fe)->x, ((struct call_view *)fe)->arg[i]);
}

/* A global or a member, named as a lock is (system_bh_wq, "rx_wq@unit",
 * "struct usb_dev::rxwq"), or NULL: where a workqueue is kept. */
static const char *kept_in(struct xl *x, CXCursor e)
{
	e = strip(e);
	if (clang_getCursorKind(e) == CXCursor_MemberRefExpr ||
	    (clang_getCursorKind(e) == CXCursor_DeclRefExpr &&
	     is_global(clang_getCursorReferenced(e))))
		return object_class(x, e);
	return NULL;
}

/* Where argument i was loaded from (queue_work(system_bh_wq, ...),
 * queue_work(h->wq, ...)), or NULL. */
static const char *arg_loaded(void *fe, int i)
{
	return kept_in(((struct call_view *)fe)->x, ((struct call_view *)fe)->arg[i]);
}

/* Argument i of the call *fe (its children: the callee, then the
 * arguments) as a constant: alloc_workqueue()'s flags. */
static int call_bits(void *fe, int i, unsigned long long *v)
{
	struct kids k;
	long long n;

	children(*(CXCursor *)fe, &k);
	if (i + 1 >= k.n || !constant_value(k.c[i + 1], &n))
		return 0;
	*v = n;
	return 1;
}

static int is_bh_wq_call(CXCursor c)
{
	CXCursor callee = clang_getCursorReferenced(c);
	struct kids k;

	if (clang_getCursorKind(c) != CXCursor_CallExpr ||
	    clang_getCursorKind(callee) != CXCursor_FunctionDecl)
		return 0;
	children(c, &k);
	return mm_cat_bh_wq_alloc(&checker.catalogue, spelling(callee), k.n - 1, call_bits, &c);
}

static enum CXChildVisitResult find_bh_wq_call(CXCursor c, CXCursor parent, CXClientData found)
{
	if (!is_bh_wq_call(c))
		return CXChildVisit_Recurse;
	*(int *)found = 1;
	return CXChildVisit_Break;
}

/* Is e a call that makes a BH workqueue (catalogue bh_workqueue_alloc),
 * or holds one: 7.2's alloc_hooks() is a statement expression that keeps
 * the result in a local first. */
static int makes_bh_wq(CXCursor e)
{
	int found = is_bh_wq_call(strip(e));

	if (!found)
		clang_visitChildren(e, find_bh_wq_call, &found);
	return found;
}

/* Does argument i point to a lock: a struct whose tag is a lock_struct
 * row (struct spinlock, spinlock_t's)?  Tags, as the other engines see. */
static int arg_lock_ptr(void *fe, int i)
{
	CXType t = clang_getCursorType(((struct call_view *)fe)->arg[i]);
	CXCursor d;
	CXString s;
	int yes;

	t = clang_getCanonicalType(t);
	if (t.kind != CXType_Pointer)
		return 0;
	t = clang_getCanonicalType(clang_getPointeeType(t));
	if (t.kind != CXType_Record)
		return 0;
	d = clang_getTypeDeclaration(t);
	if (clang_getCursorKind(d) != CXCursor_StructDecl || clang_Cursor_isAnonymous(d))
		return 0;
	s = clang_getCursorSpelling(d);
	yes = mm_cat_is_kind(&checker.catalogue, "lock_struct", clang_getCString(s));
	clang_disposeString(s);
	return yes;
}

/* The address of a local (&tw, &s.m) is never NULL: nonzero as a
 * constant is, as the other engines say. */
static int arg_constant(void *fe, int i)
{
	CXCursor e = strip(((struct call_view *)fe)->arg[i]), d;
	long long v;
	struct kids k;

	if (clang_getCursorKind(e) == CXCursor_UnaryOperator && op_is(e, "&")) {
		children(e, &k);
		e = k.n == 1 ? strip(k.c[0]) : e;
		/* s.m: the object s; p->m (a pointer base) is no local */
		while (clang_getCursorKind(e) == CXCursor_MemberRefExpr) {
			children(e, &k);
			if (k.n != 1 || clang_getCursorType(strip(k.c[0])).kind == CXType_Pointer)
				return -1;
			e = strip(k.c[0]);
		}
		d = clang_getCursorReferenced(e);
		if (clang_getCursorKind(e) == CXCursor_DeclRefExpr &&
		    (clang_getCursorKind(d) == CXCursor_VarDecl ||
		     clang_getCursorKind(d) == CXCursor_ParmDecl) &&
		    clang_Cursor_getStorageClass(d) != CX_SC_Static &&
		    clang_Cursor_getStorageClass(d) != CX_SC_Extern &&
		    clang_getCursorKind(clang_getCursorSemanticParent(d)) == CXCursor_FunctionDecl)
			return 1;
		return -1;
	}
	return constant_value(((struct call_view *)fe)->arg[i], &v) ? v != 0 : -1;
}

/* Functions whose bodies the unit has, and those an analysed function uses
 * (calls, or takes the address of): GCC emits and analyses an inline one
 * then, and so does this. */
struct wanted {
	CXCursor *c;
	int n, cap;
};

static struct wanted wanted;

/* The unit's static functions, analysed last: those named only in code
 * no path reaches are not (GCC drops them with that code), those named
 * nowhere are (as GCC does at -O0, and sparse). */
static struct wanted statics, dead_refs;

static void add_to(struct wanted *w, CXCursor fn)
{
	if (w->n == w->cap) {
		w->cap = w->cap ? 2 * w->cap : 256;
		w->c = realloc(w->c, w->cap * sizeof(*w->c));
		if (!w->c)
			abort();
	}
	w->c[w->n++] = fn;
}

static void want(CXCursor fn)
{
	add_to(&wanted, fn);
}

static int listed_in(const struct wanted *w, CXCursor c)
{
	int i;

	for (i = 0; i < w->n; i++)
		if (clang_equalCursors(clang_getCursorDefinition(w->c[i]), c))
			return 1;
	return 0;
}

/* The function e names (fn, &fn, (cast)fn), or a null cursor. */
static CXCursor function_named(CXCursor e)
{
	CXCursor d;
	struct kids k;

	e = strip(e);
	if (clang_getCursorKind(e) == CXCursor_UnaryOperator && op_is(e, "&")) {
		children(e, &k);
		if (k.n == 1)
			e = strip(k.c[0]);
	}
	if (clang_getCursorKind(e) != CXCursor_DeclRefExpr)
		return clang_getNullCursor();
	d = clang_getCursorReferenced(e);
	return clang_getCursorKind(d) == CXCursor_FunctionDecl ? d : clang_getNullCursor();
}

/* A function pointer parameter of the function being translated, handed
 * on (NF_HOOK_LIST()'s okfn): its pseudo-function, or NULL. */
static const char *function_param(struct xl *x, CXCursor e)
{
	CXCursor d;
	CXType t;
	int i, n;

	e = strip(e);
	if (clang_getCursorKind(e) != CXCursor_DeclRefExpr)
		return NULL;
	d = clang_getCursorReferenced(e);
	t = clang_getCanonicalType(clang_getCursorType(d));
	if (clang_getCursorKind(d) != CXCursor_ParmDecl || t.kind != CXType_Pointer ||
	    clang_getPointeeType(t).kind != CXType_FunctionProto)
		return NULL;
	n = clang_Cursor_getNumArguments(x->decl);
	for (i = 0; i < n; i++)
		if (clang_equalCursors(clang_Cursor_getArgument(x->decl, i), d))
			return mm_facts_param_target(&facts, x->id, i);
	return NULL;
}

static const char *arg_function(void *fe, int i)
{
	struct call_view *cv = fe;
	CXCursor f = function_named(cv->arg[i]);

	if (!clang_Cursor_isNull(f)) {
		want(f);
		return function_id(f);
	}
	return function_param(cv->x, cv->arg[i]);
}

/*
 * The tag of the struct a member reference names the member of, as the
 * other engines and the catalogue name it: the innermost tagged struct or
 * union around it, an anonymous union belonging to its parent
 * (tasklet_struct's func).
 */
static const char *member_holder(CXCursor ref)
{
	struct kids k;
	int depth;

	for (depth = 0; depth < 16 && clang_getCursorKind(ref) == CXCursor_MemberRefExpr; depth++) {
		CXCursor rec = clang_getCursorSemanticParent(clang_getCursorReferenced(ref));
		enum CXCursorKind kind = clang_getCursorKind(rec);

		if ((kind == CXCursor_StructDecl || kind == CXCursor_UnionDecl) &&
		    !clang_Cursor_isAnonymous(rec) && *spelling(rec))
			return spelling(rec);
		children(ref, &k);
		if (!k.n)
			break;
		ref = strip(k.c[0]);
	}
	return NULL;
}

/* The pseudo-function a call through a pointer calls: through a member
 * (w->func(w): "*fib6_walker.func"), through a parameter (okfn(...)). */
static const char *pointer_target(struct xl *x, CXCursor callee)
{
	const char *param = function_param(x, callee);

	callee = strip(callee);
	if (param)
		return param;
	if (clang_getCursorKind(callee) != CXCursor_MemberRefExpr)
		return NULL;
	return mm_facts_member_target(&facts, member_holder(callee), spelling(callee));
}

/* Does a call to fn never return (__noreturn, BUG())?  The C API keeps
 * GNU noreturn in the function's type, and says it only in its spelling. */
static int noreturn(CXCursor fn)
{
	CXString s = clang_getTypeSpelling(clang_getCursorType(fn));
	int yes = strstr(clang_getCString(s), "noreturn") != NULL;

	clang_disposeString(s);
	return yes;
}

/*
 * The name written where a call made by a macro stands, when that is a
 * macro=1 name of the catalogue (6.12's pte_unmap_unlock() for its
 * spin_unlock()): the text at the expansion's place says which macro.
 */
static const char *catalogued_macro(CXCursor call, const char *callee, CXSourceLocation *at)
{
	CXSourceLocation l = clang_getCursorLocation(call);
	const char *text;
	size_t size;
	unsigned eo;
	CXFile f;

	/* a call written out has its callee's name there: no macro */
	clang_getExpansionLocation(l, &f, NULL, NULL, &eo);
	text = f ? clang_getFileContents(tu, f, &size) : NULL;
	if (!text || eo > size)
		return NULL;
	*at = l;
	return mm_cat_macro_at(&checker.catalogue, text + eo, size - eo, callee);
}

/* The mask a context test computes (in_softirq(): preempt_count() &
 * SOFTIRQ_MASK), where the catalogue's bh_test macro is written: its
 * value is the test's. */
static void context_test(struct xl *x, CXCursor e, int value)
{
	CXSourceLocation at;
	const char *name = catalogued_macro(e, NULL, &at);
	struct call_view cv = { x };
	struct mm_call c = { name, x->id, NULL, value, loc_of(e), 0, arg_value, arg_lock_class,
			     arg_function, &cv };

	if (mm_cat_is_kind(&checker.catalogue, "bh_test", name)) {
		mm_translate_call(&checker.catalogue, x->fn, x->cur, &c, NULL);
		x->test_value = value;
	}
}

/* The first call of a catalogued macro's expansion stands for the macro:
 * one event of its kind at the expansion. */
static void translate_macro(struct xl *x, CXCursor call, const char *callee)
{
	static struct mm_loc last;
	CXSourceLocation at;
	const char *name = catalogued_macro(call, callee, &at);
	struct mm_call c = { name, x->id, NULL, MM_NO_VALUE };

	if (!name)
		return;
	c.loc = loc_at(at);
	if (c.loc.file == last.file && c.loc.line == last.line && c.loc.col == last.col)
		return;
	last = c.loc;
	mm_translate_call(&checker.catalogue, x->fn, x->cur, &c, NULL);
}

/*
 * A call: its arguments first, as they are evaluated, then its event.
 * result: the value id its result gets (the variable it is assigned to),
 * MM_NO_VALUE when nobody uses it, or fresh (-2) for a value of its own.
 * Returns the value the call yields (an argument, for page_folio(page)).
 */
#define FRESH (-2)

static int translate_call(struct xl *x, CXCursor call, int result)
{
	struct call_view cv = { x };
	CXCursor callee = clang_getCursorReferenced(call);
	int direct = clang_getCursorKind(callee) == CXCursor_FunctionDecl;
	struct mm_call c = { NULL, x->id, NULL, MM_NO_VALUE, loc_of(call), 0, arg_value,
			     arg_lock_class, arg_function, &cv };
	struct kids k;
	int i, same;

	children(call, &k);
	c.constant = arg_constant;
	c.lock_ptr = arg_lock_ptr;
	c.loaded = arg_loaded;
	c.clears_flush = clears_flush;
	c.name = direct ? spelling(callee) : NULL;
	if (c.name && !strcmp(c.name, "__builtin_expect") && k.n > 1)
		return expr(x, k.c[1]);		/* likely(), unlikely(): the value itself */
	if (!direct && k.n)
		expr(x, k.c[0]);		/* ops->fn(): what computes the pointer */
	for (i = 1; i < k.n && i <= MAX_ARGS; i++) {
		CXCursor v;

		cv.arg[i - 1] = k.c[i];
		x->no_addr++;
		cv.value[i - 1] = expr(x, k.c[i]);
		x->no_addr--;
		if (!clang_Cursor_isNull(v = address_of(k.c[i])))
			cv.value[i - 1] = var_id(v);	/* &var: var, as the plugin's ids */
	}
	c.nargs = i - 1;
	if (c.name && !strncmp(c.name, "__builtin_", 10)) {
		if (!strcmp(c.name, "__builtin_unreachable") || !strcmp(c.name, "__builtin_trap"))
			jump(x, -1);
		return MM_NO_VALUE;
	}
	c.result = result == FRESH ? ++next_result : result;
	if (!direct) {
		if (facts_here(x)) {
			c.callee_id = k.n ? pointer_target(x, k.c[0]) : NULL;
			mm_translate_call(&checker.catalogue, x->fn, x->cur, &c, &facts);
		}
		return c.result;
	}
	translate_macro(x, call, c.name);
	c.callee_id = function_id(callee);
	same = mm_translate_call(&checker.catalogue, x->fn, x->cur, &c, facts_here(x));
	if (x->live[x->cur])	/* GCC emits an inline function only if used */
		want(callee);
	else
		add_to(&dead_refs, callee);
	if (noreturn(callee))
		jump(x, -1);
	if (same != MM_CALL_DONE && same < c.nargs)
		return cv.value[same];
	return c.result;
}

/*
 * The variable e takes the address of (&scope in a conditional guard's
 * class_NAME_lock_ptr(&scope)), or a null cursor.  Told by the types,
 * which every libclang gives, rather than by the operator, which libclang
 * 16 does not name inside a macro's body.
 */
static CXCursor address_of(CXCursor e)
{
	CXCursor v;
	CXType t;
	struct kids k;

	e = strip(e);
	if (clang_getCursorKind(e) != CXCursor_UnaryOperator)
		return clang_getNullCursor();
	children(e, &k);
	v = k.n == 1 ? variable(k.c[0]) : clang_getNullCursor();
	t = clang_getCursorType(e);
	if (clang_Cursor_isNull(v) || t.kind != CXType_Pointer ||
	    !clang_equalTypes(clang_getCanonicalType(clang_getPointeeType(t)),
			      clang_getCanonicalType(clang_getCursorType(k.c[0]))))
		return clang_getNullCursor();
	return v;
}

/* A cleanup attribute's call where its scope is left: fn(&var). */
static void call_cleanup(struct xl *x, const struct cleanup *cl, struct mm_loc at)
{
	struct call_view cv = { x };
	struct mm_call c = { cl->fn, x->id, cl->fn, MM_NO_VALUE, at, 1, arg_value,
			     arg_lock_class, arg_function, &cv };

	cv.arg[0] = clang_getNullCursor();
	cv.value[0] = cl->var;
	c.nargs = 0;	/* &var: nothing a lock class or callback can be read from */
	mm_translate_call(&checker.catalogue, x->fn, x->cur, &c, facts_here(x));
}

/* ---- expressions --------------------------------------------------------------- */

/* The variable (local, parameter) e names, or a null cursor. */
static CXCursor variable(CXCursor e)
{
	CXCursor d;

	e = strip(e);
	if (clang_getCursorKind(e) != CXCursor_DeclRefExpr)
		return clang_getNullCursor();
	d = clang_getCursorReferenced(e);
	if ((clang_getCursorKind(d) == CXCursor_VarDecl && !is_global(d)) ||
	    clang_getCursorKind(d) == CXCursor_ParmDecl)
		return d;
	return clang_getNullCursor();
}

/* The class of the work item whose func member base holds: base is the
 * item (h->w.func) or its address ((&h->w)->func, the kernel's INIT_WORK()). */
static const char *work_item_class(struct xl *x, CXCursor base)
{
	if (clang_getCanonicalType(clang_getCursorType(strip(base))).kind == CXType_Pointer)
		return lock_class(x, base);
	return object_class(x, base);
}

/* Each function a value stored in a member may be: fn, a function pointer
 * parameter's pseudo-function (p->okfn = okfn), either of a conditional's
 * (po->prot_hook.func = rx_ring ? tpacket_rcv : packet_rcv). */
static void init_list_facts(const char *holder_id, struct mm_loc at, CXCursor list, CXType type,
			    const char *obj, const char *outer, int depth);

static void stored_values(struct xl *x, CXCursor lhs, CXCursor v, const char *holder,
			  const char *member, struct mm_loc at, int depth)
{
	CXCursor fn = function_named(v);
	const char *param = function_param(x, v);
	struct kids k;

	v = strip(v);
	if (!clang_Cursor_isNull(fn)) {
		want(fn);
		mm_facts_stored(&facts, x->id, holder, member, function_id(fn), &at);
		/* INIT_WORK(&h->w, fn) is h->w.func = fn: the work item's class */
		if (mm_cat_work_field(&checker.catalogue, holder, member) &&
		    !clang_Cursor_isNull(lhs) && (children(lhs, &k), k.n == 1))
			mm_facts_work(&facts, work_item_class(x, k.c[0]), function_id(fn), &at);
	} else if (param) {
		mm_facts_stored(&facts, x->id, holder, member, param, &at);
	} else if (clang_getCursorKind(v) == CXCursor_ConditionalOperator && depth < 4) {
		children(v, &k);
		if (k.n == 3) {
			stored_values(x, lhs, k.c[1], holder, member, at, depth + 1);
			stored_values(x, lhs, k.c[2], holder, member, at, depth + 1);
		}
	} else if (clang_getCursorKind(v) == CXCursor_CompoundLiteralExpr) {
		/* net_hotdata.udp_protocol = (struct net_protocol){ .err_handler =
		 * udp_err }: GCC stores each member, and so do the facts */
		children(v, &k);
		if (k.n && clang_getCursorKind(k.c[k.n - 1]) == CXCursor_InitListExpr)
			init_list_facts(x->id, at, k.c[k.n - 1], clang_getCursorType(v), NULL, NULL, 0);
	}
}

/* lhs = rhs, or a declaration's initializer (lhs: the variable). */
static int assignment(struct xl *x, CXCursor lhs_var, CXCursor lhs, CXCursor rhs,
		      struct mm_loc at)
{
	CXCursor r = strip(rhs), src;
	const char *kept;
	int var, v;
	long long k;

	if (!clang_Cursor_isNull(lhs_var)) {
		var = var_id(lhs_var);
		if (clang_getCursorKind(r) == CXCursor_CallExpr) {
			/* x = call(): x's old facts die, the result is x */
			add_event(x, MM_EV_ASSIGN, "=", var, MM_NO_VALUE, at);
			v = translate_call(x, r, var);
			if (v != var && v != MM_NO_VALUE)	/* folio = page_folio(page) */
				add_event(x, MM_EV_COPY, "=", var, v, at);
			return var;
		}
		v = expr(x, rhs);
		src = variable(rhs);
		assign(x, var, clang_Cursor_isNull(src) && v != x->test_value ? MM_NO_VALUE : v, at,
		       constant_of(rhs));
		hold(x, var, rhs);
		return var;
	}
	lhs = strip(lhs);
	if (facts_here(x) && (kept = kept_in(x, lhs)) && makes_bh_wq(rhs))
		mm_facts_bhwq(&facts, kept, &at);
	x->no_addr += clang_getCursorKind(lhs) == CXCursor_MemberRefExpr;
	v = expr(x, rhs);
	x->no_addr -= clang_getCursorKind(lhs) == CXCursor_MemberRefExpr;
	if (clang_getCursorKind(lhs) == CXCursor_MemberRefExpr) {
		const char *member = spelling(lhs);

		if (constant_value(rhs, &k) && k &&
		    (mm_cat_mask(&checker.catalogue, member) & delay_field_bits)) {
			/* tlb->delayed_rmap = 1: what a macro tlb_delay_rmap() leaves */
			add_event(x, MM_EV_RMAP_DELAY, delay_name, MM_NO_VALUE, MM_NO_VALUE, at);
		} else if (facts_here(x)) {
			stored_values(x, lhs, rhs, member_holder(lhs), member, at, 0);
		}
	}
	expr(x, lhs);
	return v;
}

/* c ? a : b, and GNU a ?: b (common: a, evaluated once). */
static int conditional(struct xl *x, CXCursor test, CXCursor a, CXCursor b)
{
	int t = block(x), f = block(x), join = block(x);

	cond(x, test, t, f);
	x->cur = t;
	if (!clang_Cursor_isNull(a))
		expr(x, a);
	go(x, join);
	x->cur = f;
	expr(x, b);
	go(x, join);
	return MM_NO_VALUE;
}

/* The value of a GNU statement expression: its last statement's. */
static int statement_expr(struct xl *x, CXCursor e)
{
	struct kids k, body;
	int i;

	children(e, &k);
	if (k.n != 1 || clang_getCursorKind(k.c[0]) != CXCursor_CompoundStmt) {
		for (i = 0; i < k.n; i++)
			stmt(x, k.c[i]);
		return MM_NO_VALUE;
	}
	children(k.c[0], &body);
	if (!body.n || !is_expr(body.c[body.n - 1])) {
		stmt(x, k.c[0]);
		return MM_NO_VALUE;
	}
	enter(x, k.c[0]);
	for (i = 0; i < body.n - 1; i++)
		stmt(x, body.c[i]);
	i = expr(x, body.c[body.n - 1]);
	scope_end(x, k.c[0]);
	return i;
}

/*
 * An expression's events, in evaluation order; returns its value id: a
 * variable's, a call's result, or the shape of an address computation.
 */
static int expr(struct xl *x, CXCursor e)
{
	enum CXCursorKind kind = clang_getCursorKind(e);
	unsigned long h = kind;
	const char *op;
	struct kids k;
	int i, v;

	switch (kind) {
	case CXCursor_CallExpr:
		return translate_call(x, e, FRESH);
	case CXCursor_DeclRefExpr: {
		CXCursor d = clang_getCursorReferenced(e);

		if (clang_getCursorKind(d) == CXCursor_FunctionDecl) {
			if (!x->live[x->cur]) {
				add_to(&dead_refs, d);
				return MM_NO_VALUE;
			}
			want(d);	/* an address taken: a callback can only be one then */
			if (facts_here(x) && !x->no_addr)
				mm_facts_addr(&facts, function_id(d));
			return MM_NO_VALUE;
		}
		if (!clang_Cursor_isNull(variable(e)))
			return var_id(d);
		return (1 << 21) + (int)(clang_hashCursor(d) & 0xfffff);
	}
	case CXCursor_IntegerLiteral:
	case CXCursor_CharacterLiteral:
	case CXCursor_StringLiteral:
	case CXCursor_FloatingLiteral:
	case CXCursor_UnaryExpr:	/* sizeof, alignof: not evaluated */
		return MM_NO_VALUE;
	case CXCursor_StmtExpr:
		return statement_expr(x, e);
	case CXCursor_ConditionalOperator:
		children(e, &k);
		return k.n == 3 ? conditional(x, k.c[0], k.c[1], k.c[2]) : MM_NO_VALUE;
	case CXCursor_BinaryOperator:
	case CXCursor_CompoundAssignOperator:
		children(e, &k);
		if (k.n != 2)
			break;
		op = operator_of(e);
		if (!strcmp(op, "&&") || !strcmp(op, "||")) {
			int t = block(x), f = block(x), join = block(x);

			cond(x, e, t, f);
			x->cur = t;
			go(x, join);
			x->cur = f;
			go(x, join);
			return MM_NO_VALUE;
		}
		if (!strcmp(op, "=")) {
			assignment(x, variable(k.c[0]), k.c[0], k.c[1], loc_of(e));
			return MM_NO_VALUE;
		}
		if (!strcmp(op, ",")) {
			expr(x, k.c[0]);
			return expr(x, k.c[1]);
		}
		h = mix(h, expr(x, k.c[0]));
		h = mix(h, expr(x, k.c[1]));
		if (is_assign_op(op) && !clang_Cursor_isNull(variable(k.c[0])))
			assign(x, var_id(variable(k.c[0])), MM_NO_VALUE, loc_of(e), MM_CONST_NONE);
		v = (1 << 30) + (int)(mix(h, op[0]) & 0x3fffffff);
		if (!strcmp(op, "&"))
			context_test(x, e, v);
		return v;
	case CXCursor_UnaryOperator:
		children(e, &k);
		if (k.n != 1)
			break;
		op = operator_of(e);
		v = expr(x, k.c[0]);
		if ((!strcmp(op, "++") || !strcmp(op, "--")) && !clang_Cursor_isNull(variable(k.c[0])))
			assign(x, v, MM_NO_VALUE, loc_of(e), MM_CONST_NONE);
		if (!strcmp(op, "__extension__") || !strcmp(op, "+"))
			return v;
		return (1 << 30) + (int)(mix(mix(h, v), op[0]) & 0x3fffffff);
	case CXCursor_MemberRefExpr:
		children(e, &k);
		h = mix(h, (unsigned long)spelling(e));
		for (i = 0; i < k.n; i++)
			h = mix(h, expr(x, k.c[i]));
		return (1 << 30) + (int)(h & 0x3fffffff);
	case CXCursor_ArraySubscriptExpr:
		children(e, &k);
		for (i = 0; i < k.n; i++)
			h = mix(h, expr(x, k.c[i]));
		return (1 << 30) + (int)(h & 0x3fffffff);
	case CXCursor_ParenExpr:
	case CXCursor_CStyleCastExpr:
		children(e, &k);
		for (i = v = 0, v = MM_NO_VALUE; i < k.n; i++)
			if (is_expr(k.c[i]))
				v = expr(x, k.c[i]);
		return v;
	case CXCursor_UnexposedExpr:
		children(e, &k);
		if (k.n == 1)
			return expr(x, k.c[0]);		/* an implicit cast */
		if (k.n == 4)	/* a ?: b: the common part, its opaque copies, b */
			return conditional(x, k.c[0], clang_getNullCursor(), k.c[3]);
		break;
	default:
		break;
	}
	/* anything else: its parts, in order; no value of its own */
	children(e, &k);
	for (i = 0; i < k.n; i++)
		if (is_expr(k.c[i]))
			expr(x, k.c[i]);
		else if (clang_getCursorKind(k.c[i]) == CXCursor_CompoundStmt)
			stmt(x, k.c[i]);
	return MM_NO_VALUE;
}

/* ---- conditions ------------------------------------------------------------------ */

static int is_zero(CXCursor e)
{
	long long v;

	return constant_value(e, &v) && v == 0;
}

/*
 * Branch to t or f on e.  && and || branch test by test; !e swaps; a test
 * of a value against 0 says on which edge the call whose result it is
 * succeeded (0) or failed: if (ret < 0), if (!folio_test_anon(folio)).
 */
static void cond(struct xl *x, CXCursor e, int t, int f)
{
	enum mm_cond on_t = MM_COND_FAILURE, on_f = MM_COND_SUCCESS, swap;
	enum CXCursorKind kind;
	const char *op = "";
	struct kids k;
	int value, sign = 0, mid;
	long long v;

	e = strip(e);
	kind = clang_getCursorKind(e);
	children(e, &k);
	if (kind == CXCursor_BinaryOperator || kind == CXCursor_UnaryOperator)
		op = operator_of(e);
	if (kind == CXCursor_UnaryOperator && !strcmp(op, "!") && k.n == 1) {
		cond(x, k.c[0], f, t);
		return;
	}
	if (kind == CXCursor_BinaryOperator && k.n == 2 && (!strcmp(op, "&&") || !strcmp(op, "||"))) {
		mid = block(x);
		if (!strcmp(op, "&&"))
			cond(x, k.c[0], mid, f);
		else
			cond(x, k.c[0], t, mid);
		x->cur = mid;
		cond(x, k.c[1], t, f);
		return;
	}
	if (kind == CXCursor_CallExpr && k.n == 3 &&
	    !strcmp(spelling(clang_getCursorReferenced(e)), "__builtin_expect")) {
		cond(x, k.c[1], t, f);	/* if (unlikely(ret)) */
		return;
	}
	if (constant_value(e, &v)) {	/* if (0), while (1), IS_ENABLED(): as GCC folds it */
		go(x, v ? t : f);
		return;
	}
	if (kind == CXCursor_BinaryOperator && k.n == 2 && is_zero(k.c[1]) &&
	    (!strcmp(op, "==") || !strcmp(op, "!=") || !strcmp(op, "<") || !strcmp(op, ">="))) {
		value = expr(x, k.c[0]);
		sign = op[0] == '<' || op[0] == '>';
		if (op[0] == '=' || op[0] == '>') {
			swap = on_t;
			on_t = on_f;
			on_f = swap;
		}
	} else if (kind == CXCursor_BinaryOperator && k.n == 2 &&
		   (!strcmp(op, "==") || !strcmp(op, "!=") || !strcmp(op, "<") ||
		    !strcmp(op, ">") || !strcmp(op, "<=") || !strcmp(op, ">="))) {
		value = expr(x, e);	/* a comparison with something else than 0 */
		on_t = on_f = MM_COND_NONE;
	} else {
		value = expr(x, e);
	}
	edge(x, x->cur, t, on_t, value, sign);
	edge(x, x->cur, f, on_f, value, sign);
}

/* ---- statements ------------------------------------------------------------------- */

/* A cleanup attribute's function: written out, read from the source; made
 * by a macro (guard()), the C API does not say it and the variable's type
 * does: class_spinlock_t runs class_spinlock_destructor (catalogue
 * guard_type rows). */
static const char *cleanup_function(CXCursor attr, CXCursor var)
{
	CXToken *tok;
	unsigned n, i;
	const char *fn = NULL;
	char buf[160];
	CXString s;

	clang_tokenize(tu, clang_getCursorExtent(attr), &tok, &n);
	for (i = 0; i + 2 < n && !fn; i++) {
		CXString w = clang_getTokenSpelling(tu, tok[i]);
		const char *ws = clang_getCString(w);

		if ((!strcmp(ws, "cleanup") || !strcmp(ws, "__cleanup__"))) {
			CXString name = clang_getTokenSpelling(tu, tok[i + 2]);

			fn = intern(clang_getCString(name));
			clang_disposeString(name);
		}
		clang_disposeString(w);
	}
	clang_disposeTokens(tu, tok, n);
	if (fn)
		return fn;
	s = clang_getTypeSpelling(clang_getCursorType(var));
	fn = mm_cat_guard_dtor(&checker.catalogue, clang_getCString(s), buf, sizeof(buf));
	clang_disposeString(s);
	return fn ? intern(fn) : NULL;
}

static void declaration(struct xl *x, CXCursor var, CXCursor scope)
{
	struct kids k;
	const char *fn = NULL;
	int i;

	children(var, &k);
	for (i = 0; i < k.n; i++) {
		if (clang_getCursorKind(k.c[i]) == CXCursor_UnexposedAttr)
			fn = fn ? fn : cleanup_function(k.c[i], var);
		else if (is_expr(k.c[i]) && clang_getCursorKind(var) == CXCursor_VarDecl &&
			 clang_Cursor_getStorageClass(var) != CX_SC_Static)
			assignment(x, var, var, k.c[i], loc_of(var));
	}
	if (fn && x->ncl == (int)(sizeof(x->cl) / sizeof(x->cl[0])))
		too_large = 1;
	if (fn && x->ncl < (int)(sizeof(x->cl) / sizeof(x->cl[0]))) {
		struct cleanup c = { fn, var_id(var), scope, x->level };

		x->cl[x->ncl++] = c;
	}
}

/* Leave the innermost scope where it ends. */
static void scope_end(struct xl *x, CXCursor s)
{
	leave(x, x->level - 1, end_of(s));
	while (x->ncl && x->cl[x->ncl - 1].level >= x->level)
		x->ncl--;
	x->level--;
}

/* The parts of for (init; cond; inc) body that are there: libclang skips
 * an empty part, and does not say which one it skipped.  All three or
 * none are the common cases; otherwise a part that assigns is init or
 * inc, and one that tests is cond. */
static void for_parts(struct kids *k, CXCursor *init, CXCursor *test, CXCursor *inc)
{
	int n = k->n - 1, i, assigns[3];

	*init = *test = *inc = clang_getNullCursor();
	for (i = 0; i < n && i < 3; i++) {
		CXCursor c = strip(k->c[i]);
		const char *op = clang_getCursorKind(c) == CXCursor_BinaryOperator ||
				 clang_getCursorKind(c) == CXCursor_CompoundAssignOperator ||
				 clang_getCursorKind(c) == CXCursor_UnaryOperator ? operator_of(c) : "";

		assigns[i] = clang_getCursorKind(c) == CXCursor_DeclStmt || is_assign_op(op) ||
			     !strcmp(op, "++") || !strcmp(op, "--") || !strcmp(op, ",");
	}
	if (n == 3) {
		*init = k->c[0];
		*test = k->c[1];
		*inc = k->c[2];
	} else if (n == 2) {
		if (assigns[0])
			*init = k->c[0];
		else
			*test = k->c[0];
		if (assigns[0] && !assigns[1])
			*test = k->c[1];
		else
			*inc = k->c[1];
	} else if (n == 1) {
		if (assigns[0])
			*init = k->c[0];
		else
			*test = k->c[0];
	}
}

/* The test where it runs: at the head, after the body's first entry (a
 * do-while's test is translated after its body, so that the head is
 * already reached and what the test calls has its facts). */
static void loop_test(struct xl *x, int head, CXCursor test, int in, int out)
{
	x->cur = head;
	if (clang_Cursor_isNull(test))
		go(x, in);
	else
		cond(x, test, in, out);
}

static void loop(struct xl *x, CXCursor test, CXCursor body, CXCursor inc, int test_first)
{
	int head = block(x), in = block(x), next = block(x), out = block(x);
	int brk = x->brk, cont = x->cont, bl = x->brk_level, cl = x->cont_level;

	go(x, test_first ? head : in);
	if (test_first)
		loop_test(x, head, test, in, out);
	x->cur = in;
	x->brk = out;
	x->cont = next;
	x->brk_level = x->cont_level = x->level;
	stmt(x, body);
	go(x, next);
	if (!clang_Cursor_isNull(inc))
		expr(x, inc);
	go(x, head);
	if (!test_first)
		loop_test(x, head, test, in, out);
	x->cur = out;
	x->brk = brk;
	x->cont = cont;
	x->brk_level = bl;
	x->cont_level = cl;
}

static void switch_stmt(struct xl *x, CXCursor s, struct kids *k)
{
	int sw = x->sw, def = x->sw_default, brk = x->brk, bl = x->brk_level;
	int out = block(x);

	expr(x, k->c[0]);
	x->sw = x->cur;
	x->sw_default = 0;
	x->brk = out;
	x->brk_level = x->level;
	x->cur = block(x);	/* before the first case: unreachable */
	stmt(x, k->c[k->n - 1]);
	go(x, out);
	if (!x->sw_default)
		edge(x, x->sw, out, MM_COND_NONE, 0, 0);
	x->cur = out;
	x->sw = sw;
	x->sw_default = def;
	x->brk = brk;
	x->brk_level = bl;
}

/* return e: the value, where it is written (the other engines' place). */
static void returned(struct xl *x, CXCursor e)
{
	int v = expr(x, e);
	struct mm_event ev = { .kind = MM_EV_RETURN, .name = "return",
			       .obj = clang_Cursor_isNull(variable(e)) ? MM_NO_VALUE : v,
			       .result = MM_NO_VALUE, .loc = loc_of(e), .constant = constant_of(e) };

	mm_event_add(x->fn, x->cur, &ev);
}

static enum CXChildVisitResult each_statement(CXCursor c, CXCursor parent, CXClientData x)
{
	stmt(x, c);
	return CXChildVisit_Continue;
}

static void stmt(struct xl *x, CXCursor s)
{
	enum CXCursorKind kind = clang_getCursorKind(s);
	CXCursor init, test, inc, target;
	struct kids k;
	int i, t, f, join;

	if (is_expr(s)) {
		if (kind == CXCursor_CallExpr)
			translate_call(x, s, MM_NO_VALUE);	/* its result unused */
		else
			expr(x, s);
		return;
	}
	if (kind != CXCursor_CompoundStmt)	/* visited one at a time below */
		children(s, &k);
	switch (kind) {
	case CXCursor_CompoundStmt:
		/* one statement at a time, as libclang visits them: a block
		 * may hold any number of statements */
		enter(x, s);
		clang_visitChildren(s, each_statement, x);
		scope_end(x, s);
		break;
	case CXCursor_DeclStmt:
		for (i = 0; i < k.n; i++)
			if (clang_getCursorKind(k.c[i]) == CXCursor_VarDecl)
				declaration(x, k.c[i], x->scope[x->level < 255 ? x->level : 255]);
		break;
	case CXCursor_IfStmt:
		if (k.n < 2)
			break;
		t = block(x);
		f = block(x);
		join = k.n > 2 ? block(x) : f;
		cond(x, k.c[0], t, f);
		x->cur = t;
		stmt(x, k.c[1]);
		go(x, join);
		if (k.n > 2) {
			x->cur = f;
			stmt(x, k.c[2]);
			go(x, join);
		}
		x->cur = join;
		break;
	case CXCursor_WhileStmt:
		if (k.n == 2)
			loop(x, k.c[0], k.c[1], clang_getNullCursor(), 1);
		break;
	case CXCursor_DoStmt:
		if (k.n == 2)
			loop(x, k.c[1], k.c[0], clang_getNullCursor(), 0);
		break;
	case CXCursor_ForStmt:
		if (!k.n)
			break;
		for_parts(&k, &init, &test, &inc);
		enter(x, s);	/* for (CLASS(...) scope = ...; ...): scoped_guard() */
		if (!clang_Cursor_isNull(init))
			stmt(x, init);
		loop(x, test, k.c[k.n - 1], inc, 1);
		scope_end(x, s);
		break;
	case CXCursor_SwitchStmt:
		if (k.n >= 2)
			switch_stmt(x, s, &k);
		break;
	case CXCursor_CaseStmt:
	case CXCursor_DefaultStmt:
		if (x->sw < 0 || !k.n)
			break;
		t = block(x);
		go(x, t);
		edge(x, x->sw, t, MM_COND_NONE, 0, 0);
		x->sw_default |= kind == CXCursor_DefaultStmt;
		stmt(x, k.c[k.n - 1]);
		break;
	case CXCursor_BreakStmt:
		leave(x, x->brk_level, loc_of(s));
		jump(x, x->brk);
		break;
	case CXCursor_ContinueStmt:
		leave(x, x->cont_level, loc_of(s));
		jump(x, x->cont);
		break;
	case CXCursor_ReturnStmt:
		for (i = 0; i < k.n; i++)
			if (is_expr(k.c[i]))
				returned(x, k.c[i]);
		leave(x, 0, loc_of(s));
		jump(x, -1);
		break;
	case CXCursor_LabelStmt:
		go(x, label_block(x, spelling(s)));
		for (i = 0; i < k.n; i++)
			stmt(x, k.c[i]);
		break;
	case CXCursor_GotoStmt:
		target = clang_getCursorReferenced(s);
		t = label_block(x, spelling(target));
		leave(x, label_level(x, target), loc_of(s));
		if (mm_cat_prefix(&checker.catalogue, "abort_label", spelling(target))) {
			/* goto out_abort: the undo check's abort path starts here */
			add_event(x, MM_EV_ABORT_JUMP, "goto", MM_NO_VALUE, MM_NO_VALUE, loc_of(s));
		}
		jump(x, t);
		break;
	case CXCursor_IndirectGotoStmt:
		jump(x, -1);	/* goto *p: the kernel has a handful, none in mm */
		break;
	default:	/* null statements, asm: nothing the checks read */
		for (i = 0; i < k.n; i++)
			if (is_expr(k.c[i]))
				expr(x, k.c[i]);
		break;
	}
}

/* ---- one function ------------------------------------------------------------------ */

/* What the warnings about a function need after its translation. */
struct analysed {
	const char *name;
	struct mm_loc loc;
	int warned;
};

static struct mm_unit *unit_fns;

/* A callback by its signature: a struct rcu_head * first parameter (and
 * the like), or a hardirq handler's irqreturn_t. */
static void signature_facts(CXCursor fn, const char *id)
{
	CXType ret = clang_getResultType(clang_getCursorType(fn));
	const char *names[4], *context, *first = NULL;
	struct mm_loc at = loc_of(fn);
	char why[160];
	int n = 0;

	/* the return type by each of its names: typedef, then tag */
	while (ret.kind == CXType_Typedef || ret.kind == CXType_Elaborated) {
		if (ret.kind == CXType_Typedef && n < 4)
			names[n++] = spelling(clang_getTypeDeclaration(ret));
		ret = ret.kind == CXType_Typedef ?
		      clang_getTypedefDeclUnderlyingType(clang_getTypeDeclaration(ret)) :
		      clang_Type_getNamedType(ret);
	}
	if (clang_getTypeDeclaration(ret).kind == CXCursor_EnumDecl && n < 4)
		names[n++] = spelling(clang_getTypeDeclaration(ret));
	if (clang_Cursor_getNumArguments(fn) > 0) {
		CXType t = clang_getCanonicalType(clang_getCursorType(clang_Cursor_getArgument(fn, 0)));
		CXCursor d = t.kind == CXType_Pointer ?
			     clang_getTypeDeclaration(clang_getCanonicalType(clang_getPointeeType(t))) :
			     clang_getNullCursor();

		if (clang_getCursorKind(d) == CXCursor_StructDecl && !clang_Cursor_isAnonymous(d))
			first = spelling(d);
	}
	context = mm_cat_callback_context(&checker.catalogue, names, n, first, why, sizeof(why));
	if (context)
		mm_facts_ctx(&facts, id, context, intern(why), &at);
}

static CXCursor body_of(CXCursor fn)
{
	struct kids k;
	int i;

	children(fn, &k);
	for (i = k.n - 1; i >= 0; i--)
		if (clang_getCursorKind(k.c[i]) == CXCursor_CompoundStmt)
			return k.c[i];
	return clang_getNullCursor();
}

static void check_function(CXCursor decl)
{
	struct analysed *a = malloc(sizeof(*a));
	struct xl x = { 0 };
	struct mm_func fn;
	int i, n;

	if (!a)
		abort();
	x.fn = &fn;
	x.decl = decl;
	x.id = function_id(decl);
	x.brk = x.cont = x.sw = -1;
	x.test_value = MM_NO_VALUE;
	a->name = spelling(decl);
	a->loc = loc_of(decl);
	a->warned = 0;
	next_result = 0;
	mm_func_init(&fn, a->name);
	fn.ret = result_kind(decl);
	n = clang_Cursor_getNumArguments(decl);
	for (i = 0; i < n; i++)
		mm_func_param(&fn, var_id(clang_Cursor_getArgument(decl, i)));
	x.cur = block(&x);	/* block 0: the entry */
	x.live[x.cur] = 1;
	too_large = 0;
	stmt(&x, body_of(decl));
	if (too_large && !mm_rule_listed(checker.disabled, MM_INCOMPLETE)) {
		a->warned = 1;
		fprintf(stderr, "%s:%d:%d: warning: mmcheck: '%s' has a construct too large for "
			"mmcheck-clang; analysis incomplete [" MM_INCOMPLETE "]\n", a->loc.file,
			a->loc.line, a->loc.col, a->name);
	}
	free(x.labels);
	free(x.live);
	keep((char *)a);
	mm_unit_add(unit_fns, x.id, &fn, a);	/* checked at the unit's end */
	if (checker.facts_dir) {	/* walked at the unit's end */
		signature_facts(decl, x.id);
		mm_facts_function(&facts, x.id, &fn, a, 0);
		return;
	}
	mm_func_free(&fn);
}

/* ---- which functions: the unit's, and the inline ones they use ------------- */

/* Definitions analysed, by cursor hash (open addressing). */
struct done_slot {
	CXCursor c;
	int used;
};

static struct done_slot *done;
static unsigned done_size, done_used;

static int analysed_already(CXCursor c);

/* Was definition c analysed (without marking it)? */
static int analysed(CXCursor c)
{
	unsigned i;

	for (i = done_size ? clang_hashCursor(c) & (done_size - 1) : 0; done_size && done[i].used;
	     i = (i + 1) & (done_size - 1))
		if (clang_equalCursors(done[i].c, c))
			return 1;
	return 0;
}

static int analysed_already(CXCursor c)
{
	unsigned i, n = done_size;

	if (2 * (done_used + 1) > done_size) {
		struct done_slot *old = done;

		done_size = n ? 2 * n : 1024;
		done = calloc(done_size, sizeof(*done));
		if (!done)
			abort();
		done_used = 0;
		for (i = 0; i < n; i++)
			if (old[i].used)
				analysed_already(old[i].c);
		free(old);
	}
	for (i = clang_hashCursor(c) & (done_size - 1); done[i].used; i = (i + 1) & (done_size - 1))
		if (clang_equalCursors(done[i].c, c))
			return 1;
	done[i].c = c;
	done[i].used = 1;
	done_used++;
	return 0;
}

static void analyse(CXCursor fn)
{
	CXCursor def = clang_getCursorDefinition(fn);

	if (!clang_Cursor_isNull(def) && !analysed_already(def))
		check_function(def);
}

/* An aggregate's initializer: the functions it stores, by the struct and
 * member that hold each (static const struct net_protocol p = { .handler
 * = tcp_v4_rcv }), so that an ops table's softirq handlers are
 * registrations too. */
static void initializer_facts(CXCursor var, CXCursor init, CXType type, int depth);

static enum CXChildVisitResult top_level(CXCursor c, CXCursor parent, CXClientData data)
{
	enum CXCursorKind k = clang_getCursorKind(c);

	if (k == CXCursor_FunctionDecl && clang_isCursorDefinition(c) &&
	    !clang_Cursor_isFunctionInlined(c)) {
		if (clang_getCursorLinkage(c) == CXLinkage_Internal)
			add_to(&statics, c);
		else
			analyse(c);
	}
	else if (k == CXCursor_VarDecl && checker.facts_dir && clang_isCursorDefinition(c))
		initializer_facts(c, c, clang_getCursorType(c), 0);
	return CXChildVisit_Continue;
}

struct fields {
	CXCursor f[128];
	int n;
};

static enum CXVisitorResult field(CXCursor c, CXClientData data)
{
	struct fields *fs = data;

	if (fs->n < 128)
		fs->f[fs->n++] = c;
	return CXVisit_Continue;
}

/* The tag of the struct a field is in; an anonymous one's: outer's. */
static const char *field_holder(CXCursor f, const char *outer)
{
	CXCursor rec = clang_getCursorSemanticParent(f);

	if (clang_getCursorKind(rec) == CXCursor_StructDecl && !clang_Cursor_isAnonymous(rec) &&
	    *spelling(rec))
		return spelling(rec);
	return outer;
}

/* The class of obj's member name (an anonymous one's: obj's own), as
 * object_class() names it; NULL for an array's elements. */
static const char *member_of(const char *obj, int array, const char *name)
{
	char tmp[512];

	if (!obj || array)
		return NULL;
	if (!name)
		return obj;
	snprintf(tmp, sizeof(tmp), "%s.%s", obj, name);
	return intern(tmp);
}

/* The functions an initializer list stores, by who stores them (holder_id:
 * a variable whose initializer it is, or the function that assigns a
 * compound literal) and where.  obj: the class of the object the list
 * initializes (NULL in an array), so that a work item's function
 * (DECLARE_WORK(): .func of a static work_struct) is the item's. */
static void init_list_facts(const char *holder_id, struct mm_loc at, CXCursor list, CXType type,
			    const char *obj, const char *outer, int depth)
{
	struct fields fs = { .n = 0 };
	struct kids k, d;
	int i, next = 0, array;

	type = clang_getCanonicalType(type);
	array = type.kind == CXType_ConstantArray || type.kind == CXType_IncompleteArray;
	if (!array)
		clang_Type_visitFields(type, field, &fs);
	children(list, &k);
	for (i = 0; i < k.n && depth < 16; i++) {
		CXCursor value = k.c[i], f = clang_getNullCursor(), fn;
		const char *holder = outer, *name = NULL;
		CXType ft = array ? clang_getArrayElementType(type) : type;

		children(value, &d);
		if (!array && clang_getCursorKind(value) == CXCursor_UnexposedExpr && d.n > 1 &&
		    clang_getCursorKind(d.c[0]) == CXCursor_MemberRef) {
			f = clang_getCursorReferenced(d.c[d.n - 2]);	/* .a.b = v: b */
			value = d.c[d.n - 1];
		} else if (array && clang_getCursorKind(value) == CXCursor_UnexposedExpr && d.n > 1) {
			value = d.c[d.n - 1];				/* [2] = v */
		} else if (!array && next < fs.n) {
			f = fs.f[next++];
		}
		if (!clang_Cursor_isNull(f)) {
			ft = clang_getCursorType(f);
			holder = field_holder(f, outer);
			name = *spelling(f) ? spelling(f) : NULL;
		}
		if (clang_getCursorKind(strip(value)) == CXCursor_InitListExpr) {
			/* an array's elements, an anonymous member: the same holder */
			init_list_facts(holder_id, at, strip(value), ft, member_of(obj, array, name),
					!name ? holder : NULL, depth + 1);
			continue;
		}
		fn = function_named(value);
		if (clang_Cursor_isNull(fn))
			continue;
		want(fn);
		mm_facts_stored(&facts, holder_id, holder, name, function_id(fn), &at);
		if (obj && mm_cat_work_field(&checker.catalogue, holder, name))
			mm_facts_work(&facts, obj, function_id(fn), &at);
	}
}

static void initializer_facts(CXCursor var, CXCursor init, CXType type, int depth)
{
	struct kids k;
	int i;

	children(var, &k);
	for (i = 0; i < k.n; i++)
		if (clang_getCursorKind(k.c[i]) == CXCursor_InitListExpr)
			init_list_facts(function_id(var), loc_of(var), k.c[i], type,
					function_id(var), NULL, depth);
}

/* ---- reporting ------------------------------------------------------------------------ */

/* The checks or the facts' walk gave up: said once per function. */
static void incomplete_warning(void *cookie, void *ctx)
{
	struct analysed *a = cookie;

	if (a->warned)
		return;
	a->warned = 1;
	mm_checker_too_many_paths(&checker, &a->loc, a->name);
}

/* ---- options and main ------------------------------------------------------------------ */

static const char usage[] =
"usage: mmcheck-clang [clang options] [--mmcheck-OPTION=VALUE...] FILE.c...\n"
"\n"
"The mmcheck analysis over libclang's AST, for kernels built with clang:\n"
"  make LLVM=1 C=1 CHECK=/path/to/mmcheck-clang [CF=--mmcheck-facts=DIR]\n"
"\n"
MM_CHECKER_OPTIONS_HELP
"\n"
"Findings are warnings on standard error, file:line:col, with notes; columns\n"
"count a tab to the next multiple of 8, as GCC and sparse print them.\n"
"Exit status: 0 when every file was analysed (findings do not fail a C=1\n"
"build); 2 when a file could not be (clang's errors are printed, no facts are\n"
"written for it); 1 when mmcheck-clang cannot run: a bad option, an\n"
"unreadable catalogue, an unwritable facts directory.\n";

/* sparse's options in kbuild's CHECKFLAGS, which clang does not take */
static int sparse_only(const char *a)
{
	return !strncmp(a, "--arch=", 7) || !strcmp(a, "-Wbitwise") || !strcmp(a, "-Wno-return-void") ||
	       !strcmp(a, "-Wno-unknown-attribute") || !strcmp(a, "-mbig-endian") ||
	       !strcmp(a, "-mlittle-endian") || !strcmp(a, "-Wno-bitwise") ||
	       !strcmp(a, "-Wcontext") || !strcmp(a, "-Wno-context");
}

/* Options whose value is the next argument: no input file. */
static int takes_value(const char *a)
{
	static const char *const with[] = { "-o", "-MF", "-MT", "-MQ", "-include", "-imacros",
					    "-I", "-isystem", "-iquote", "-idirafter", "-isysroot",
					    "-iprefix", "-iwithprefix", "-iwithprefixbefore",
					    "-imultilib", "-target", "-x", "-D", "-U", "-Xclang",
					    "-Xpreprocessor", "-Xassembler", "--param", NULL };
	int i;

	for (i = 0; with[i]; i++)
		if (!strcmp(a, with[i]))
			return 1;
	return 0;
}

/* Take the input files and sparse's flags out of what the checker's own
 * options left: clang gets the rest. */
static int inputs(int argc, char **argv, char **files, int *nfiles)
{
	int i, j = 1;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (sparse_only(a))
			continue;
		else if (a[0] != '-' && !(j > 1 && takes_value(argv[j - 1])))
			files[(*nfiles)++] = argv[i];	/* kbuild's checker probe has no .c */
		else
			argv[j++] = argv[i];
	}
	argv[j] = NULL;
	return j;
}

/* clang's errors, as clang prints them; nonzero if there was one. */
static int parse_errors(void)
{
	unsigned i, n = clang_getNumDiagnostics(tu);
	int errors = 0;

	for (i = 0; i < n; i++) {
		CXDiagnostic d = clang_getDiagnostic(tu, i);

		if (clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error) {
			CXString s = clang_formatDiagnostic(d, clang_defaultDiagnosticDisplayOptions());

			fprintf(stderr, "%s\n", clang_getCString(s));
			clang_disposeString(s);
			errors++;
		}
		clang_disposeDiagnostic(d);
	}
	return errors;
}

/* Does the unit define a catalogue no_deferred_flush macro (s390's
 * CONFIG_MMU_GATHER_NO_GATHER)?  Then no TLB flush is ever deferred.  The
 * C API has no macro table: a macro definition is a cursor of the
 * preprocessing record, which the parse keeps (DetailedPreprocessingRecord). */
static enum CXChildVisitResult find_macros(CXCursor c, CXCursor parent, CXClientData data)
{
	if (clang_getCursorKind(c) == CXCursor_MacroDefinition &&
	    mm_cat_is(&checker.catalogue, "no_deferred_flush", spelling(c)))
		*(int *)data = 1;
	return CXChildVisit_Continue;
}

static int check_file(CXIndex index, const char *file, int argc, char **argv)
{
	enum CXErrorCode rc;
	int i, j;

	size_t n = strlen(file);

	unit = file;
	/* kbuild's checker probe (scripts/checker-valid.sh) is a mktemp file:
	 * no .c, which the clang driver would take for an object to link */
	if (n < 2 || strcmp(file + n - 2, ".c")) {
		argv[argc++] = "-x";
		argv[argc++] = "c";
	}
	rc = clang_parseTranslationUnit2(index, file, (const char *const *)argv + 1, argc - 1,
					 NULL, 0, CXTranslationUnit_DetailedPreprocessingRecord, &tu);
	if (n < 2 || strcmp(file + n - 2, ".c"))
		argv[argc -= 2] = NULL;
	if (rc != CXError_Success) {
		fprintf(stderr, "%s: error: libclang could not parse this file (error %d) "
			"[" MM_INCOMPLETE "]\n", file, rc);
		return 2;
	}
	if (parse_errors()) {
		clang_disposeTranslationUnit(tu);
		return 2;	/* clang said why; nothing is written for it */
	}
	clears_flush = 0;
	clang_visitChildren(clang_getTranslationUnitCursor(tu), find_macros, &clears_flush);
	if (checker.facts_dir)
		mm_facts_begin(&facts, checker.tree_dir, unit);
	unit_fns = mm_unit_new();
	wanted.n = 0;
	clang_visitChildren(clang_getTranslationUnitCursor(tu), top_level, NULL);
	/* inline and static functions reached from what was analysed,
	 * transitively; then the statics nothing names */
	for (i = 0; i < wanted.n; i++)
		analyse(wanted.c[i]);
	for (j = 0; j < statics.n; j++)
		if (!analysed(statics.c[j]) && !listed_in(&dead_refs, statics.c[j]))
			for (analyse(statics.c[j]); i < wanted.n; i++)
				analyse(wanted.c[i]);
	statics.n = dead_refs.n = 0;
	if (checker.facts_dir)
		mm_unit_facts(unit_fns, &facts);
	mm_unit_check(unit_fns, &checker.catalogue, mm_checker_report, &checker, incomplete_warning);
	mm_unit_free(unit_fns);
	if (checker.facts_dir)
		mm_checker_write_facts(&checker, &facts, unit, incomplete_warning);
	free(done);
	done = NULL;
	done_size = done_used = 0;
	clang_disposeTranslationUnit(tu);
	return 0;
}

/* argv with room for two more arguments (check_file()'s "-x c"). */
static char **args_with_room(int argc, char **argv)
{
	char **more = calloc(argc + 3, sizeof(*more));

	if (!more)
		abort();
	memcpy(more, argv, argc * sizeof(*argv));
	return more;
}

int main(int argc, char **argv)
{
	char **files = calloc(argc, sizeof(*files));
	CXIndex index;
	int i, nfiles = 0, status = 0;

	argc = mm_checker_options(&checker, argc, argv);
	argc = inputs(argc, argv, files, &nfiles);
	argv = args_with_room(argc, argv);
	mm_checker_setup(&checker);
	delay_field_bits = mm_cat_bits(&checker.catalogue, "rmap_delay_field");
	delay_name = mm_cat_first(&checker.catalogue, "rmap_delay");
	if (!nfiles)
		mm_checker_fail(&checker, "no input file (see --mmcheck-help)");
	index = clang_createIndex(0, 0);
	for (i = 0; i < nfiles; i++)
		if (check_file(index, files[i], argc, argv))
			status = 2;
	clang_disposeIndex(index);
	return status;
}
