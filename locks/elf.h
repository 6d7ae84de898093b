/* SPDX-License-Identifier: GPL-2.0 */
/* elf.h - one section of an ELF object (elf.c). */
#ifndef MM_ELF_H
#define MM_ELF_H

#include <stddef.h>

struct elf_found {
	unsigned char *data;		/* a copy, to free(); NULL: no such section */
	size_t size;
	int compiled_by_gcc;		/* a .comment names GCC: C, not assembler */
	const char *error;		/* why elf_section() failed */
};

/* 0 if p is an ELF object (out says what it holds), -1 if it is not one or
 * is corrupt (out->error says which). */
int elf_section(unsigned char *p, size_t len, const char *want, struct elf_found *out);

#endif
