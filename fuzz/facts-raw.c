// SPDX-License-Identifier: GPL-2.0
/*
 * facts-raw.c - libFuzzer harness: a facts section as it is read from an
 * object, end record and all: the count, the checksum, concatenated and
 * padded blobs (core/facts.c).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mmcore.h"

static int count(const struct mm_fact *fact, void *ctx)
{
	(void)fact;
	++*(int *)ctx;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = malloc(size + 1), err[512];
	int n = 0;

	memcpy(buf, data, size);
	buf[size] = '\0';
	mm_facts_parse(buf, size, "fuzz.o", count, &n, err, sizeof(err));
	free(buf);
	return 0;
}
