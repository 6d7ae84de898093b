/* SPDX-License-Identifier: GPL-2.0 */
#ifndef MMCHECK_SPARSE_CLEANUPS_H
#define MMCHECK_SPARSE_CLEANUPS_H

struct symbol_list;

/* Write the calls of cleanup attributes into the parsed functions of list. */
void write_cleanups(struct symbol_list *list);

#endif
