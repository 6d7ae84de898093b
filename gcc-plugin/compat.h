/* SPDX-License-Identifier: GPL-2.0 */
/*
 * compat.h - every GCC-version difference the mmcheck plugin needs, in one
 * place; the plugin source itself carries no #if on GCC versions.
 * Built and tested with GCC 11 and 12 (x86_64 and the s390x cross compiler).
 */
#ifndef MMCHECK_GCC_COMPAT_H
#define MMCHECK_GCC_COMPAT_H

#include "gcc-plugin.h"
#include "bversion.h"
#include "plugin-version.h"
#include "tree.h"
#include "hash-map.h"
#include "tree-pass.h"
#include "context.h"
#include "function.h"
#include "basic-block.h"
#include "cfg.h"
#include "gimple.h"
#include "gimple-iterator.h"
#include "diagnostic-core.h"
#include "diagnostic.h"
#include "stringpool.h"
#include "output.h"
#include "cpplib.h"
#include "toplev.h"
#include "opts.h"

/* The C front end's preprocessor, to ask whether the unit defines a
 * CONFIG_ macro.  Weak: a compiler without one (lto1) still loads us. */
extern cpp_reader *parse_in __attribute__((weak));

#if BUILDING_GCC_VERSION < 11000
#error "mmcheck's plugin needs GCC 11 or later"
#endif

/* The column a user sees (tabs every 8), as GCC's own diagnostics print
 * it; GCC 12 takes a column policy where GCC 11 took the tab stop. */
static inline int display_column(expanded_location x)
{
#if BUILDING_GCC_VERSION >= 12000
	cpp_char_column_policy policy(8, cpp_wcwidth);

	return location_compute_display_column(x, policy);
#else
	return location_compute_display_column(x, 8);
#endif
}

#endif /* MMCHECK_GCC_COMPAT_H */
