// SPDX-License-Identifier: GPL-2.0
/*
 * catalogue.c - libFuzzer harness: an API catalogue (core/catalogue.c),
 * loaded from a file as every engine loads it, then asked what the
 * engines ask of it.  (memfd_create() needs _GNU_SOURCE: the Makefile's.)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "../core/mmcore.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int fd = memfd_create("catalogue", 0);
	struct mm_catalogue cat;
	char path[64], err[512];

	if (fd < 0 || write(fd, data, size) != (ssize_t)size)
		abort();
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	if (!mm_cat_load(&cat, path, err, sizeof(err))) {
		mm_cat_bits(&cat, "lock_type");
		mm_cat_first(&cat, "rmap_delay");
		mm_cat_free(&cat);
	}
	close(fd);
	return 0;
}
