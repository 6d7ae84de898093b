/* SPDX-License-Identifier: GPL-2.0 */
/* checks.h - what the check files share: walking, reporting a finding once. */
#ifndef MM_CHECKS_H
#define MM_CHECKS_H

#include "mmcore.h"

/* Walk c's function with w (ctx: the walker's own context, often c);
 * a walk that hit its bound marks the run incomplete. */
void mm_check_walk(struct mm_check_ctx *c, const struct mm_walker *w, void *ctx);

/* Report f unless this rule already reported at this location. */
void mm_report_once(struct mm_check_ctx *c, const struct mm_finding *f);

/* An event kind as a bit of a set, and the set of the kinds fn has. */
#define MM_EV_BIT(k) (1ULL << (k))
unsigned long long mm_events_of(const struct mm_func *fn);

/* realloc() that aborts when memory runs out (ir.c says why). */
void *mm_xrealloc(void *p, size_t n);

/* Strings kept for the life of a unit or a run, each text once among the
 * last window kept (note texts repeat close together). */
struct mm_strings {
	char **s;
	int n, cap;
};
const char *mm_strings_keep(struct mm_strings *p, const char *s, int window);
void mm_strings_free(struct mm_strings *p);

/* The biggest summary of another unit's helper applied at a call (at 32,
 * 6.12's madvise_free_pte_range() passes its walk bound); a unit exports
 * no bigger summary, which no other unit would use. */
#define MM_CROSS_MAX_APPLY 16

/* FNV-1a of a name: the catalogue's index, the unit's functions by id. */
unsigned mm_name_hash(const char *s);

#endif
