// SPDX-License-Identifier: GPL-2.0
/*
 * ast.c - what mmcheck-clang asks of libclang's AST: interned strings,
 * places as GCC prints them, a node's children, an expression with its
 * parentheses and implicit casts stripped, an operator's kind (read from
 * the source before libclang 17), constants.  Nothing here knows the
 * checks; mmcheck-clang.c translates functions with it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"

CXTranslationUnit tu;

/* ---- strings that live as long as the run ------------------------------- */

static char **kept;
static int nkept, cap_kept;

const char *keep(char *s)
{
	if (nkept == cap_kept) {
		cap_kept = cap_kept ? 2 * cap_kept : 256;
		kept = realloc(kept, cap_kept * sizeof(*kept));
		if (!kept)
			abort();
	}
	return kept[nkept++] = s;
}

/* Names the IR keeps, once each: the same name is the same pointer. */
static const char **table;
static size_t table_size, table_used;

static const char **slot(const char *s)
{
	size_t h = 5381, i;

	for (i = 0; s[i]; i++)
		h = h * 33 + (unsigned char)s[i];
	for (i = h & (table_size - 1); table[i]; i = (i + 1) & (table_size - 1))
		if (!strcmp(table[i], s))
			break;
	return &table[i];
}

const char *intern(const char *s)
{
	const char **p;

	if (2 * (table_used + 1) > table_size) {
		const char **old = table;
		size_t i, n = table_size;

		table_size = n ? 2 * n : 1024;
		table = calloc(table_size, sizeof(*table));
		if (!table)
			abort();
		for (i = 0; i < n; i++)
			if (old[i])
				*slot(old[i]) = old[i];
		free(old);
	}
	p = slot(s);
	if (!*p) {
		*p = keep(strdup(s));
		table_used++;
	}
	return *p;
}

const char *spelling(CXCursor c)
{
	CXString s = clang_getCursorSpelling(c);
	const char *name = intern(clang_getCString(s) ? clang_getCString(s) : "");

	clang_disposeString(s);
	return name;
}

/* ---- places --------------------------------------------------------------- */

static const char *file_name(CXFile f)
{
	static CXFile last;
	static const char *last_name;
	const char *name;
	CXString s;

	if (f && f == last)
		return last_name;
	s = clang_getFileName(f);
	last = f;
	name = clang_getCString(s) ? clang_getCString(s) : "?";
	while (!strncmp(name, "./", 2))	/* #include "x.h" beside x.c: GCC says x.h */
		name += 2;
	last_name = intern(name);
	clang_disposeString(s);
	return last_name;
}

/* A location where it was written: for code a macro made, where the macro
 * was used (GCC reports a call of guard() at "guard").  Columns count a
 * tab to the next multiple of 8, as GCC and sparse print them. */
struct mm_loc loc_at(CXSourceLocation l)
{
	struct mm_loc loc = { "?", 0, 0, 0, NULL };
	unsigned line, col, offset;
	const char *text;
	size_t size;
	CXFile f;
	int c;
	unsigned i;

	clang_getExpansionLocation(l, &f, &line, &col, &offset);
	if (!f)
		return loc;
	loc.file = file_name(f);
	loc.line = line;
	loc.col = col;
	text = clang_getFileContents(tu, f, &size);
	if (!text || offset > size || col - 1 > offset)
		return loc;
	for (i = offset - (col - 1), c = 1; i < offset; i++)
		c = text[i] == '\t' ? (c + 7) / 8 * 8 + 1 : c + 1;
	loc.col = c;
	return loc;
}

struct mm_loc loc_of(CXCursor c)
{
	return loc_at(clang_getCursorLocation(c));
}

/* The end of a cursor's extent: where a scope's cleanups run (its '}'). */
struct mm_loc end_of(CXCursor c)
{
	return loc_at(clang_getRangeEnd(clang_getCursorExtent(c)));
}

/* ---- the AST: children, operators ------------------------------------------ */

int too_large;

static enum CXChildVisitResult collect(CXCursor c, CXCursor parent, CXClientData data)
{
	struct kids *k = data;

	if (k->n < MAX_KIDS)
		k->c[k->n++] = c;
	else
		too_large = 1;
	return CXChildVisit_Continue;
}

void children(CXCursor c, struct kids *k)
{
	k->n = 0;
	clang_visitChildren(c, collect, k);
}

int is_expr(CXCursor c)
{
	return clang_isExpression(clang_getCursorKind(c));
}

/* Through parentheses and casts (libclang shows implicit casts as
 * unexposed expressions of one child). */
CXCursor strip(CXCursor c)
{
	struct kids k;

	for (;;) {
		enum CXCursorKind kind = clang_getCursorKind(c);

		if (kind != CXCursor_ParenExpr && kind != CXCursor_CStyleCastExpr &&
		    kind != CXCursor_UnexposedExpr)
			return c;
		children(c, &k);
		if (k.n != 1 || !is_expr(k.c[0]))
			return c;
		c = k.c[0];
	}
}

/* The source text at a location's spelling (inside a macro: in the macro's
 * definition, or in the argument it came from). */
static const char *spelled_at(CXSourceLocation l, unsigned *offset, size_t *size)
{
	CXFile f;

	clang_getSpellingLocation(l, &f, NULL, NULL, offset);
	return f ? clang_getFileContents(tu, f, size) : NULL;
}

static int is_op_char(char c)
{
	return c && strchr("&|=!<>+-*/%^~,", c);
}

/* The operator that stands before offset in text, into op ("" if none). */
static char op[4];

static void operator_before(const char *text, unsigned offset, size_t size)
{
	unsigned start;

	op[0] = '\0';
	if (!text || offset > size)
		return;
	while (offset > 0 && (text[offset - 1] == ' ' || text[offset - 1] == '\t' ||
			      text[offset - 1] == '\n' || text[offset - 1] == '\\'))
		offset--;
	for (start = offset; start > 0 && offset - start < 3 && is_op_char(text[start - 1]); start--)
		;
	snprintf(op, sizeof(op), "%.*s", (int)(offset - start), text + start);
}

/*
 * An operator's spelling: "&&", "=", "!".  libclang 17 says which it is;
 * before, the C API does not, and it is read from the source: a binary
 * operator stands just before its right operand, a prefix one at the
 * expression's start, a postfix one at its end.  (In a macro whose body
 * writes "a && b" with b a parameter, the right operand is spelled in the
 * macro's argument: libclang 16 then reads no operator there.)
 */
const char *operator_of(CXCursor c)
{
	enum CXCursorKind kind = clang_getCursorKind(c);
	unsigned offset;
	const char *text;
	size_t size;
	struct kids k;

#if CINDEX_VERSION_MINOR >= 64
	if (kind == CXCursor_BinaryOperator || kind == CXCursor_CompoundAssignOperator) {
		CXString s = clang_getBinaryOperatorKindSpelling(clang_getCursorBinaryOperatorKind(c));

		snprintf(op, sizeof(op), "%s", clang_getCString(s));
		clang_disposeString(s);
		return op;
	}
	if (kind == CXCursor_UnaryOperator) {
		enum CXUnaryOperatorKind u = clang_getCursorUnaryOperatorKind(c);
		CXString s;

		/* ++ and -- by position: "++" either way */
		if (u == CXUnaryOperator_PostInc || u == CXUnaryOperator_PreInc)
			return "++";
		if (u == CXUnaryOperator_PostDec || u == CXUnaryOperator_PreDec)
			return "--";
		if (u == CXUnaryOperator_Extension)
			return "__extension__";
		s = clang_getUnaryOperatorKindSpelling(u);
		snprintf(op, sizeof(op), "%s", clang_getCString(s));
		clang_disposeString(s);
		return op;
	}
#endif
	op[0] = '\0';
	children(c, &k);
	if (kind == CXCursor_UnaryOperator && k.n == 1) {
		text = spelled_at(clang_getCursorLocation(c), &offset, &size);
		if (text && offset < size && !strncmp(text + offset, "__extension__", 13))
			return "__extension__";
		if (text && offset < size && is_op_char(text[offset])) {	/* prefix */
			op[0] = text[offset];
			if (offset + 1 < size && text[offset + 1] == text[offset] &&
			    (op[0] == '+' || op[0] == '-'))
				op[1] = op[0], op[2] = '\0';
			else
				op[1] = '\0';
			return op;
		}
		/* inside a macro's body the place is the expansion's, but the
		 * types tell one: a pointer made an int was negated (!p, a
		 * conditional guard's !__guard_ptr(name)(&scope)) */
		if (clang_getCanonicalType(clang_getCursorType(k.c[0])).kind == CXType_Pointer &&
		    clang_getCanonicalType(clang_getCursorType(c)).kind == CXType_Int)
			return "!";
		/* postfix: x++ ends in it */
		text = spelled_at(clang_getRangeEnd(clang_getCursorExtent(c)), &offset, &size);
		if (text && offset >= 2 && offset <= size && is_op_char(text[offset - 1]))
			snprintf(op, sizeof(op), "%.2s", text + offset - 2);
		return op;
	}
	if (k.n == 2) {
		text = spelled_at(clang_getCursorLocation(k.c[1]), &offset, &size);
		operator_before(text, offset, size);
	}
	if (k.n == 2 && !op[0]) {
		/* x = true: the operand is spelled in stdbool.h, where the
		 * operator is not; its expansion stands in the source after it */
		CXFile f;

		clang_getExpansionLocation(clang_getCursorLocation(k.c[1]), &f, NULL, NULL, &offset);
		text = f ? clang_getFileContents(tu, f, &size) : NULL;
		operator_before(text, offset, size);
	}
	return op;
}

int op_is(CXCursor c, const char *op)
{
	return !strcmp(operator_of(c), op);
}

int is_assign_op(const char *op)
{
	size_t n = strlen(op);

	return n && op[n - 1] == '=' && strcmp(op, "==") && strcmp(op, "!=") &&
	       strcmp(op, "<=") && strcmp(op, ">=");
}

static enum CXChildVisitResult side_effect(CXCursor c, CXCursor parent, CXClientData data)
{
	enum CXCursorKind k = clang_getCursorKind(c);
	const char *op;

	if (k == CXCursor_CallExpr || k == CXCursor_StmtExpr || k == CXCursor_CompoundAssignOperator) {
		*(int *)data = 1;
		return CXChildVisit_Break;
	}
	if (k == CXCursor_BinaryOperator || k == CXCursor_UnaryOperator) {
		op = operator_of(c);
		if (is_assign_op(op) || !strcmp(op, "++") || !strcmp(op, "--")) {
			*(int *)data = 1;
			return CXChildVisit_Break;
		}
	}
	return CXChildVisit_Recurse;
}

/* An integer constant expression's value (NULL, 0, sizeof, IS_ENABLED());
 * 0 if e is not one.  libclang folds ((tlb->delayed_rmap = 1), true) to
 * true: what has side effects is no constant here. */
int constant_value(CXCursor e, long long *v)
{
	CXEvalResult r;
	int effects = 0, ok = 0;

	side_effect(e, e, &effects);
	if (!effects)
		clang_visitChildren(e, side_effect, &effects);
	if (effects)
		return 0;
	r = clang_Cursor_Evaluate(e);
	if (r && clang_EvalResult_getKind(r) == CXEval_Int) {
		*v = clang_EvalResult_getAsLongLong(r);
		ok = 1;
	}
	if (r)
		clang_EvalResult_dispose(r);
	/* NULL, ((void *)0): not an integer to libclang, the 0 inside is */
	if (!ok && !clang_equalCursors(strip(e), e))
		return constant_value(strip(e), v);
	return ok;
}
