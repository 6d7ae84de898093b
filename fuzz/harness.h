/* SPDX-License-Identifier: GPL-2.0 */
/* harness.h - what the fuzz harnesses share: the real catalogue, loaded once. */
#ifndef MM_HARNESS_H
#define MM_HARNESS_H

#include <stdio.h>
#include <stdlib.h>

#include "../core/mmcore.h"

static inline const struct mm_catalogue *harness_catalogue(void)
{
	static struct mm_catalogue cat;
	static int loaded;
	char buf[4096], err[512];

	if (!loaded) {
		const char *path = mm_cat_beside("/proc/self/exe", buf, sizeof(buf));

		if (mm_cat_load(&cat, path, err, sizeof(err))) {
			fprintf(stderr, "fuzz: %s\n", err);
			abort();
		}
		loaded = 1;
	}
	return &cat;
}

#endif
