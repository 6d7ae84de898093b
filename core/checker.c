// SPDX-License-Identifier: GPL-2.0
/*
 * checker.c - what the checker programs share (mmcheck-sparse,
 * mmcheck-clang): their own options among a compiler's, the catalogue, the
 * facts, and warnings printed as GCC prints them, so that the front door
 * and kbuild read every engine alike.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mmcore.h"

void mm_checker_fail(const struct mm_checker *c, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", c->name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

int mm_checker_options(struct mm_checker *c, int argc, char **argv)
{
	char *more;
	int i, j = 1;

	if (!c->disabled)
		c->disabled = "";
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strncmp(a, "--mmcheck-catalogue=", 20))
			c->catalogue_path = a + 20;
		else if (!strncmp(a, "--mmcheck-disable=", 18))
			c->disabled = a + 18;
		else if (!strncmp(a, "--mmcheck-facts=", 16))
			c->facts_dir = a + 16;
		else if (!strncmp(a, "--mmcheck-tree=", 15))
			snprintf(c->tree_dir, sizeof(c->tree_dir), "%s", a + 15);
		else if (!strcmp(a, "--mmcheck-help") || !strcmp(a, "--help"))
			fputs(c->usage, stdout), exit(0);
		else if (!strncmp(a, "--mmcheck-", 10))
			mm_checker_fail(c, "unknown option '%s' (see --mmcheck-help)", a);
		else if ((more = mm_rule_wno(c->disabled, a)) != NULL)	/* -Wno-mm-..., as gcc */
			c->disabled = more;
		else
			argv[j++] = argv[i];
	}
	argv[j] = NULL;
	return j;
}

void mm_checker_setup(struct mm_checker *c)
{
	char err[1024];

	if (!c->catalogue_path)
		c->catalogue_path = mm_cat_beside("/proc/self/exe", c->beside, sizeof(c->beside));
	if (mm_cat_load(&c->catalogue, c->catalogue_path, err, sizeof(err)))
		mm_checker_fail(c, "%s (--mmcheck-catalogue=FILE)", err);
	if (c->facts_dir && access(c->facts_dir, W_OK | X_OK))
		mm_checker_fail(c, "facts directory '%s' is not a writable directory "
				"(--mmcheck-facts=DIR)", c->facts_dir);
	if (!*c->tree_dir && !getcwd(c->tree_dir, sizeof(c->tree_dir)))
		strcpy(c->tree_dir, "?");
}

void mm_checker_report(const struct mm_finding *f, void *ctx)
{
	struct mm_checker *c = ctx;
	int i;

	if (mm_rule_listed(c->disabled, f->rule))
		return;
	/* as GCC says it: the checks run at the unit's end */
	if (f->function && (f->function != c->last_function || f->loc.file != c->last_file))
		fprintf(stderr, "%s: In function '%s':\n", f->loc.file, f->function);
	c->last_function = f->function;
	c->last_file = f->loc.file;
	fprintf(stderr, "%s:%d:%d: warning: %s [%s]\n", f->loc.file, f->loc.line, f->loc.col,
		f->message, f->rule);
	for (i = 0; i < f->nnotes; i++)
		fprintf(stderr, "%s:%d:%d: note: %s\n", f->note_loc[i].file, f->note_loc[i].line,
			f->note_loc[i].col, f->note[i]);
}

void mm_checker_too_many_paths(const struct mm_checker *c, const struct mm_loc *at,
			       const char *function)
{
	if (mm_rule_listed(c->disabled, MM_INCOMPLETE))
		return;
	fprintf(stderr, "%s:%d:%d: warning: mmcheck: '%s' has too many paths; analysis "
		"incomplete [" MM_INCOMPLETE "]\n", at->file, at->line, at->col, function);
}

void mm_checker_write_facts(const struct mm_checker *c, struct mm_facts *facts, const char *unit,
			    void (*incomplete)(void *cookie, void *ctx))
{
	char err[4200];

	mm_facts_end(facts, incomplete, NULL);
	if (mm_facts_write_dir(facts, c->facts_dir, c->tree_dir, unit, err, sizeof(err)))
		mm_checker_fail(c, "%s", err);
	mm_facts_free(facts);
}
