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

#endif
