// SPDX-License-Identifier: GPL-2.0
/*
 * elf.c - libFuzzer harness: an object file as mmcheck-locks reads it
 * (locks/elf.c over libelf), then its facts section through the reader.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mmcore.h"
#include "../locks/elf.h"

static int count(const struct mm_fact *fact, void *ctx)
{
	(void)fact;
	++*(int *)ctx;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned char *copy = malloc(size ? size : 1);
	struct elf_found found;
	char err[512];
	int n = 0;

	memcpy(copy, data, size);
	if (!elf_section(copy, size, ".mmcheck.facts", &found) && found.data) {
		mm_facts_parse((char *)found.data, found.size, "fuzz.o", count, &n, err,
			       sizeof(err));
		free(found.data);
	}
	free(copy);
	return 0;
}
