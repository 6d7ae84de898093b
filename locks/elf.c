// SPDX-License-Identifier: GPL-2.0
/*
 * elf.c - find one section of an ELF object: 32 or 64 bit, either byte
 * order (s390x objects are big-endian), without libelf, so that reading
 * the facts of a cross build needs nothing the host lacks.
 */
#define _GNU_SOURCE	/* memmem() */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "elf.h"

struct view {
	const unsigned char *p;
	size_t len;
	int big, wide;
};

static uint64_t get(const struct view *v, size_t off, int size)
{
	uint64_t x = 0;
	int i;

	if (off + size > v->len)
		return 0;
	for (i = 0; i < size; i++)
		x |= (uint64_t)v->p[off + (v->big ? i : size - 1 - i)] << (8 * (size - 1 - i));
	return x;
}

/* Fields of the ELF header and of one section header, by class. */
#define EHDR(v, off32, off64, sz32, sz64) \
	get(v, (v)->wide ? (off64) : (off32), (v)->wide ? (sz64) : (sz32))

int elf_section(const unsigned char *p, size_t len, const char *want, struct elf_found *out)
{
	struct view v = { p, len, 0, 0 };
	uint64_t shoff, shentsize, shnum, shstrndx, stroff, strsize, i;

	memset(out, 0, sizeof(*out));
	if (len < 52 || memcmp(p, "\177ELF", 4))
		return -1;
	v.wide = p[4] == 2;
	v.big = p[5] == 2;
	shoff = EHDR(&v, 32, 40, 4, 8);
	shentsize = EHDR(&v, 46, 58, 2, 2);
	shnum = EHDR(&v, 48, 60, 2, 2);
	shstrndx = EHDR(&v, 50, 62, 2, 2);
	if (!shoff || shstrndx >= shnum || shoff + shnum * shentsize > len)
		return -1;
#define SH(i, off32, off64) EHDR(&v, shoff + (i) * shentsize + (off32), \
				 shoff + (i) * shentsize + (off64), 4, 8)
	stroff = SH(shstrndx, 16, 24);
	strsize = SH(shstrndx, 20, 32);
	if (stroff + strsize > len)
		return -1;
	for (i = 0; i < shnum; i++) {
		uint64_t name = get(&v, shoff + i * shentsize, 4);
		uint64_t off = SH(i, 16, 24), size = SH(i, 20, 32);
		const char *s = (const char *)p + stroff + name;

		if (name >= strsize || off + size > len)
			continue;
		if (!strcmp(s, ".comment") && memmem(p + off, size, "GCC:", 4))
			out->compiled_by_gcc = 1;
		if (!strcmp(s, want)) {
			out->data = p + off;
			out->size = size;
		}
	}
#undef SH
	return 0;
}
