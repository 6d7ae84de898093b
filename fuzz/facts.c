// SPDX-License-Identifier: GPL-2.0
/*
 * facts.c - libFuzzer harness: lock facts through the reader and the
 * whole-tree lock analysis (core/facts.c, core/lockgraph.c).
 *
 * The input is a blob without its end record; the harness seals it with
 * the right count and checksum, so mutations get past the integrity check
 * into the records, the graph and the reports.  fuzz/facts-raw.c feeds
 * blobs as they come, to fuzz the integrity check itself.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mmcore.h"
#include "harness.h"

static void report(const struct mm_finding *f, void *ctx)
{
	(void)f;
	(void)ctx;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mm_lockgraph *g = mm_lg_new(harness_catalogue());
	char *buf = malloc(size + 64), err[512];
	size_t i, len = size;
	int lines = 0;

	memcpy(buf, data, size);
	if (len && buf[len - 1] != '\n')
		buf[len++] = '\n';
	for (i = 0; i < len; i++)
		lines += buf[i] == '\n';
	len += snprintf(buf + len, 64, "end\t%d\t%016llx\n", lines - 1,
			mm_facts_checksum(buf, len));
	if (!mm_lg_add(g, buf, len, "fuzz.o", err, sizeof(err)))
		mm_lg_analyse(g, report, NULL);
	mm_lg_free(g);
	free(buf);
	return 0;
}
