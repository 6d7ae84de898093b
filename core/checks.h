/* SPDX-License-Identifier: GPL-2.0 */
/* checks.h - what the check files share: reporting a finding once. */
#ifndef MM_CHECKS_H
#define MM_CHECKS_H

#include "mmcore.h"

/* Report f unless this rule already reported at this location. */
void mm_report_once(struct mm_check_ctx *c, const struct mm_finding *f);

#endif
