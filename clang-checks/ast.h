/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ast.h - libclang helpers of mmcheck-clang (ast.c).
 */
#ifndef MMCHECK_CLANG_AST_H
#define MMCHECK_CLANG_AST_H

#include <stddef.h>

#include <clang-c/Index.h>

#include "../core/mmcore.h"

/* The unit being checked: the one translation unit libclang parsed. */
extern CXTranslationUnit tu;

/* A string kept for the whole run (s, malloc()ed, is taken over). */
const char *keep(char *s);
/* The one copy of s kept for the run: equal strings, equal pointers. */
const char *intern(const char *s);
/* A cursor's spelling, interned. */
const char *spelling(CXCursor c);

/* Where code is written, as GCC prints it (a macro's code at its use;
 * tabs to the next multiple of 8). */
struct mm_loc loc_at(CXSourceLocation l);
struct mm_loc loc_of(CXCursor c);
/* Where c ends. */
struct mm_loc end_of(CXCursor c);

#define MAX_KIDS 64

struct kids {
	CXCursor c[MAX_KIDS];
	int n;
};

/* Set when a node had more children than a struct kids holds, or a
 * scope more cleanups than are tracked: the function being translated is
 * then said to be incomplete, never reported clean. */
extern int too_large;

/* c's children, up to MAX_KIDS (too_large says when there were more). */
void children(CXCursor c, struct kids *k);
int is_expr(CXCursor c);
/* c without its parentheses and implicit casts. */
CXCursor strip(CXCursor c);
/* The operator of a unary or binary operator node ("&&", "=", "!"). */
const char *operator_of(CXCursor c);
int op_is(CXCursor c, const char *op);
int is_assign_op(const char *op);
/* An integer constant expression's value; 0 if e is not one. */
int constant_value(CXCursor e, long long *v);

#endif
