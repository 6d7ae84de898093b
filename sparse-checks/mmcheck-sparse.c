// SPDX-License-Identifier: GPL-2.0
/*
 * mmcheck-sparse - the mmcheck analysis as a sparse checker, for
 * 'make C=1 CHECK=mmcheck-sparse' in a kernel tree (any ARCH: sparse needs
 * no cross compiler).
 *
 * It takes exactly the arguments kbuild gives sparse, and its own, which
 * sparse never sees:
 *   --mmcheck-catalogue=FILE   the API catalogue (default: catalogue/mm-api.tsv
 *                              in the nearest directory above the program's)
 *   --mmcheck-disable=RULES    comma-separated rule IDs not to report
 *                              (or -Wno-RULE, as with the GCC plugin)
 *   --mmcheck-facts=DIR        write the unit's lock facts into DIR (docs/facts.md)
 *   --mmcheck-tree=ID          what the facts name their build by (default: the
 *                              working directory)
 * (kbuild passes extra arguments through CF=, e.g. CF=--mmcheck-facts=/tmp/f).
 *
 * Each function is linearized by sparse and translated into the core IR
 * (core/mmcore.h); the core's checks and call classifier are the ones the
 * GCC plugin runs.  Calls to inline functions are kept as calls, as the
 * plugin sees them before inlining: sparse would otherwise paste
 * spin_lock()'s body where its name should be.  Findings are printed in
 * sparse's file:line:col form, with a note per step of their path.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib.h"
#include "allocate.h"
#include "token.h"
#include "parse.h"
#include "symbol.h"
#include "expression.h"
#include "linearize.h"
#include "scope.h"
#include "evaluate.h"
#include "expand.h"

#include "../core/mmcore.h"
#include "cleanups.h"

static const char usage[];		/* below, with the options */
static struct mm_checker checker = { "mmcheck-sparse", usage };
static struct mm_facts facts;
static const char *unit;		/* the file being checked, as named */
static unsigned long long delay_field_bits;
static const char *delay_name = "";

/* ---- names and places --------------------------------------------------- */

static struct mm_loc loc_of(struct position pos)
{
	struct mm_loc loc = { stream_name(pos.stream), pos.line, pos.pos, 0, NULL };

	return loc;
}

/* The identifier's own storage (NUL-terminated by sparse): ident_name()
 * returns a buffer it reuses, and the IR keeps names. */
static const char *ident_name(const struct ident *id)
{
	return id ? id->name : NULL;
}

/* A function's id in the facts: static functions are per unit. */
static const char *function_id(struct symbol *sym)
{
	const char *name = ident_name(sym->ident);
	char *id;

	if (!name || !(sym->ctype.modifiers & MOD_STATIC))
		return name;
	id = malloc(strlen(name) + strlen(unit) + 2);
	sprintf(id, "%s@%s", name, unit);
	return id;		/* lives as long as the facts that name it */
}

static struct symbol *strip_node(struct symbol *t)
{
	while (t && (t->type == SYM_NODE || t->type == SYM_TYPEOF))
		t = t->ctype.base_type;
	return t;
}

/* The type a pointer-typed symbol or type points to. */
static struct symbol *pointee(struct symbol *t)
{
	t = strip_node(t);
	return t && t->type == SYM_PTR ? strip_node(t->ctype.base_type) : NULL;
}

/* ---- values: what an operand names ---------------------------------------- */

/*
 * Values are named as the GCC plugin names them before SSA: a pseudo that
 * carries a local variable's identifier is that variable (the ident is
 * sparse's, one per name), and each definition of it is an assignment;
 * a pseudo without one is its own value.  So pteval, assigned in three
 * branches, is one object where set_pte_at() restores it, and a phi
 * source is an assignment and a copy, unless it copies a variable to
 * itself.  An alias made by page_folio(page) is kept in priv (id + 1).
 */
static int variable_id(pseudo_t p)
{
	return (1 << 29) + (int)(((unsigned long)p->ident >> 4) & 0xfffffff);
}

/* The structure of an address computation: two loads of pages[i] in one
 * function are one object, as they are in the source (the plugin does the
 * same with GIMPLE). */
static unsigned long shape(pseudo_t p, int depth)
{
	struct instruction *def;
	unsigned long h;

	if (!p || depth > 8)
		return 0;
	switch (p->type) {
	case PSEUDO_VAL:
		return (unsigned long)p->value * 2654435761u;
	case PSEUDO_ARG:
		return 0x9e3779b9u + p->nr;
	case PSEUDO_SYM:
		return (unsigned long)p->sym;
	case PSEUDO_REG:
		break;
	default:
		return p->nr * 40503u;
	}
	def = p->def;
	if (!def || !(def->opcode == OP_LOAD || (def->opcode >= OP_BINARY &&
						 def->opcode <= OP_BINARY_END) ||
		      (def->opcode >= OP_UNOP && def->opcode <= OP_UNOP_END)))
		return p->nr * 40503u;
	h = def->opcode * 31u + (def->opcode == OP_LOAD ? def->offset : 0);
	h = h * 1000003u ^ shape(def->src1, depth + 1);	/* a load: load_id() */
	if (def->opcode >= OP_BINARY && def->opcode <= OP_BINARY_END)
		h = h * 1000003u ^ shape(def->src2, depth + 1);
	return h;
}

/* The value id of a load from offset of addr (value_id() of its target). */
static int load_id(pseudo_t addr, int offset)
{
	unsigned long h = (OP_LOAD * 31u + offset) * 1000003u ^ shape(addr, 1);

	return (1 << 30) + (int)(h & 0x3fffffff);
}

static int value_id(pseudo_t p)
{
	if (!p)
		return MM_NO_VALUE;
	if (p->priv)
		return (int)(long)p->priv - 1;
	if ((p->type == PSEUDO_REG || p->type == PSEUDO_PHI) && p->ident)
		return variable_id(p);
	if (p->type == PSEUDO_REG && p->def && p->def->opcode == OP_LOAD)
		return (1 << 30) + (int)(shape(p, 0) & 0x3fffffff);
	switch (p->type) {
	case PSEUDO_REG:
	case PSEUDO_PHI:
		return p->nr;
	case PSEUDO_ARG:
		return (1 << 20) + p->nr;
	case PSEUDO_SYM:
		return (1 << 21) + (int)((unsigned long)p->sym >> 4 & 0xfffff);
	default:
		return MM_NO_VALUE;
	}
}

static pseudo_t nth_pseudo(struct pseudo_list *list, int n)
{
	pseudo_t p;
	int i = 0;

	FOR_EACH_PTR(list, p) {
		if (i++ == n)
			return p;
	} END_FOR_EACH_PTR(p);
	return NULL;
}

static struct symbol *nth_symbol(struct symbol_list *list, int n)
{
	struct symbol *s;
	int i = 0;

	FOR_EACH_PTR(list, s) {
		if (i++ == n)
			return s;
	} END_FOR_EACH_PTR(s);
	return NULL;
}

/* The symbol whose address p is (unoptimized IR keeps a symaddr). */
static struct symbol *symbol_of(pseudo_t p)
{
	if (p && p->type == PSEUDO_REG && p->def && p->def->opcode == OP_SYMADDR)
		p = p->def->src;
	return p && p->type == PSEUDO_SYM ? p->sym : NULL;
}

/* ---- locks: the class of an address --------------------------------------- */

static struct symbol *analysed_fn;

/* The instruction that defines p, or NULL (an argument, a symbol, a
 * constant). */
static struct instruction *def_of(pseudo_t p)
{
	return p && p->type == PSEUDO_REG ? p->def : NULL;
}

/* What the pointer p points to, and how far into it: p = base + offset. */
static struct symbol *points_into(pseudo_t p, long long *offset, struct symbol **global)
{
	int depth;

	*offset = 0;
	*global = NULL;
	for (depth = 0; p && depth < 16; depth++) {
		struct instruction *def = def_of(p);

		if (p->type == PSEUDO_SYM) {
			*global = p->sym;
			return strip_node(p->sym->ctype.base_type);
		}
		if (p->type == PSEUDO_ARG)
			return pointee(nth_symbol(strip_node(analysed_fn->ctype.base_type)->arguments,
						  p->nr - 1));
		if (!def)
			return NULL;
		if (def->opcode == OP_SYMADDR) {
			p = def->src;
		} else if (def->opcode == OP_ADD && def->src2->type == PSEUDO_VAL) {
			*offset += def->src2->value;
			p = def->src1;
		} else if (def->opcode == OP_LOAD) {
			return pointee(def->type);
		} else if (def->opcode == OP_PTRCAST) {
			/* (struct bucket *)head, container_of(): the offset walked so far
			 * is into the type cast to */
			return pointee(def->type);
		} else if (def->opcode == OP_COPY) {
			p = def->src;
		} else if (def->opcode == OP_CALL && def->func->type == PSEUDO_SYM &&
			   (mm_cat_mask(&checker.catalogue, ident_name(def->func->sym->ident)) &
			    mm_cat_bits(&checker.catalogue, "same_object"))) {
			p = nth_pseudo(def->arguments, 0);
		} else {
			/* a call's result (f = flow_of(skb)), a phi, an index not
			 * constant: the offset so far is into what its type points to */
			return pointee(def->type);
		}
	}
	return NULL;
}

/* Does member m hold the byte at offset of its struct (a member of size
 * 0 holds its first)? */
static int covers(struct symbol *m, long long offset)
{
	struct symbol *mt = strip_node(m->ctype.base_type);
	long long size = mt ? bits_to_bytes(mt->bit_size) : 0;

	return offset >= m->offset && offset < m->offset + (size > 0 ? size : 1);
}

/* The member path to the lock type at offset inside type t ("context.lock"). */
static int member_path(struct symbol *t, long long offset, struct symbol *lock,
		       char *path, size_t n)
{
	struct symbol *m;

	if (!t || (t->type != SYM_STRUCT && t->type != SYM_UNION))
		return 0;
	FOR_EACH_PTR(t->symbol_list, m) {
		struct symbol *mt = strip_node(m->ctype.base_type);
		long long start = m->offset;
		size_t len;

		if (!covers(m, offset))
			continue;
		if (!m->ident) {	/* an anonymous struct: mm_struct wraps its fields in one */
			if (member_path(mt, offset - start, lock, path, n))
				return 1;
			continue;
		}
		len = strlen(path);
		snprintf(path + len, n - len, "%s%s", len ? "." : "", ident_name(m->ident));
		if (offset == start && mt == lock)
			return 1;
		if (member_path(mt, offset - start, lock, path, n))
			return 1;
		path[len] = '\0';
	} END_FOR_EACH_PTR(m);
	return 0;
}

/* spin_lock_irqsave(&t->it_lock) is _raw_spin_lock_irqsave(spinlock_check(
 * &t->it_lock)), and sparse inlines the __always_inline spinlock_check():
 * its result, &lock->rlock, names the lock the catalogue's same_object row
 * says it is (member=rlock), as GCC's plugin names it: it_lock. */
static void same_object_member(char *path)
{
	size_t n = strlen(path), m;
	int i;

	for (i = 0; i < checker.catalogue.n; i++) {
		const char *member = checker.catalogue.e[i].member;

		if (!member || strcmp(checker.catalogue.e[i].kind, "same_object"))
			continue;
		m = strlen(member);
		if (n >= m && !strcmp(path + n - m, member) && (n == m || path[n - m - 1] == '.')) {
			path[n > m ? n - m - 1 : 0] = '\0';
			return;
		}
	}
}

/* A class reached through a pointer to t: "struct mm_struct::context.lock". */
static const char *class_through_pointer(struct symbol *t, const char *path)
{
	char *cls = malloc(strlen(path) + 256);

	sprintf(cls, "%s %s::%s", t->type == SYM_UNION ? "union" : "struct", ident_name(t->ident),
		path);
	return cls;
}

/* An object in a global, named as a lock there is: "g", or "g.path". */
static const char *in_global(struct symbol *global, const char *path)
{
	char *cls;

	if (!*path)
		return function_id(global);
	cls = malloc(strlen(path) + 256);
	sprintf(cls, "%s.%s", function_id(global), path);
	return cls;
}

static const char *lock_class_of(pseudo_t p, struct symbol *lock)
{
	struct symbol *t, *global;
	char path[512] = "";
	long long offset;

	t = points_into(p, &offset, &global);
	if (!t || !lock)
		return NULL;
	if (global && t == lock && !offset)
		return function_id(global);	/* a global lock: its symbol */
	if (!member_path(t, offset, lock, path, sizeof(path)) || (!global && !t->ident))
		return NULL;
	same_object_member(path);
	if (global)
		return in_global(global, path);
	return *path ? class_through_pointer(t, path) : NULL;
}

/* The class of the object of type obj at offset in an object of type t
 * reached through a pointer: "struct host::w", named as a lock is. */
static const char *object_class(struct symbol *t, long long offset, struct symbol *obj)
{
	char path[512] = "";

	if (!t || !t->ident || !member_path(t, offset, obj, path, sizeof(path)) || !*path)
		return NULL;
	return class_through_pointer(t, path);
}

/* ---- where a call starts ------------------------------------------------- */

/* One source line, from the last file read and an index of its lines
 * (a unit's calls are mostly in one file, in order). */
static const char *source_line(const char *file, int line)
{
	static char *text, *name;
	static const char **start;
	static int nlines;
	size_t len;
	char *p;
	FILE *f;

	if (!name || strcmp(name, file)) {
		free(text);
		free(name);
		free(start);
		text = NULL;
		start = NULL;
		nlines = 0;
		name = strdup(file);
		f = fopen(file, "r");
		if (f) {
			text = malloc(1 << 20);
			len = text ? fread(text, 1, (1 << 20) - 1, f) : 0;
			fclose(f);
			if (text) {
				text[len] = '\0';
				for (p = text; p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
					nlines++;
				start = malloc(nlines * sizeof(*start));
				nlines = 0;
				for (p = text; start && p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
					start[nlines++] = p;
			}
		}
	}
	return start && line >= 1 && line <= nlines ? start[line - 1] : NULL;
}

/* The byte of line at display column col (tabs to 8, as sparse counts). */
static int byte_at(const char *line, int col)
{
	int byte, c;

	for (byte = 0, c = 1; line[byte] && line[byte] != '\n' && c < col; byte++)
		c = line[byte] == '\t' ? (c + 7) / 8 * 8 + 1 : c + 1;
	return byte;
}

/*
 * Sparse places a call at its '('; GCC at the callee, or for a call a
 * macro made, at the macro's name: guard(spinlock)(&l) is reported at
 * "guard".  Step back from the '(' over blanks, one balanced (...) and
 * the name before it.  Columns count tabs to 8, as both print them.
 */
static int call_column(struct position pos)
{
	const char *line = source_line(stream_name(pos.stream), pos.line);
	int byte, col, start, depth;

	if (!line)
		return pos.pos;
	byte = byte_at(line, pos.pos);
	if (line[byte] != '(')
		return pos.pos;
	start = byte;
	while (start > 0 && (line[start - 1] == ' ' || line[start - 1] == '\t'))
		start--;
	if (start > 0 && line[start - 1] == ')') {
		for (depth = 0, start--; start > 0; start--) {
			depth += line[start] == ')' ? 1 : line[start] == '(' ? -1 : 0;
			if (!depth)
				break;
		}
	}
	while (start > 0 && (isalnum((unsigned char)line[start - 1]) || line[start - 1] == '_'))
		start--;
	for (byte = 0, col = 1; byte < start; byte++)
		col = line[byte] == '\t' ? (col + 7) / 8 * 8 + 1 : col + 1;
	return col;
}

/* A constant as the core reads it (a failure value, by the result type). */
/* bits: the instruction's size; sparse keeps -12 in an int as 0xfffffff4. */
static enum mm_const constant_of(pseudo_t p, unsigned bits)
{
	long long v;

	if (!p || p->type != PSEUDO_VAL)
		return MM_CONST_NONE;
	v = p->value;
	if (bits > 0 && bits < 64)
		v = (long long)((unsigned long long)v << (64 - bits)) >> (64 - bits);
	if (!v)
		return MM_CONST_ZERO;
	return v < 0 ? MM_CONST_NEGATIVE : MM_CONST_POSITIVE;
}

/* x = value: facts of x's old value die, value's hold of x (value may be
 * NULL: a computation, nothing carries over). */
static void assign(struct mm_func *fn, int b, pseudo_t x, pseudo_t value, struct position pos,
		   unsigned bits)
{
	struct mm_event ev = { .kind = MM_EV_ASSIGN, .name = "=", .obj = value_id(x),
			       .result = MM_NO_VALUE, .loc = loc_of(pos),
			       .constant = constant_of(value, bits) };

	mm_event_add(fn, b, &ev);
	if (!value || value_id(value) == MM_NO_VALUE)
		return;
	ev.kind = MM_EV_COPY;
	ev.result = value_id(value);
	mm_event_add(fn, b, &ev);
}

/* ---- calls: the core classifies them, this answers for the arguments ---- */

struct call_view {
	struct instruction *insn;
	struct symbol *callee;
};

static int in_memory_local(pseudo_t p)
{
	return p && p->type == PSEUDO_SYM && p->sym &&
	       !(p->sym->ctype.modifiers & (MOD_TOPLEVEL | MOD_STATIC | MOD_EXTERN));
}

/* &var of a local kept in memory is var's value, what store_local() says
 * its loads give (the plugin, too, names var for &var). */
static int arg_value(void *fe, int i)
{
	pseudo_t p = nth_pseudo(((struct call_view *)fe)->insn->arguments, i);
	struct instruction *d = def_of(p);

	if (d && d->opcode == OP_SYMADDR && in_memory_local(d->src))
		return load_id(d->src, 0);
	return value_id(p);
}

static const char *kept_at(pseudo_t addr, long long off, struct symbol *want);

/* Where argument i was loaded from (queue_work(system_bh_wq, ...),
 * queue_work(h->wq, ...)), named as a lock is, or NULL. */
static const char *arg_loaded(void *fe, int i)
{
	pseudo_t p = nth_pseudo(((struct call_view *)fe)->insn->arguments, i);
	struct instruction *d = def_of(p);

	return d && d->opcode == OP_LOAD ? kept_at(d->src, d->offset, d->type) : NULL;
}

/* Does argument i point to a lock: the callee's parameter a pointer to a
 * struct whose tag is a lock_struct row (struct spinlock: sparse keeps no
 * typedef name)? */
static int arg_lock_ptr(void *fe, int i)
{
	struct call_view *cv = fe;
	struct symbol *fntype = strip_node(cv->callee->ctype.base_type);
	struct symbol *param = fntype ? nth_symbol(fntype->arguments, i) : NULL;
	struct symbol *t = param ? pointee(param) : NULL;

	return t && t->type == SYM_STRUCT && t->ident &&
	       mm_cat_is_kind(&checker.catalogue, "lock_struct", ident_name(t->ident));
}

/* true, 1, NULL, 0: a constant's value, as 0 or not; -1 for the rest.
 * The address of a local (&tw) is never NULL: nonzero as a constant is. */
static int arg_constant(void *fe, int i)
{
	pseudo_t p = nth_pseudo(((struct call_view *)fe)->insn->arguments, i);

	pseudo_t sym = p && p->type == PSEUDO_REG && p->def && p->def->opcode == OP_SYMADDR ?
		       p->def->src : NULL;

	if (sym && sym->type == PSEUDO_SYM && sym->sym &&
	    !(sym->sym->ctype.modifiers & (MOD_TOPLEVEL | MOD_STATIC | MOD_EXTERN)))
		return 1;
	if (!p || p->type != PSEUDO_VAL)
		return -1;
	return p->value != 0;
}

static const char *arg_lock_class(void *fe, int i)
{
	struct call_view *cv = fe;
	struct symbol *fntype = strip_node(cv->callee->ctype.base_type);
	struct symbol *param = fntype ? nth_symbol(fntype->arguments, i) : NULL;

	return lock_class_of(nth_pseudo(cv->insn->arguments, i), param ? pointee(param) : NULL);
}

static const char *caller_id;
static struct symbol_list *wanted;	/* inline functions some analysed one uses */

/* A function whose address an analysed one takes (passes, stores): GCC
 * emits it, an inline one too, and so analyses it (6.12's
 * xfrm4_rcv_encap_finish(), an okfn, passes xfrm4_rcv_encap_finish2() on
 * to xfrm_trans_queue()). */
static const char *address_taken(struct symbol *fn)
{
	add_symbol(&wanted, fn);
	return function_id(fn);
}

/* What p is a copy of (with casts: or a pointer cast of), back to the
 * first value that is neither. */
static pseudo_t copy_source(pseudo_t p, int casts)
{
	struct instruction *def = def_of(p);

	while (def && (def->opcode == OP_COPY || (casts && def->opcode == OP_PTRCAST))) {
		p = def->src;
		def = def_of(p);
	}
	return p;
}

/* A function pointer parameter of the analysed function handed on
 * (NF_HOOK_LIST()'s okfn, passed to nf_hook_state_init()), as the
 * pseudo-function of that parameter, or NULL. */
static const char *function_param(pseudo_t p)
{
	struct symbol *param, *t;

	p = copy_source(p, 1);
	if (!p || p->type != PSEUDO_ARG)
		return NULL;
	param = nth_symbol(strip_node(analysed_fn->ctype.base_type)->arguments, p->nr - 1);
	t = param ? pointee(param->ctype.base_type) : NULL;
	return t && t->type == SYM_FN ? mm_facts_param_target(&facts, caller_id, p->nr - 1) : NULL;
}

static const char *arg_function(void *fe, int i)
{
	pseudo_t arg = nth_pseudo(((struct call_view *)fe)->insn->arguments, i);
	struct symbol *sym = symbol_of(arg);
	struct symbol *t = sym ? strip_node(sym->ctype.base_type) : NULL;

	return t && t->type == SYM_FN ? address_taken(sym) : function_param(arg);
}
static int clears_flush;		/* per unit: see unit_clears_flush() */

static int macro_defined(const char *name, void *ctx)
{
	struct symbol *macro = lookup_symbol(built_in_ident(name), NS_MACRO);

	return macro && macro->namespace == NS_MACRO;
}

/* Does the unit define a catalogue no_deferred_flush macro (s390's
 * CONFIG_MMU_GATHER_NO_GATHER)?  Then no TLB flush is ever deferred. */
static int unit_clears_flush(void)
{
	return mm_cat_any(&checker.catalogue, "no_deferred_flush", macro_defined, NULL);
}

static struct symbol *leaf_member(struct symbol *t, long long offset, struct symbol **holder,
				  struct symbol *want);

/* The pseudo-function a call through pointer p calls: through a member
 * (w->func(w): "*fib6_walker.func"), through a parameter of the function
 * being translated (okfn(net, sk, skb) in NF_HOOK()), or NULL. */
static const char *pointer_target(pseudo_t p)
{
	struct instruction *def;
	struct symbol *t, *global, *container = NULL, *m;
	long long offset;

	p = copy_source(p, 0);
	def = def_of(p);
	if (p->type == PSEUDO_ARG)
		return mm_facts_param_target(&facts, caller_id, p->nr - 1);
	if (!def || def->opcode != OP_LOAD)
		return NULL;
	t = points_into(def->src, &offset, &global);
	m = t ? leaf_member(t, offset + def->offset, &container, def->type) : NULL;
	if (!m || !m->ident)
		return NULL;
	return mm_facts_member_target(&facts, container ? ident_name(container->ident) : NULL,
				      ident_name(m->ident));
}

/*
 * The name written where a call made by a macro stands: sparse gives the
 * tokens of an expansion the place of the macro's name, so the source
 * there says which macro it was ("pte_unmap_unlock" for its spin_unlock()).
 * NULL unless that is a macro=1 name of the catalogue other than callee.
 */
static const char *catalogued_macro(struct position pos, const char *callee)
{
	const char *line = source_line(stream_name(pos.stream), pos.line);
	int byte;

	if (!line)
		return NULL;
	byte = byte_at(line, pos.pos);
	return mm_cat_macro_at(&checker.catalogue, line + byte, strcspn(line + byte, "\n"), callee);
}

/* The first call of a catalogued macro's expansion stands for the macro:
 * one event of its kind, at the expansion (its other calls add nothing). */
static void translate_macro(struct mm_func *fn, int b, struct position pos, const char *callee)
{
	static struct position last;
	const char *name = catalogued_macro(pos, callee);
	struct mm_call c = { name, caller_id, NULL, MM_NO_VALUE, loc_of(pos) };

	if (!name || (pos.stream == last.stream && pos.line == last.line && pos.pos == last.pos))
		return;
	last = pos;
	mm_translate_call(&checker.catalogue, fn, b, &c, NULL);
}

static void translate_call(struct mm_func *fn, int b, struct instruction *insn)
{
	struct call_view cv = { insn, NULL };
	/* a result nobody uses is no result: swap_duplicate(entry); unchecked */
	int used = insn->target && ptr_list_size((struct ptr_list *)insn->target->users);
	struct mm_call c = { NULL, caller_id, NULL, used ? value_id(insn->target) : MM_NO_VALUE,
			     loc_of(insn->pos),
			     pseudo_list_size(insn->arguments), arg_value, arg_lock_class,
			     arg_function, &cv };
	int same;

	c.constant = arg_constant;
	c.lock_ptr = arg_lock_ptr;
	c.loaded = arg_loaded;
	if (insn->func->type != PSEUDO_SYM && checker.facts_dir) {
		c.callee_id = pointer_target(insn->func);
		mm_translate_call(&checker.catalogue, fn, b, &c, &facts);
		return;
	}
	if (insn->func->type != PSEUDO_SYM || !insn->func->sym->ident)
		return;
	cv.callee = insn->func->sym;
	c.name = ident_name(cv.callee->ident);
	translate_macro(fn, b, insn->pos, c.name);
	c.clears_flush = clears_flush;
	c.loc.col = call_column(insn->pos);
	c.callee_id = function_id(cv.callee);
	/* x = call(): what was known of x's old value no longer holds */
	if (used && insn->target->ident)
		assign(fn, b, insn->target, NULL, insn->pos, insn->size);
	same = mm_translate_call(&checker.catalogue, fn, b, &c, checker.facts_dir ? &facts : NULL);
	if (same != MM_CALL_DONE && insn->target && same < c.nargs)
		insn->target->priv = (void *)(long)(arg_value(&cv, same) + 1);
	/* analysed too, if inline, as GCC emits and analyses it: an API
	 * such as tlb_flush_mmu_tlbonly() is an event here, but its body
	 * takes locks of its own (s390's __tlb_flush_mm_lazy()) */
	add_symbol(&wanted, cv.callee);
}

/* ---- stores: a delay flag, a softirq callback in a field ---------------- */

static void add_event(struct mm_func *fn, int b, enum mm_ev kind, const char *name,
		      struct position pos)
{
	struct mm_event ev = { .kind = kind, .name = name, .obj = MM_NO_VALUE,
			       .result = MM_NO_VALUE, .loc = loc_of(pos) };

	mm_event_add(fn, b, &ev);
}

/* The value of a constant expression of the IR (the optimizer is off, so
 * sparse leaves 1 << 2 unfolded); 0 if p is not one. */
static int const_value(pseudo_t p, long long *v, int depth)
{
	struct instruction *d = def_of(p);
	long long a, b;

	if (p && p->type == PSEUDO_VAL) {
		*v = p->value;
		return 1;
	}
	if (!d || depth > 8)
		return 0;
	/* the opcode first: only these hold pseudos where src1 and src2 are */
	switch (d->opcode) {
	case OP_ZEXT: case OP_SEXT: case OP_TRUNC:
		if (!const_value(d->src1, &a, depth + 1))
			return 0;
		*v = d->size < 64 ? a & ((1LL << d->size) - 1) : a;
		return 1;
	case OP_SHL: case OP_LSR: case OP_OR: case OP_AND:
		if (!const_value(d->src1, &a, depth + 1) || !const_value(d->src2, &b, depth + 1))
			return 0;
		*v = d->opcode == OP_SHL ? a << b : d->opcode == OP_LSR ? a >> b :
		     d->opcode == OP_OR ? a | b : a & b;
		return 1;
	default:
		return 0;
	}
}

/*
 * The member a store writes, if it writes a nonzero constant there.  A
 * bitfield is stored as (old & ~mask) | (value << shift): the constant
 * bits of the second operand say which field, and that it is set.
 */
static const char *set_member(struct instruction *insn)
{
	pseudo_t value = insn->target;	/* a store's value is its "target" */
	struct instruction *d = def_of(value);
	struct symbol *t, *global, *m;
	long long offset, bits;
	int bitfield = d && d->opcode == OP_OR && const_value(d->src2, &bits, 0);

	if (!bitfield && !const_value(value, &bits, 0))
		return NULL;
	t = points_into(insn->src, &offset, &global);
	offset += insn->offset;
	if (!t || t->type != SYM_STRUCT || !bits)
		return NULL;
	FOR_EACH_PTR(t->symbol_list, m) {
		struct symbol *mt = m->ctype.base_type;

		if (!m->ident || m->offset != offset)
			continue;
		if (!bitfield || (mt && mt->type == SYM_BITFIELD &&
				  (bits >> m->bit_offset) & ((1LL << mt->bit_size) - 1)))
			return ident_name(m->ident);
	} END_FOR_EACH_PTR(m);
	return NULL;
}

/* Is member m of the type want, the type an access to it has? */
static int of_type(struct symbol *m, struct symbol *want)
{
	return !want || m == want || strip_node(m->ctype.base_type) == strip_node(want);
}

/*
 * The member at offset inside type t that is not itself an aggregate (a
 * function pointer), through nested structs, unions and arrays; *holder:
 * the innermost named struct around it (anonymous unions belong to their
 * parent, as tasklet_struct's func does).  Of union members at one offset,
 * the one of type want (the access's, may be NULL), else the first:
 * tasklet_struct's callback, not its func.
 */
static struct symbol *leaf_member(struct symbol *t, long long offset, struct symbol **holder,
				  struct symbol *want)
{
	struct symbol *m, *found, *first = NULL, *first_holder = NULL, *outer = *holder;

	t = strip_node(t);
	if (t && t->type == SYM_ARRAY) {
		struct symbol *elem = strip_node(t->ctype.base_type);
		long long size = elem ? bits_to_bytes(elem->bit_size) : 0;

		return size > 0 ? leaf_member(elem, offset % size, holder, want) : NULL;
	}
	if (!t || (t->type != SYM_STRUCT && t->type != SYM_UNION))
		return NULL;
	if (t->ident)
		outer = t;
	FOR_EACH_PTR(t->symbol_list, m) {
		struct symbol *mt = strip_node(m->ctype.base_type);

		if (!covers(m, offset))
			continue;
		*holder = outer;
		if (mt && (mt->type == SYM_STRUCT || mt->type == SYM_UNION || mt->type == SYM_ARRAY))
			found = leaf_member(mt, offset - m->offset, holder, want);
		else
			found = offset == m->offset && m->ident ? m : NULL;
		if (found && of_type(found, want))
			return found;
		if (found && !first) {
			first = found;
			first_holder = *holder;
		}
	} END_FOR_EACH_PTR(m);
	*holder = first_holder;
	return first;
}

/* Where a store or an initializer puts a value: at offset of an object of
 * type t (NULL: not into a member), by an access of type want (may be
 * NULL); global: when that object is a global (an initializer's, or one a
 * store names), the global. */
struct member_site {
	struct symbol *t, *want;
	long long offset;
	struct position pos;
	struct symbol *global;
};

/* The class of the work item whose member m (of container) the site
 * stores into: INIT_WORK(&h->w, fn) gives "struct host::w", DECLARE_WORK(w,
 * fn) the global's own name, as a global lock has. */
static const char *work_item_class(const struct member_site *site, struct symbol *container,
				   struct symbol *m)
{
	long long item = site->offset - m->offset;
	char path[512] = "";

	if (!site->global)
		return object_class(site->t, item, container);
	if (site->t == container && !item)
		return function_id(site->global);
	return member_path(site->t, item, container, path, sizeof(path)) ?
	       in_global(site->global, path) : NULL;
}

/* The function fn stored at site, by holder. */
static void stored_function(const struct member_site *site, const char *fn,
			    const char *holder)
{
	struct symbol *container = NULL;
	struct symbol *m = leaf_member(site->t, site->offset, &container, site->want);
	struct mm_loc at = loc_of(site->pos);

	mm_facts_stored(&facts, holder, container ? ident_name(container->ident) : NULL,
			m ? ident_name(m->ident) : NULL, fn, &at);
	/* INIT_WORK(&h->w, fn) is h->w.func = fn: the work item's class */
	if (m && container && container->ident &&
	    mm_cat_work_field(&checker.catalogue, ident_name(container->ident),
			      ident_name(m->ident)))
		mm_facts_work(&facts, work_item_class(site, container, m), fn, &at);
}

/* Each function a stored value may be: fn, or either of a conditional's
 * (po->prot_hook.func = rx_ring ? tpacket_rcv : packet_rcv), which sparse
 * makes a select or a phi. */
static void stored_values(pseudo_t value, const struct member_site *site, int depth)
{
	struct instruction *d = def_of(value);
	struct symbol *sym = symbol_of(value), *st = sym ? strip_node(sym->ctype.base_type) : NULL;
	const char *param = site->t && !(st && st->type == SYM_FN) ? function_param(value) : NULL;
	pseudo_t phi;

	if (st && st->type == SYM_FN) {
		if (site->t)
			stored_function(site, address_taken(sym), caller_id);
		else
			mm_facts_addr(&facts, address_taken(sym));
	} else if (param) {
		stored_function(site, param, caller_id);	/* p->okfn = okfn */
	} else if (d && (d->opcode == OP_PTRCAST || d->opcode == OP_COPY) && depth < 4) {
		stored_values(d->src, site, depth + 1);
	} else if (d && d->opcode == OP_SEL && depth < 4) {
		stored_values(d->src2, site, depth + 1);
		stored_values(d->src3, site, depth + 1);
	} else if (d && d->opcode == OP_PHI && depth < 4) {
		FOR_EACH_PTR(d->phi_list, phi) {
			if (phi->type == PSEUDO_PHI && phi->def)
				stored_values(phi->def->phi_src, site, depth + 1);
		} END_FOR_EACH_PTR(phi);
	}
}

/*
 * A store to a local that stays in memory (its address is taken): what its
 * loads give is the value stored, until the next store, and arg_value()
 * gives &var the same id.  A conditional guard's scope variable, which
 * class_NAME_lock_ptr(&scope) tests.
 */
static void store_local(struct mm_func *fn, int b, struct instruction *insn)
{
	int loaded = load_id(insn->src, insn->offset);
	struct mm_event ev = { .kind = MM_EV_ASSIGN, .name = "=", .obj = loaded,
			       .result = MM_NO_VALUE, .loc = loc_of(insn->pos),
			       .constant = constant_of(insn->target, insn->size) };

	mm_event_add(fn, b, &ev);
	if (value_id(insn->target) == MM_NO_VALUE)
		return;
	ev.kind = MM_EV_COPY;
	ev.result = value_id(insn->target);
	mm_event_add(fn, b, &ev);
}

/* Where a pointer at addr + off is kept (off: a load's or store's own
 * offset; want: its type), named as a lock is: a global (system_bh_wq,
 * "rx_wq@unit") or a member ("struct usb_dev::rxwq"), or NULL. */
static const char *kept_at(pseudo_t addr, long long off, struct symbol *want)
{
	struct symbol *t, *global, *holder = NULL, *m;
	char path[512] = "", *cls;
	long long offset;

	t = points_into(addr, &offset, &global);
	offset += off;
	if (global && !offset && t && t->type != SYM_STRUCT && t->type != SYM_UNION)
		return function_id(global);
	m = leaf_member(t, offset, &holder, want);
	if (!m || !member_path(t, offset, strip_node(m->ctype.base_type), path, sizeof(path)))
		return NULL;
	if (!global)
		return t->ident ? class_through_pointer(t, path) : NULL;
	cls = malloc(strlen(path) + 256);
	sprintf(cls, "%s.%s", function_id(global), path);
	return cls;
}

/* Argument i of the call fe as a constant (alloc_workqueue()'s flags). */
static int arg_bits(void *fe, int i, unsigned long long *v)
{
	long long x;

	if (!const_value(nth_pseudo(((struct instruction *)fe)->arguments, i), &x, 0))
		return 0;
	*v = x;
	return 1;
}

/* Is v what a call that makes a BH workqueue returns (catalogue
 * bh_workqueue_alloc), through copies and phis (7.2's alloc_hooks() keeps
 * it in a local of a statement expression first)? */
static int holds_bh_wq(pseudo_t v, int depth)
{
	struct instruction *d = def_of(v), *src;
	pseudo_t phi;

	if (!d || depth > 4)
		return 0;
	if (d->opcode == OP_COPY)
		return holds_bh_wq(d->src, depth + 1);
	if (d->opcode == OP_PHI) {
		FOR_EACH_PTR(d->phi_list, phi) {
			src = phi && phi->type == PSEUDO_PHI ? phi->def : NULL;
			if (src && src->opcode == OP_PHISOURCE && holds_bh_wq(src->phi_src, depth + 1))
				return 1;
		} END_FOR_EACH_PTR(phi);
		return 0;
	}
	return d->opcode == OP_CALL && d->func->type == PSEUDO_SYM && d->func->sym &&
	       d->func->sym->ident &&
	       mm_cat_bh_wq_alloc(&checker.catalogue, ident_name(d->func->sym->ident),
				  pseudo_list_size(d->arguments), arg_bits, d);
}

static void translate_store(struct mm_func *fn, int b, struct instruction *insn)
{
	const char *set = set_member(insn);
	struct member_site site = { NULL, insn->type, 0, insn->pos, NULL };
	struct symbol *global;

	if (set && (mm_cat_mask(&checker.catalogue, set) & delay_field_bits)) {
		add_event(fn, b, MM_EV_RMAP_DELAY, delay_name, insn->pos);	/* tlb->delayed_rmap = 1 */
		return;
	}
	if (!checker.facts_dir)
		return;
	if (in_memory_local(insn->src))
		store_local(fn, b, insn);
	site.t = points_into(insn->src, &site.offset, &global);	/* sk->sk_data_ready = f */
	site.offset += insn->offset;
	site.global = global;
	stored_values(insn->target, &site, 0);
	if (holds_bh_wq(insn->target, 0)) {
		struct mm_loc at = loc_of(insn->pos);

		mm_facts_bhwq(&facts, kept_at(insn->src, insn->offset, insn->type), &at);
	}
}

/* The function an initializer's value names (fn, &fn, (cast)fn), or NULL. */
static struct symbol *function_in(struct expression *e)
{
	struct symbol *t;

	while (e && (e->type == EXPR_CAST || e->type == EXPR_IMPLIED_CAST ||
		     e->type == EXPR_FORCE_CAST))
		e = e->cast_expression;
	if (e && e->type == EXPR_PREOP && e->op == '&')
		e = e->unop;
	if (!e || e->type != EXPR_SYMBOL || !e->symbol)
		return NULL;
	t = strip_node(e->symbol->ctype.base_type);
	return t && t->type == SYM_FN ? e->symbol : NULL;
}

/*
 * static const struct net_protocol tcp_protocol = { .handler = tcp_v4_rcv }:
 * each function an initializer stores, by the struct and member that hold
 * it, so that an ops table's softirq handlers are registrations too (the
 * kernel calls them through pointers: no call edge leads there).  After
 * evaluation every element is an EXPR_POS, its offset relative to the
 * aggregate around it.
 */
static void initializer_facts(struct symbol *var, struct expression *e, long long offset,
			      int depth)
{
	struct expression *entry;
	struct symbol *fn;

	if (!e || depth > 16)
		return;
	if (e->type == EXPR_INITIALIZER) {
		FOR_EACH_PTR(e->expr_list, entry) {
			initializer_facts(var, entry, offset, depth + 1);
		} END_FOR_EACH_PTR(entry);
	} else if (e->type == EXPR_POS) {
		initializer_facts(var, e->init_expr, offset + e->init_offset, depth + 1);
	} else if ((fn = function_in(e)) != NULL) {
		struct member_site site = { var->ctype.base_type, e->ctype, offset, var->pos, var };

		stored_function(&site, address_taken(fn), function_id(var));
	}
}

/* ---- branches: conditions on a call's result ------------------------------ */

static int is_test(const struct instruction *def)
{
	return def && def->opcode >= OP_BINCMP && def->opcode <= OP_BINCMP_END;
}

/*
 * What a branch really tests, through the != 0 and the casts of a test's
 * conversion to int: setne.1 (seteq.32 %arg3, $0), $0 is the seteq;
 * setne.1 (zext.32 (and.1 a, b)), $0 the and.1 (and_or()).
 */
static pseudo_t tested(pseudo_t cond)
{
	struct instruction *def = def_of(cond), *inner;

	while (def && def->opcode == OP_SET_NE && def->src2->type == PSEUDO_VAL &&
	       !def->src2->value) {
		inner = def_of(def->src1);
		/* a widening keeps the value: (long)!!x for __builtin_expect() */
		while (inner && (inner->opcode == OP_ZEXT || inner->opcode == OP_SEXT) &&
		       inner->orig_type && inner->orig_type->bit_size <= inner->size)
			inner = def_of(inner->src);
		/* a mask is tested as it is: in_softirq()'s (context_test()) */
		if (!inner || !(is_test(inner) || inner->size == 1 || inner->opcode == OP_AND))
			break;
		cond = inner->target;
		def = inner;
	}
	return cond;
}

/* Is d "x == 0" (op OP_SET_EQ) or "x != 0" (OP_SET_NE)? */
static int is_zero_test(struct instruction *d, int op)
{
	return d && d->opcode == op && d->src2->type == PSEUDO_VAL && !d->src2->value;
}

/* *sign: a sign test (ret < 0), whose success does not say ret is 0. */
static void cond_edges(pseudo_t cond, int *value, enum mm_cond *on_true, enum mm_cond *on_false,
		       int *sign)
{
	struct instruction *def = def_of(cond = tested(cond));
	int op = def ? def->opcode : -1;

	*value = value_id(cond);
	*sign = op == OP_SET_LT || op == OP_SET_GE;
	*on_true = MM_COND_FAILURE;	/* if (ret): nonzero is the failure */
	*on_false = MM_COND_SUCCESS;
	if (!def || op < OP_BINCMP || op > OP_BINCMP_END ||
	    def->src2->type != PSEUDO_VAL || def->src2->value)
		return;		/* only a comparison with 0 says more */
	switch (op) {
	case OP_SET_LT:
	case OP_SET_NE:
		*value = value_id(def->src1);
		break;
	case OP_SET_EQ:
	case OP_SET_GE:
		*value = value_id(def->src1);
		*on_true = MM_COND_SUCCESS;
		*on_false = MM_COND_FAILURE;
		/* !!x (likely(x)): x itself, the branches as they were */
		if (op == OP_SET_EQ && is_zero_test(def_of(def->src1), OP_SET_EQ)) {
			pseudo_t x = def_of(def->src1)->src1;

			/* x = y != 0, the bool of bool b = y: y, as if (b) reads it */
			if (is_zero_test(def_of(x), OP_SET_NE))
				x = def_of(x)->src1;
			*value = value_id(x);
			*on_true = MM_COND_FAILURE;
			*on_false = MM_COND_SUCCESS;
		}
		break;
	default:
		*on_true = *on_false = MM_COND_NONE;
	}
}

/* ---- abort labels, from the statement tree -------------------------------- */

static struct symbol_list *abort_labels;
static struct statement_list *abort_gotos;	/* gotos to them, in source order */

static int is_abort_name(const char *name)
{
	return mm_cat_prefix(&checker.catalogue, "abort_label", name);
}

static void find_labels(struct statement *stmt)
{
	struct statement *s;

	if (!stmt)
		return;
	switch (stmt->type) {
	case STMT_COMPOUND:
		FOR_EACH_PTR(stmt->stmts, s) {
			find_labels(s);
		} END_FOR_EACH_PTR(s);
		break;
	case STMT_IF:
		find_labels(stmt->if_true);
		find_labels(stmt->if_false);
		break;
	case STMT_ITERATOR:
		find_labels(stmt->iterator_pre_statement);
		find_labels(stmt->iterator_statement);
		find_labels(stmt->iterator_post_statement);
		break;
	case STMT_SWITCH:
		find_labels(stmt->switch_statement);
		break;
	case STMT_CASE:
		find_labels(stmt->case_statement);
		break;
	case STMT_LABEL:
		if (is_abort_name(ident_name(stmt->label_identifier->ident)))
			add_symbol(&abort_labels, stmt->label_identifier);
		find_labels(stmt->label_statement);
		break;
	case STMT_GOTO:
		if (stmt->goto_label && is_abort_name(ident_name(stmt->goto_label->ident)))
			add_statement(&abort_gotos, stmt);
		break;
	default:
		break;
	}
}

static int before(struct position a, struct position b)
{
	return a.stream == b.stream && (a.line < b.line || (a.line == b.line && a.pos <= b.pos));
}

/*
 * Where the jump into an abort block was written.  Sparse folds a lone
 * 'if (c) goto abort;' into the branch before it, so the goto is found in
 * the statement tree: the first goto to an abort label at or after the
 * branch (labels of one block, abort: fail:, are merged by then).
 */
static struct position goto_pos(struct instruction *br)
{
	struct statement *g;

	FOR_EACH_PTR(abort_gotos, g) {
		if (before(br->pos, g->pos))
			return g->pos;
	} END_FOR_EACH_PTR(g);
	return br->pos;
}

static int is_abort_bb(struct basic_block *bb)
{
	struct symbol *label;

	FOR_EACH_PTR(abort_labels, label) {
		if (label->bb_target == bb)
			return 1;
	} END_FOR_EACH_PTR(label);
	return 0;
}

/* ---- one function ------------------------------------------------------------ */

#define BLOCK(bb) ((int)(long)(bb)->priv)

/* An edge of branch br; from: its block, or a block on the way (and_or()). */
static void translate_edge(struct mm_func *fn, struct instruction *br, int from,
			   struct basic_block *to, enum mm_cond cond, int value, int sign)
{
	int target = BLOCK(to);

	if (is_abort_bb(to)) {	/* goto out_abort */
		int jump = mm_block_add(fn);

		add_event(fn, jump, MM_EV_ABORT_JUMP, "goto", goto_pos(br));
		mm_edge_add(fn, jump, target, MM_COND_NONE, 0);
		target = jump;
	}
	mm_edge_add_test(fn, from, target, cond, value, sign);
}

/*
 * if (skb && !dropped): sparse folds the two tests into one and.1, where
 * GCC keeps two branches.  Its true edge takes both tests' true edges, one
 * after the other through a block of its own, so that each says what it
 * says of its value (guards.c); or.1 likewise on its false edge.  Returns
 * 0 if cond is no such fold.
 */
static int and_or(struct mm_func *fn, struct instruction *br)
{
	struct instruction *def = def_of(tested(br->cond));
	int both_true, mid, v1, v2, s1, s2;
	enum mm_cond t1, f1, t2, f2;

	if (!def || def->size != 1 || (def->opcode != OP_AND && def->opcode != OP_OR))
		return 0;
	both_true = def->opcode == OP_AND;
	cond_edges(def->src1, &v1, &t1, &f1, &s1);
	cond_edges(def->src2, &v2, &t2, &f2, &s2);
	mid = mm_block_add(fn);
	mm_edge_add_test(fn, BLOCK(br->bb), mid, both_true ? t1 : f1, v1, s1);
	translate_edge(fn, br, mid, both_true ? br->bb_true : br->bb_false, both_true ? t2 : f2,
		       v2, s2);
	translate_edge(fn, br, BLOCK(br->bb), both_true ? br->bb_false : br->bb_true,
		       MM_COND_NONE, 0, 0);
	return 1;
}

/* x = y != 0: x is y's truth, which every test of x reads (bool b = ...). */
static pseudo_t truth_of(struct instruction *insn)
{
	return insn->opcode == OP_SET_NE && insn->src2->type == PSEUDO_VAL && !insn->src2->value ?
	       insn->src1 : NULL;
}

/* The mask a context test computes (in_softirq(): preempt_count() &
 * SOFTIRQ_MASK), where the catalogue's bh_test macro is written: its
 * value is the test's. */
static void context_test(struct mm_func *fn, int b, struct instruction *insn)
{
	const char *name = catalogued_macro(insn->pos, NULL);
	struct mm_call c = { name, caller_id, NULL, value_id(insn->target), loc_of(insn->pos), 0,
			     arg_value, arg_lock_class, arg_function, NULL };

	if (mm_cat_is_kind(&checker.catalogue, "bh_test", name))
		mm_translate_call(&checker.catalogue, fn, b, &c, NULL);
}

/* ---- results: what a function returns, and how it says it failed -------- */

static enum mm_ret result_kind(struct symbol *t)
{
	t = strip_node(t);
	if (!t)
		return MM_RET_OTHER;
	if (is_bool_type(t))
		return MM_RET_BOOL;
	if (t->type == SYM_PTR)
		return MM_RET_POINTER;
	if (is_int_type(t) && is_signed_type(t))
		return MM_RET_ERRNO;
	return MM_RET_OTHER;
}

static void add_return(struct mm_func *fn, int b, pseudo_t value, struct instruction *insn)
{
	struct mm_event ev = { .kind = MM_EV_RETURN, .name = "return", .obj = value_id(value),
			       .result = MM_NO_VALUE, .loc = loc_of(insn->pos),
			       .constant = constant_of(value, insn->size) };

	mm_event_add(fn, b, &ev);
}

/* Sparse makes each "return x;" a phi source of the return block's phi,
 * named "return", placed where the return is written: that is the return
 * the checks read.  A ret of that phi adds nothing. */
static int returns_phi(pseudo_t p)
{
	struct instruction *def = p && p->type == PSEUDO_REG ? p->def : NULL;
	pseudo_t phi;

	if (!def || def->opcode != OP_PHI)
		return 0;
	FOR_EACH_PTR(def->phi_list, phi) {
		return phi && phi->ident == &return_ident;
	} END_FOR_EACH_PTR(phi);
	return 0;
}

static void translate_insn(struct mm_func *fn, int b, struct instruction *insn)
{
	if (insn->opcode == OP_PHISOURCE && insn->target && insn->target->ident == &return_ident) {
		add_return(fn, b, insn->phi_src, insn);
		return;
	}
	/* phi sources: x = value on the edge into the phi's block */
	if (insn->opcode == OP_PHISOURCE && insn->phi_node && insn->phi_node->target &&
	    insn->phi_node->target->ident &&
	    value_id(insn->phi_src) != value_id(insn->phi_node->target)) {
		assign(fn, b, insn->phi_node->target, insn->phi_src, insn->pos, insn->size);
		return;
	}
	/* any other definition of a named variable assigns it */
	if (insn->opcode != OP_CALL && insn->opcode != OP_PHI && insn->opcode != OP_PHISOURCE &&
	    insn->target && insn->target->type == PSEUDO_REG && insn->target->ident &&
	    insn->opcode != OP_STORE)
		assign(fn, b, insn->target, insn->opcode == OP_COPY ? insn->src : truth_of(insn),
		       insn->pos, insn->size);

	switch (insn->opcode) {
	case OP_AND:
		context_test(fn, b, insn);
		break;
	case OP_CALL:
		translate_call(fn, b, insn);
		break;
	case OP_RET:
		if (insn->src && !returns_phi(insn->src))
			add_return(fn, b, insn->src, insn);
		break;
	case OP_STORE:
		translate_store(fn, b, insn);
		break;
	case OP_CBR: {
		enum mm_cond t, f;
		int value, sign;

		if (and_or(fn, insn))
			break;
		cond_edges(insn->cond, &value, &t, &f, &sign);
		translate_edge(fn, insn, b, insn->bb_true, t, value, sign);
		translate_edge(fn, insn, b, insn->bb_false, f, value, sign);
		break;
	}
	case OP_BR:
		translate_edge(fn, insn, b, insn->bb_true, MM_COND_NONE, 0, 0);
		break;
	case OP_SWITCH: {
		struct multijmp *jmp;

		FOR_EACH_PTR(insn->multijmp_list, jmp) {
			translate_edge(fn, insn, b, jmp->target, MM_COND_NONE, 0, 0);
		} END_FOR_EACH_PTR(jmp);
		break;
	}
	default:
		break;
	}
}

static void translate(struct mm_func *fn, struct entrypoint *ep)
{
	struct basic_block *bb;
	struct instruction *insn;

	mm_block_add(fn);	/* block 0: the entry */
	FOR_EACH_PTR(ep->bbs, bb) {
		bb->priv = (void *)(long)mm_block_add(fn);
	} END_FOR_EACH_PTR(bb);
	mm_edge_add(fn, 0, BLOCK(ep->entry->bb), MM_COND_NONE, 0);
	FOR_EACH_PTR(ep->bbs, bb) {
		FOR_EACH_PTR(bb->insns, insn) {
			if (insn->bb)
				translate_insn(fn, BLOCK(bb), insn);
		} END_FOR_EACH_PTR(insn);
	} END_FOR_EACH_PTR(bb);
}

/* ---- reporting ------------------------------------------------------------------- */

/* A callback by its signature: a struct rcu_head * first parameter (and
 * the like), or a hardirq handler's irqreturn_t (an enum irqreturn here:
 * sparse may have resolved the typedef to the enum irqreturn). */
static void signature_facts(struct symbol *sym)
{
	struct symbol *fntype = strip_node(sym->ctype.base_type);
	struct symbol *first = pointee(nth_symbol(fntype->arguments, 0));
	struct mm_loc at = loc_of(sym->pos);
	const char *names[8], *context;
	struct symbol *t;
	char why[160];
	int n = 0;

	/* the return type by each of its names: typedef, or tag */
	for (t = fntype->ctype.base_type; t && n < 8;
	     t = t->type == SYM_NODE ? t->ctype.base_type : NULL)
		if (t->ident)
			names[n++] = ident_name(t->ident);
	context = mm_cat_callback_context(&checker.catalogue, names, n,
					  first && first->type == SYM_STRUCT && first->ident ?
					  ident_name(first->ident) : NULL, why, sizeof(why));
	if (context)
		mm_facts_ctx(&facts, caller_id, context, strdup(why), &at);
}

/*
 * Sparse clears its error flag before it evaluates each symbol, so after
 * evaluate_symbol_list() the flag tells of the last function only: an
 * undefined name in the first of two functions left the file looking fully
 * analysed.  The unit's errors are kept here, read after every phase.
 */
static int unit_errors;

static void note_errors(void)
{
	if (has_error)
		unit_errors = 1;
	if (has_error & ERROR_CURR_PHASE)
		has_error = ERROR_PREV_PHASE;
}

/* evaluate_symbol_list(), reading the flag after each symbol */
static void evaluate_listed(struct symbol_list *list)
{
	struct symbol *sym;

	FOR_EACH_PTR(list, sym) {
		struct symbol_list *one = NULL;

		add_symbol(&one, sym);
		evaluate_symbol_list(one);
		free_ptr_list(&one);
		note_errors();
	} END_FOR_EACH_PTR(sym);
}

static int is_listed(struct symbol_list *list, struct symbol *sym);

/* The unit's functions, checked at its end with their helpers' summaries
 * (the core's summaries.c), and those already said to be incomplete. */
static struct mm_unit *unit_fns;
static struct symbol_list *warned;

/* The checks or the facts' walk gave up (cookie: the function's symbol):
 * said once per function. */
static void incomplete_warning(void *cookie, void *ctx)
{
	struct symbol *sym = cookie;

	struct mm_loc at = loc_of(sym->pos);

	if (is_listed(warned, sym))
		return;
	add_symbol(&warned, sym);
	mm_checker_too_many_paths(&checker, &at, ident_name(sym->ident));
}

static void check_function(struct symbol *sym)
{
	struct entrypoint *ep;
	struct mm_func fn;
	pseudo_t arg;

	ep = linearize_symbol(sym);
	note_errors();	/* linearizing reports errors too */
	if (!ep || !ep->entry)
		return;
	analysed_fn = sym;
	caller_id = function_id(sym);
	abort_labels = NULL;
	abort_gotos = NULL;
	find_labels(strip_node(sym->ctype.base_type)->stmt);
	mm_func_init(&fn, ident_name(sym->ident));
	fn.ret = result_kind(strip_node(sym->ctype.base_type)->ctype.base_type);
	FOR_EACH_PTR(ep->entry->arg_list, arg) {
		mm_func_param(&fn, value_id(arg));
	} END_FOR_EACH_PTR(arg);
	translate(&fn, ep);
	if (!unit_fns)
		unit_fns = mm_unit_new();
	mm_unit_add(unit_fns, caller_id, &fn, sym);	/* checked at the unit's end */
	if (checker.facts_dir) {	/* walked at the unit's end */
		signature_facts(sym);
		mm_facts_function(&facts, caller_id, &fn, sym, 0);
		return;
	}
	mm_func_free(&fn);
}

/* ---- which functions: the unit's, and the inline ones they call ---------- */

static int has_body(struct symbol *sym)
{
	struct symbol *t = strip_node(sym->ctype.base_type);

	return sym->type == SYM_NODE && t && t->type == SYM_FN && (t->stmt || t->inline_stmt) &&
	       sym->ident;
}

static int is_listed(struct symbol_list *list, struct symbol *sym)
{
	return lookup_ptr_list_entry((struct ptr_list *)list, sym);
}

/* Inline functions of this unit: their calls stay calls (see below). */
static struct symbol_list *inlines;

/*
 * Sparse inlines a call to an inline function when it expands it, using a
 * flag it copies into the call's type while evaluating: so the flag is
 * taken off every file-scope symbol between parsing and evaluation.
 */
static struct symbol_list *parse_file(char *file)
{
	struct symbol_list *list = __sparse(file);
	struct symbol *sym;

	clears_flush = unit_clears_flush();
	note_errors();
	write_cleanups(list);
	FOR_EACH_PTR(file_scope->symbols, sym) {
		if (sym->ctype.modifiers & MOD_INLINE) {
			sym->ctype.modifiers &= ~MOD_INLINE;
			add_symbol(&inlines, sym);
		}
	} END_FOR_EACH_PTR(sym);
	evaluate_listed(list);
	return list;
}

/* An inline function, given a body of its own (as sparse does for one it
 * must emit), evaluated and expanded only once a call needs it. */
static void prepare(struct symbol *sym)
{
	struct symbol_list *one = NULL;

	if (!strip_node(sym->ctype.base_type)->stmt)
		uninline(sym);
	add_symbol(&one, sym);
	evaluate_listed(one);
	expand_symbol(sym);
	note_errors();
	free_ptr_list(&one);
}

/* The plugin analyses what GCC emits: the unit's functions and the inline
 * ones they use.  Unused inlines of the headers are never looked at. */
static void check_symbols(struct symbol_list *list)
{
	struct symbol *sym, *called;

	FOR_EACH_PTR(list, sym) {
		expand_symbol(sym);
		note_errors();
	} END_FOR_EACH_PTR(sym);
	wanted = NULL;
	FOR_EACH_PTR(list, sym) {
		if (has_body(sym) && !is_listed(inlines, sym))
			check_function(sym);
		else if (checker.facts_dir && sym->initializer &&
			 sym->initializer->type == EXPR_INITIALIZER)
			/* an aggregate's, as GCC's plugin reads them: a scalar one is
			 * EXPORT_SYMBOL()'s __ADDRESSABLE(), no callback (on 6.12 it
			 * made __netif_napi_del() one by its napi_struct *) */
			initializer_facts(sym, sym->initializer, 0, 0);
	} END_FOR_EACH_PTR(sym);
	/* inlines reached from what was analysed, each once, transitively */
	while (wanted) {
		struct symbol_list *round = wanted;

		wanted = NULL;
		FOR_EACH_PTR(round, called) {
			struct symbol *def = called->definition ? called->definition : called;

			if (is_listed(inlines, def) && has_body(def)) {
				delete_ptr_list_entry((struct ptr_list **)&inlines, def, 1);
				prepare(def);
				check_function(def);
			}
		} END_FOR_EACH_PTR(called);
	}
}

/* ---- options and main ------------------------------------------------------------ */

static const char usage[] =
"usage: mmcheck-sparse [sparse and compiler options] [--mmcheck-OPTION=VALUE...] FILE.c...\n"
"\n"
"The mmcheck analysis as a sparse checker: in a kernel tree,\n"
"  make C=1 CHECK=/path/to/mmcheck-sparse [CF=--mmcheck-facts=DIR]\n"
"\n"
MM_CHECKER_OPTIONS_HELP
"\n"
"Findings are warnings on standard error, file:line:col, with notes.\n"
"Exit status: 0, as sparse's (findings, and errors sparse reports in the code,\n"
"do not fail a kbuild C=1 build); 1 when mmcheck cannot run: a bad option, an\n"
"unreadable catalogue, an unwritable facts directory.\n";

int main(int argc, char **argv)
{
	struct string_list *filelist = NULL;
	struct symbol_list *includes;
	struct symbol *sym;
	char *file;

	argc = mm_checker_options(&checker, argc, argv);
	mm_checker_setup(&checker);
	delay_field_bits = mm_cat_bits(&checker.catalogue, "rmap_delay_field");
	delay_name = mm_cat_first(&checker.catalogue, "rmap_delay");
	do_output = 0;		/* like sparse: -o FILE is ignored */
	/* the command line's -include files are sparse's to check; their
	 * inline functions stay calls like the unit's own */
	includes = sparse_initialize(argc, argv, &filelist);
	write_cleanups(includes);
	FOR_EACH_PTR(includes, sym) {
		if (sym->ctype.modifiers & MOD_INLINE) {
			sym->ctype.modifiers &= ~MOD_INLINE;
			add_symbol(&inlines, sym);
		}
	} END_FOR_EACH_PTR(sym);
	/* SSA, but not sparse's CSE and block packing: they would fold a
	 * 'goto abort' into the branch before it and lose where it was */
	fpasses &= ~PASS_OPTIM;
	/* sparse's own warnings are plain sparse's job in a C=1 build */
	fmax_warnings = 0;
	FOR_EACH_PTR(filelist, file) {
		unit = file;
		if (checker.facts_dir)
			mm_facts_begin(&facts, checker.tree_dir, unit);
		unit_errors = 0;
		check_symbols(parse_file(file));
		note_errors();
		if (unit_fns && checker.facts_dir)
			mm_unit_facts(unit_fns, &facts);
		if (unit_fns)
			mm_unit_check(unit_fns, &checker.catalogue, mm_checker_report, &checker,
				      incomplete_warning);
		mm_unit_free(unit_fns);
		unit_fns = NULL;
		/* as sparse itself: its errors do not fail a C=1 build */
		if (unit_errors && !mm_rule_listed(checker.disabled, MM_INCOMPLETE))
			fprintf(stderr, "%s: warning: sparse reported errors in this file; mmcheck's "
				"analysis of it may be incomplete [" MM_INCOMPLETE "]\n", file);
		if (checker.facts_dir)
			mm_checker_write_facts(&checker, &facts, unit, incomplete_warning);
		has_error = 0;
	} END_FOR_EACH_PTR(file);
	return 0;
}
