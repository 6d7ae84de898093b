// SPDX-License-Identifier: GPL-2.0
/*
 * elf.c - find one section of an ELF object through elfutils' libelf.
 *
 * Objects come from builds of trees nobody reviewed (the bot builds
 * patches from the list), so their headers are hostile input.  A reader
 * of our own added 64-bit offsets and sizes that could wrap and read out
 * of bounds; libelf, which every ELF tool of the field trusts and which is
 * fuzzed continuously, checks them.  It reads 32 and 64 bit objects of
 * either byte order (s390x objects are big-endian) on any host.
 */
#include <gelf.h>
#include <stdlib.h>
#include <string.h>

#include "elf.h"

static int failed(struct elf_found *out, const char *why)
{
	free(out->data);
	out->data = NULL;
	out->size = 0;
	out->error = why;
	return -1;
}

/* The bytes of section scn, as they are in the file. */
static int copy_out(Elf_Scn *scn, struct elf_found *out)
{
	Elf_Data *d = elf_rawdata(scn, NULL);

	if (!d || (d->d_size && !d->d_buf))
		return -1;
	out->data = malloc(d->d_size + 1);
	if (!out->data)
		return -1;
	if (d->d_size)
		memcpy(out->data, d->d_buf, d->d_size);
	out->size = d->d_size;
	return 0;
}

static int names_gcc(Elf_Scn *scn)
{
	Elf_Data *d = elf_rawdata(scn, NULL);

	return d && d->d_buf && memmem(d->d_buf, d->d_size, "GCC:", 4) != NULL;
}

int elf_section(unsigned char *p, size_t len, const char *want, struct elf_found *out)
{
	Elf_Scn *scn = NULL;
	size_t shstrndx, shnum;
	GElf_Ehdr eh;
	Elf *e;

	memset(out, 0, sizeof(*out));
	elf_errno();	/* clears an error left by an earlier object */
	if (elf_version(EV_CURRENT) == EV_NONE)
		return failed(out, "libelf is out of date");
	e = elf_memory((char *)p, len);
	if (!e || elf_kind(e) != ELF_K_ELF || !gelf_getehdr(e, &eh)) {
		elf_end(e);
		return failed(out, "not an ELF object");
	}
	/* libelf answers "no sections" for section headers out of the file */
	if (elf_getshdrnum(e, &shnum) || elf_getshdrstrndx(e, &shstrndx) ||
	    (eh.e_shoff && !shnum) || (eh.e_shnum && eh.e_shnum != shnum)) {
		elf_end(e);
		return failed(out, "corrupt section headers");
	}
	while ((scn = elf_nextscn(e, scn)) != NULL) {
		const char *name;
		GElf_Shdr sh;

		if (!gelf_getshdr(scn, &sh) || !(name = elf_strptr(e, shstrndx, sh.sh_name))) {
			/* the facts section might be the one not found */
			elf_end(e);
			return failed(out, "corrupt section headers");
		}
		if (sh.sh_type == SHT_NOBITS)
			continue;
		if (!strcmp(name, ".comment") && names_gcc(scn))
			out->compiled_by_gcc = 1;
		if (!strcmp(name, want) && (out->data || copy_out(scn, out))) {
			/* two sections of that name, or one libelf cannot read */
			elf_end(e);
			return failed(out, "a corrupt facts section");
		}
	}
	if (elf_errno()) {	/* elf_nextscn() stopped early */
		elf_end(e);
		return failed(out, "corrupt section headers");
	}
	elf_end(e);
	return 0;
}
