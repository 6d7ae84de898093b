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
#include "tree-pass.h"
#include "context.h"
#include "function.h"
#include "basic-block.h"
#include "cfg.h"
#include "gimple.h"
#include "gimple-iterator.h"
#include "diagnostic-core.h"
#include "stringpool.h"

#if BUILDING_GCC_VERSION < 11000
#error "mmcheck's plugin needs GCC 11 or later"
#endif

#endif /* MMCHECK_GCC_COMPAT_H */
