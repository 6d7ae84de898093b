// SPDX-License-Identifier: GPL-2.0
/*
 * Cleanup attributes for mmcheck-sparse.
 *
 * A variable declared __attribute__((cleanup(fn))) has fn(&var) run where
 * its scope is left.  GCC emits those calls; sparse (0.6.4 and 0.6.5~rc1)
 * parses the attribute and never calls fn.  linux/cleanup.h's guards
 * release their locks that way (guard(spinlock_bh)(&l), scoped_guard()),
 * so without the calls a guard is never released.  They are written into
 * each parsed body before sparse evaluates it, where GCC runs them:
 *   - at the end of the variable's block, or after the for statement
 *     that declares it (scoped_guard());
 *   - before each return inside its scope;
 *   - before a break or continue, for the variables declared inside the
 *     loop or switch it leaves;
 *   - before a goto, for the variables in scope there but not at its label
 *     (a first walk notes what is in scope at each label);
 * innermost first.  A computed goto is not followed.
 */
#include <stdlib.h>
#include <string.h>

#include "lib.h"
#include "allocate.h"
#include "token.h"
#include "parse.h"
#include "symbol.h"
#include "expression.h"

#include "cleanups.h"

#define MAX_CLEANUPS 64

/* The variables with a cleanup in scope, outermost first. */
static struct symbol *live[MAX_CLEANUPS];
static int n_live;

/* The first walk only notes, for each label, what is in scope there. */
static int noting;
struct label_scope {
	struct symbol *label;
	int n;
	struct symbol *live[MAX_CLEANUPS];
	struct label_scope *next;
};
static struct label_scope *labels;

static void note_label(struct symbol *label)
{
	struct label_scope *l = calloc(1, sizeof(*l));

	if (!l)
		die("out of memory");
	l->label = label;
	l->n = n_live;
	memcpy(l->live, live, n_live * sizeof(live[0]));
	l->next = labels;
	labels = l;
}

/* The first of live[] not in scope at label: a goto to it leaves them. */
static int goto_base(struct symbol *label)
{
	struct label_scope *l;
	int i;

	for (l = labels; l && l->label != label; l = l->next)
		;
	if (!l)
		return n_live;
	for (i = 0; i < n_live && i < l->n && live[i] == l->live[i]; i++)
		;
	return i;
}

static void forget_labels(void)
{
	struct label_scope *next;

	for (; labels; labels = next) {
		next = labels->next;
		free(labels);
	}
}

static void enter(struct symbol_list *decls)
{
	struct symbol *var;

	FOR_EACH_PTR(decls, var) {
		if (var->cleanup && var->cleanup->symbol && n_live < MAX_CLEANUPS)
			live[n_live++] = var;
	} END_FOR_EACH_PTR(var);
}

/* fn(&var), as the parser would have made it. */
static struct statement *cleanup_call(struct symbol *var, struct position pos)
{
	struct expression *fn = alloc_expression(pos, EXPR_SYMBOL);
	struct expression *arg = alloc_expression(pos, EXPR_SYMBOL);
	struct expression *addr = alloc_expression(pos, EXPR_PREOP);
	struct expression *call = alloc_expression(pos, EXPR_CALL);
	struct statement *s = alloc_statement(pos, STMT_EXPRESSION);

	fn->symbol = var->cleanup->symbol;
	fn->symbol_name = var->cleanup->symbol_name;
	arg->symbol = var;
	arg->symbol_name = var->ident;
	addr->op = '&';
	addr->unop = arg;
	call->fn = fn;
	add_expression(&call->args, addr);
	s->expression = call;
	return s;
}

/* The calls of live[from..], innermost first, added to list. */
static void add_calls(struct statement_list **list, int from, struct position pos)
{
	int i;

	if (noting)
		return;
	for (i = n_live - 1; i >= from; i--)
		add_statement(list, cleanup_call(live[i], pos));
}

/* s, after the calls of live[from..]: a block of both if there are any. */
static struct statement *after_calls(struct statement *s, int from)
{
	struct statement *block;

	if (noting || n_live <= from)
		return s;
	block = alloc_statement(s->pos, STMT_COMPOUND);
	add_calls(&block->stmts, from, s->pos);
	add_statement(&block->stmts, s);
	return block;
}

static struct statement *walk(struct statement *s, int loop_base, int break_base);

static void walk_block(struct statement *block, int loop_base, int break_base)
{
	struct statement_list *out = NULL;
	struct statement *s, *last = block;
	int base = n_live;

	FOR_EACH_PTR(block->stmts, s) {
		struct statement *w = walk(s, loop_base, break_base);

		if (!noting)
			add_statement(&out, w);
		if (s->type == STMT_DECLARATION)
			enter(s->declaration);
		last = s;
	} END_FOR_EACH_PTR(s);
	add_calls(&out, base, last->pos);
	if (!noting)
		block->stmts = out;
	n_live = base;
}

/* A for statement that declares a variable with a cleanup: the calls
 * follow the loop, which a break or the condition leaves. */
static struct statement *walk_loop(struct statement *s, int loop_base, int break_base)
{
	struct statement *block;
	int base = n_live;

	enter(s->iterator_syms);
	s->iterator_statement = walk(s->iterator_statement, n_live, n_live);
	if (noting || n_live == base) {
		n_live = base;
		return s;
	}
	block = alloc_statement(s->pos, STMT_COMPOUND);
	add_statement(&block->stmts, s);
	add_calls(&block->stmts, base, s->pos);
	n_live = base;
	return block;
}

static struct statement *walk(struct statement *s, int loop_base, int break_base)
{
	struct ident *label;

	if (!s)
		return s;
	switch (s->type) {
	case STMT_COMPOUND:
		if (!s->inline_fn)
			walk_block(s, loop_base, break_base);
		return s;
	case STMT_IF:
		s->if_true = walk(s->if_true, loop_base, break_base);
		s->if_false = walk(s->if_false, loop_base, break_base);
		return s;
	case STMT_ITERATOR:
		return walk_loop(s, loop_base, break_base);
	case STMT_SWITCH:
		s->switch_statement = walk(s->switch_statement, loop_base, n_live);
		return s;
	case STMT_CASE:
		s->case_statement = walk(s->case_statement, loop_base, break_base);
		return s;
	case STMT_LABEL:
		if (noting)
			note_label(s->label_identifier);
		s->label_statement = walk(s->label_statement, loop_base, break_base);
		return s;
	case STMT_RETURN:
		return after_calls(s, 0);
	case STMT_GOTO:
		label = s->goto_label ? s->goto_label->ident : NULL;
		if (label == &break_ident)
			return after_calls(s, break_base);
		if (label == &continue_ident)
			return after_calls(s, loop_base);
		if (s->goto_label && !s->goto_expression)
			return after_calls(s, goto_base(s->goto_label));
		return s;
	default:
		return s;
	}
}

void write_cleanups(struct symbol_list *list)
{
	struct symbol *sym, *fn;

	FOR_EACH_PTR(list, sym) {
		fn = sym->ctype.base_type;
		if (sym->type != SYM_NODE || !fn || fn->type != SYM_FN || !fn->stmt)
			continue;
		noting = 1;
		n_live = 0;
		walk(fn->stmt, 0, 0);
		noting = 0;
		n_live = 0;
		fn->stmt = walk(fn->stmt, 0, 0);
		forget_labels();
	} END_FOR_EACH_PTR(sym);
}
