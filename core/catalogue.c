// SPDX-License-Identifier: GPL-2.0
/*
 * catalogue.c - read catalogue/mm-api.tsv, the one table of kernel API
 * names every engine uses (format described at the top of that file).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mmcore.h"
#include "checks.h"

static char *dup_field(const char *s, size_t n)
{
	char *d = malloc(n + 1);

	if (d) {
		memcpy(d, s, n);
		d[n] = '\0';
	}
	return d;
}

/* Split a line into at most max whitespace-separated fields, in place. */
static int split(char *line, char **f, int max)
{
	int n = 0;

	while (n < max) {
		while (isspace((unsigned char)*line))
			line++;
		if (!*line)
			break;
		f[n++] = line;
		while (*line && !isspace((unsigned char)*line))
			line++;
		if (*line)
			*line++ = '\0';
	}
	return n;
}

/* A key given twice keeps its last value. */
static void set_key(char **slot, const char *value)
{
	free(*slot);
	*slot = dup_field(value, strlen(value));
}

static int add_entry(struct mm_catalogue *cat, char **f, int nf)
{
	struct mm_cat_entry *e, *grown;
	int i;

	grown = realloc(cat->e, (cat->n + 1) * sizeof(*cat->e));
	if (!grown)
		return -1;
	cat->e = grown;
	e = &cat->e[cat->n++];
	memset(e, 0, sizeof(*e));
	e->kind = dup_field(f[0], strlen(f[0]));
	e->name = dup_field(f[1], strlen(f[1]));
	e->bit = -1;
	for (i = 2; i < nf; i++) {
		if (!strncmp(f[i], "pair=", 5))
			set_key(&e->pair, f[i] + 5);
		else if (!strncmp(f[i], "lock=", 5))
			set_key(&e->lock, f[i] + 5);
		else if (!strncmp(f[i], "arg=", 4))
			e->arg = atoi(f[i] + 4);
		else if (!strcmp(f[i], "try=1"))
			e->trylock = 1;
		else if (!strcmp(f[i], "macro=1"))
			e->macro = 1;
		else if (!strncmp(f[i], "as=", 3))
			set_key(&e->as, f[i] + 3);
		else if (!strncmp(f[i], "family=", 7))
			set_key(&e->family, f[i] + 7);
		else if (!strncmp(f[i], "member=", 7))
			set_key(&e->member, f[i] + 7);
		else if (!strncmp(f[i], "from=", 5))
			set_key(&e->from, f[i] + 5);
		else if (!strncmp(f[i], "path=", 5))
			set_key(&e->path, f[i] + 5);
		else if (!strncmp(f[i], "bit=", 4))
			e->bit = atoi(f[i] + 4);
		else if (!strncmp(f[i], "wq=", 3))
			e->wq = atoi(f[i] + 3);
	}
	return e->kind && e->name ? 0 : -1;
}

unsigned mm_name_hash(const char *s)
{
	unsigned h = 2166136261u;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

/* The index slot of name: its first entry's, or an empty one (-1). */
static unsigned slot_of(const struct mm_catalogue *cat, const char *name)
{
	unsigned h = mm_name_hash(name) % cat->nindex;

	while (cat->index[h] != -1 && strcmp(cat->e[cat->index[h]].name, name))
		h = (h + 1) % cat->nindex;
	return h;
}

/* Distinct kinds get bit numbers; names get an open-addressing index of
 * their first entry, the entries of a name a chain (next), and each slot
 * the kinds of its name: the front ends ask for every call they see. */
static int build_index(struct mm_catalogue *cat, char *err, size_t errlen)
{
	int i, k, *last;

	for (i = 0; i < cat->n; i++) {
		for (k = 0; k < cat->nkinds && strcmp(cat->kinds[k], cat->e[i].kind); k++)
			;
		if (k == cat->nkinds) {
			if (k == 64) {
				snprintf(err, errlen, "more than 64 kinds in the catalogue");
				return -1;
			}
			cat->kinds[cat->nkinds++] = cat->e[i].kind;
		}
		cat->e[i].kind_id = k;
	}
	if (cat->n > (1 << 20)) {
		snprintf(err, errlen, "catalogue too large (%d entries)", cat->n);
		return -1;
	}
	cat->nindex = 4 * cat->n + 1;
	cat->index = malloc(sizeof(*cat->index) * (size_t)(unsigned)cat->nindex);
	cat->index_kinds = calloc((size_t)(unsigned)cat->nindex, sizeof(*cat->index_kinds));
	last = malloc(sizeof(*last) * (size_t)(unsigned)cat->nindex);
	if (!cat->index || !cat->index_kinds || !last) {
		free(last);
		return -1;
	}
	for (i = 0; i < cat->nindex; i++)
		cat->index[i] = -1;
	for (i = 0; i < cat->n; i++) {
		unsigned h = slot_of(cat, cat->e[i].name);

		cat->e[i].next = -1;
		if (cat->index[h] == -1)
			cat->index[h] = i;
		else
			cat->e[last[h]].next = i;
		last[h] = i;
		cat->index_kinds[h] |= 1ULL << cat->e[i].kind_id;
	}
	free(last);
	return 0;
}

unsigned long long mm_cat_mask(const struct mm_catalogue *cat, const char *name)
{
	return cat->nindex ? cat->index_kinds[slot_of(cat, name)] : 0;
}

unsigned long long mm_cat_bits(const struct mm_catalogue *cat, const char *kinds)
{
	unsigned long long m = 0;
	const char *k = kinds, *bar;
	size_t n;
	int i;

	while (*k) {
		bar = strchr(k, '|');
		n = bar ? (size_t)(bar - k) : strlen(k);
		for (i = 0; i < cat->nkinds; i++)
			if (cat->kinds[i][0] == k[0] && !strncmp(cat->kinds[i], k, n) &&
			    !cat->kinds[i][n])
				m |= 1ULL << i;
		k += n + (bar ? 1 : 0);
	}
	return m;
}

/*
 * catalogue/mm-api.tsv in the nearest directory above the program's that
 * has one: the parent in the source tree (locks/mmcheck-locks) and as
 * installed (PREFIX/lib/mmcheck/locks/), the grandparent for a plugin
 * built for another GCC (gcc-plugin/gcc-11/mmcheck.so).  No path built
 * into a program breaks when the tree moves.  Symlinks are resolved
 * first: PREFIX/bin holds links to the programs.  When none is found,
 * buf names the first place looked, for the error.
 */
const char *mm_cat_beside(const char *program, char *buf, size_t size)
{
	char *dir = realpath(program, NULL), *slash, path[4096];
	int up, found;

	if (!dir)
		dir = strdup(program);
	snprintf(buf, size, "catalogue/mm-api.tsv");
	/* the program's name, then each directory up to its grandparent */
	for (up = 0; dir && up < 3 && (slash = strrchr(dir, '/')) != NULL; up++) {
		*slash = '\0';
		if (!up)
			continue;
		snprintf(path, sizeof(path), "%s/catalogue/mm-api.tsv", dir);
		found = !access(path, R_OK);
		if (up == 1 || found)
			snprintf(buf, size, "%s", path);
		if (found)
			break;
	}
	free(dir);
	return buf;
}

static void forget_kinds(void);

int mm_cat_load(struct mm_catalogue *cat, const char *path, char *err, size_t errlen)
{
	char line[1024], *f[8], *hash;
	int num = 0, nf;
	FILE *fp;

	forget_kinds();
	memset(cat, 0, sizeof(*cat));
	fp = fopen(path, "r");
	if (!fp) {
		snprintf(err, errlen, "%s: cannot read the catalogue", path);
		return -1;
	}
	while (fgets(line, sizeof(line), fp)) {
		num++;
		if (!strchr(line, '\n') && !feof(fp)) {
			/* read on, it would be taken for a line of its own */
			snprintf(err, errlen, "%s:%d: line longer than %zu bytes", path, num,
				 sizeof(line) - 2);
			fclose(fp);
			mm_cat_free(cat);
			return -1;
		}
		hash = strchr(line, '#');
		if (hash)
			*hash = '\0';
		nf = split(line, f, 8);
		if (nf == 0)
			continue;
		if (nf < 2 || add_entry(cat, f, nf)) {
			snprintf(err, errlen, "%s:%d: expected KIND NAME [KEY=VALUE...]", path, num);
			fclose(fp);
			mm_cat_free(cat);
			return -1;
		}
	}
	fclose(fp);
	if (!cat->n) {
		snprintf(err, errlen, "%s: the catalogue is empty", path);
		return -1;
	}
	if (build_index(cat, err, errlen)) {
		mm_cat_free(cat);
		return -1;
	}
	for (num = 0; num < cat->n && cat->nguards < 8; num++)
		if (!strncmp(cat->e[num].kind, "guard_", 6) && strchr(cat->e[num].name, '%'))
			cat->guards[cat->nguards++] = num;
	return 0;
}

void mm_cat_free(struct mm_catalogue *cat)
{
	int i;

	forget_kinds();
	for (i = 0; i < cat->n; i++) {
		free(cat->e[i].kind);
		free(cat->e[i].name);
		free(cat->e[i].pair);
		free(cat->e[i].lock);
		free(cat->e[i].as);
		free(cat->e[i].family);
		free(cat->e[i].member);
		free(cat->e[i].from);
		free(cat->e[i].path);
	}
	free(cat->e);
	free(cat->index);
	free(cat->index_kinds);
	memset(cat, 0, sizeof(*cat));
}

const struct mm_cat_entry *mm_cat_find(const struct mm_catalogue *cat,
				       const char *kind, const char *name)
{
	int i;

	if (!cat->nindex)
		return NULL;
	for (i = cat->index[slot_of(cat, name)]; i != -1; i = cat->e[i].next)
		if (!strcmp(cat->e[i].kind, kind))
			return &cat->e[i];
	return NULL;
}

int mm_cat_is(const struct mm_catalogue *cat, const char *kinds, const char *name)
{
	const char *k = kinds, *bar;
	char one[64];
	size_t n;

	while (*k) {
		bar = strchr(k, '|');
		n = bar ? (size_t)(bar - k) : strlen(k);
		if (n < sizeof(one)) {
			memcpy(one, k, n);
			one[n] = '\0';
			if (mm_cat_find(cat, one, name))
				return 1;
		}
		k += n + (bar ? 1 : 0);
	}
	return 0;
}

/* Does name match a guard_ctor/guard_dtor pattern ('%' stands for the
 * guard's class)?  Copies the class into cls. */
static int match_pattern(const char *pattern, const char *name, char *cls, size_t n)
{
	const char *pct = strchr(pattern, '%');
	size_t pre, post, len = strlen(name);

	if (!pct)
		return 0;
	pre = pct - pattern;
	post = strlen(pct + 1);
	if (len <= pre + post || len - pre - post >= n || strncmp(name, pattern, pre) ||
	    strcmp(name + len - post, pct + 1))
		return 0;
	memcpy(cls, name + pre, len - pre - post);
	cls[len - pre - post] = '\0';
	return 1;
}

int mm_cat_guard(const struct mm_catalogue *cat, const char *name, enum mm_flavour *flavour,
		 int *release, const char **cls)
{
	static const struct {
		const char *kind;
		enum mm_flavour flavour;
	} classes[] = { { "guard_plain", MM_PLAIN }, { "guard_bh", MM_BH }, { "guard_irq", MM_IRQ } };
	const struct mm_cat_entry *found;
	char middle[128];
	size_t k;
	int g;

	for (g = 0; g < cat->nguards; g++) {
		const struct mm_cat_entry *e = &cat->e[cat->guards[g]];
		int dtor = !strcmp(e->kind, "guard_dtor");

		if (!match_pattern(e->name, name, middle, sizeof(middle)))
			continue;
		for (k = 0; k < sizeof(classes) / sizeof(classes[0]); k++) {
			found = mm_cat_find(cat, classes[k].kind, middle);
			if (found) {
				*flavour = classes[k].flavour;
				*release = dtor;
				*cls = found->name;
				return 1;
			}
		}
	}
	return 0;
}

int mm_cat_guard_test(const struct mm_catalogue *cat, const char *name)
{
	char middle[128];
	int g;

	for (g = 0; g < cat->nguards; g++)
		if (!strcmp(cat->e[cat->guards[g]].kind, "guard_test") &&
		    match_pattern(cat->e[cat->guards[g]].name, name, middle, sizeof(middle)))
			return 1;
	return 0;
}

const char *mm_cat_guard_dtor(const struct mm_catalogue *cat, const char *type, char *buf,
			      size_t n)
{
	enum mm_flavour flavour;
	const char *cls;
	char middle[128];
	int g, d, release;

	for (g = 0; g < cat->nguards; g++) {
		const struct mm_cat_entry *t = &cat->e[cat->guards[g]];

		if (strcmp(t->kind, "guard_type") || !match_pattern(t->name, type, middle, sizeof(middle)))
			continue;
		for (d = 0; d < cat->nguards; d++) {
			const char *dtor = cat->e[cat->guards[d]].name, *pct = strchr(dtor, '%');

			if (strcmp(cat->e[cat->guards[d]].kind, "guard_dtor"))
				continue;
			snprintf(buf, n, "%.*s%s%s", (int)(pct - dtor), dtor, middle, pct + 1);
			if (mm_cat_guard(cat, buf, &flavour, &release, &cls))
				return buf;
		}
	}
	return NULL;
}

/* A key sits on one of a name's rows (one row per kind): the first row of
 * name for which has() holds, or NULL. */
static const struct mm_cat_entry *row_with(const struct mm_catalogue *cat, const char *name,
					   int (*has)(const struct mm_cat_entry *e))
{
	int i;

	if (!cat->nindex)
		return NULL;
	for (i = cat->index[slot_of(cat, name)]; i != -1; i = cat->e[i].next)
		if (has(&cat->e[i]))
			return &cat->e[i];
	return NULL;
}

static int has_as(const struct mm_cat_entry *e)
{
	return e->as != NULL;
}

static int has_try(const struct mm_cat_entry *e)
{
	return e->trylock;
}

const char *mm_cat_spelling(const struct mm_catalogue *cat, const char *name)
{
	const struct mm_cat_entry *e = row_with(cat, name, has_as);

	return e ? e->as : name;
}

int mm_cat_trylock(const struct mm_catalogue *cat, const char *name)
{
	return row_with(cat, name, has_try) != NULL;
}

static int has_macro(const struct mm_cat_entry *e)
{
	return e->macro;
}

const char *mm_cat_macro(const struct mm_catalogue *cat, const char *name)
{
	const struct mm_cat_entry *e = row_with(cat, name, has_macro);

	return e ? e->name : NULL;
}

const char *mm_cat_macro_at(const struct mm_catalogue *cat, const char *text, size_t len,
			    const char *callee)
{
	char name[64];
	size_t n = 0;

	while (n < sizeof(name) - 1 && n < len &&
	       (text[n] == '_' || isalnum((unsigned char)text[n])))
		n++;
	memcpy(name, text, n);
	name[n] = '\0';
	if (!n || (callee && !strcmp(name, callee)) || !mm_cat_mask(cat, name))
		return NULL;
	return mm_cat_macro(cat, name);
}

const char *mm_cat_first(const struct mm_catalogue *cat, const char *kind)
{
	int i;

	for (i = 0; i < cat->n; i++)
		if (!strcmp(cat->e[i].kind, kind))
			return cat->e[i].name;
	return "";
}

int mm_cat_prefix(const struct mm_catalogue *cat, const char *kind, const char *name)
{
	int i;

	for (i = 0; name && i < cat->n; i++)
		if (!strcmp(cat->e[i].kind, kind) &&
		    !strncmp(name, cat->e[i].name, strlen(cat->e[i].name)))
			return 1;
	return 0;
}

int mm_cat_any(const struct mm_catalogue *cat, const char *kind,
	       int (*holds)(const char *name, void *ctx), void *ctx)
{
	int i;

	for (i = 0; i < cat->n; i++)
		if (!strcmp(cat->e[i].kind, kind) && holds(cat->e[i].name, ctx))
			return 1;
	return 0;
}

const char *mm_cat_callback_context(const struct mm_catalogue *cat,
				    const char *const *return_names, int nreturn,
				    const char *first_struct, char *why, size_t n)
{
	int i;

	for (i = 0; i < nreturn; i++)
		if (return_names[i] && mm_cat_find(cat, "irq_return", return_names[i])) {
			snprintf(why, n, "returns irqreturn_t");
			return "hardirq";
		}
	if (first_struct && mm_cat_find(cat, "softirq_param", first_struct)) {
		snprintf(why, n, "takes a struct %s *", first_struct);
		return "softirq";
	}
	return NULL;
}

int mm_cat_work_field(const struct mm_catalogue *cat, const char *type, const char *member)
{
	char name[256];

	snprintf(name, sizeof(name), "%s.%s", type ? type : "", member ? member : "");
	return type && member && mm_cat_find(cat, "work_field", name) != NULL;
}

/* bh_workqueue_alloc rows name what makes a workqueue, arg= its flags;
 * bh_workqueue rows with bit= the flags that make its work run in softirq
 * (WQ_BH, bit=0).  A compiler sees the flags as a number: the enum's
 * names are gone, so the row carries the bit. */
int mm_cat_bh_wq_alloc(const struct mm_catalogue *cat, const char *callee, int nargs,
		       int (*value)(void *fe, int i, unsigned long long *v), void *fe)
{
	const struct mm_cat_entry *e = callee ? mm_cat_find(cat, "bh_workqueue_alloc", callee) : NULL;
	unsigned long long flags;
	int i;

	if (!e || e->arg < 1 || e->arg > nargs || !value(fe, e->arg - 1, &flags))
		return 0;
	for (i = 0; i < cat->n; i++)
		if (!strcmp(cat->e[i].kind, "bh_workqueue") && cat->e[i].bit >= 0 &&
		    cat->e[i].bit < 64 && (flags >> cat->e[i].bit & 1))
			return 1;
	return 0;
}

/* The kinds a front end asks mm_cat_is_kind() of are a few literals: their
 * bits are kept, until a catalogue is loaded or freed. */
static struct { const struct mm_catalogue *cat; const char *kind; unsigned long long bits; }
	seen[4];
static int next;

static void forget_kinds(void)
{
	memset(seen, 0, sizeof(seen));
}

int mm_cat_is_kind(const struct mm_catalogue *cat, const char *kind, const char *name)
{
	int i;

	if (!name)
		return 0;
	for (i = 0; i < 4 && (seen[i].cat != cat || seen[i].kind != kind); i++)
		;
	if (i == 4) {
		i = next++ & 3;
		seen[i].cat = cat;
		seen[i].kind = kind;
		seen[i].bits = mm_cat_bits(cat, kind);
	}
	return (mm_cat_mask(cat, name) & seen[i].bits) != 0;
}
