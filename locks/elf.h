/* SPDX-License-Identifier: GPL-2.0 */
/* elf.h - one section of an ELF object (elf.c). */
#ifndef MM_ELF_H
#define MM_ELF_H

#include <stddef.h>

struct elf_found {
	const unsigned char *data;	/* NULL: no such section */
	size_t size;
	int compiled_by_gcc;		/* a .comment names GCC: C, not assembler */
};

/* 0 if p is an ELF object (out says what it holds), -1 if it is not one. */
int elf_section(const unsigned char *p, size_t len, const char *want, struct elf_found *out);

#endif
