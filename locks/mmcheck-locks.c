// SPDX-License-Identifier: GPL-2.0
/*
 * mmcheck-locks - the whole-tree lock analysis over the lock facts of a
 * build (a static lockdep for BH; the analysis is core/lockgraph.c).
 *
 * Usage: mmcheck-locks [OPTIONS] PATH...
 *   PATH: objects built with the GCC plugin's facts=section, .facts files
 *   written with facts=DIR, or directories holding either (searched
 *   recursively).  See --help and docs/mmcheck-locks.1.
 *
 * Exit status: 0 no finding, 1 findings, 2 bad usage or input: no facts,
 * foreign or truncated facts, facts of two trees, or C objects built
 * without facts (unless --partial-ok).  A bad input never yields a report.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../core/mmcore.h"
#include "elf.h"

#define SECTION ".mmcheck.facts"

static const char usage[] =
"usage: mmcheck-locks [-f gcc|json] [-o FILE] [--strip PREFIX] [--catalogue FILE]\n"
"                     [--partial-ok] PATH...\n"
"\n"
"Reads the lock facts the mmcheck GCC plugin leaves in each object\n"
"(-fplugin-arg-mmcheck-facts=section) and reports, per lock class:\n"
"  mm-lock-softirq-unsafe  error: taken with BH enabled in process context and\n"
"                          also in softirq context (call_rcu, timers, tasklets,\n"
"                          NAPI, and what they call)\n"
"  mm-lock-bh-mixed        warning: taken with BH enabled and with a _bh form\n"
"and the path rules (mm-rmap-before-flush, mm-undo-missing, ...) where a\n"
"helper another file defines makes the finding, with the functions' IR the\n"
"units left in the same facts.\n"
"\n"
"  -f, --format gcc|json   gcc-style file:line:col lines with notes (default)\n"
"  -o, --output FILE       write the report to FILE, atomically\n"
"      --strip PREFIX      print file names without PREFIX\n"
"      --catalogue FILE    the API catalogue (default: catalogue/mm-api.tsv in the\n"
"                          nearest directory above this program's; rules.tsv\n"
"                          beside it: severities)\n"
"      --partial-ok        C objects without facts are not an error\n"
"      --full-chains       name every call from a softirq callback to the lock\n"
"  -h, --help              this text\n"
"\n"
"Exit status: 0 no finding, 1 findings, 2 bad usage or input.\n";

struct opts {
	int json, partial_ok, full_chains;
	const char *output, *strip, *catalogue;
};

struct run {
	struct mm_lockgraph *g;
	int objects, with_facts, without;
	char first_without[4][512];
	FILE *out;
	const struct opts *o;
	int nfindings;
};

static void die(const char *fmt, ...)
{
	va_list ap;

	fputs("mmcheck-locks: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

/* ---- input ---------------------------------------------------------------- */

static void add_facts(struct run *r, char *buf, size_t len, const char *path)
{
	char err[1024];

	if (mm_lg_add(r->g, buf, len, path, err, sizeof(err)))
		die("%s", err);
	r->with_facts++;
}

static void read_object(struct run *r, const char *path, unsigned char *p, size_t len)
{
	struct elf_found found;

	if (elf_section(p, len, SECTION, &found))
		die("%s: %s", path, found.error);
	r->objects++;
	if (!found.data) {
		if (found.compiled_by_gcc && r->without < 4)
			snprintf(r->first_without[r->without], sizeof(r->first_without[0]), "%s", path);
		r->without += found.compiled_by_gcc;
		return;
	}
	add_facts(r, (char *)found.data, found.size, path);
	free(found.data);
}

static void read_file(struct run *r, const char *path)
{
	struct stat st;
	unsigned char *p;
	int fd = open(path, O_RDONLY);

	if (fd < 0 || fstat(fd, &st))
		die("%s: %s", path, strerror(errno));
	if (!st.st_size) {
		close(fd);
		die("%s: empty file", path);
	}
	p = mmap(NULL, st.st_size, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	close(fd);
	if (p == MAP_FAILED)
		die("%s: %s", path, strerror(errno));
	if (st.st_size >= 4 && !memcmp(p, "\177ELF", 4))
		read_object(r, path, p, st.st_size);
	else
		add_facts(r, (char *)p, st.st_size, path);
	munmap(p, st.st_size);
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && !strcmp(s + n - m, suffix);
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

/* Sorted, so that which object a message names does not depend on the
 * file system's order. */
static void read_dir(struct run *r, const char *dir)
{
	struct dirent **ents;
	int n = scandir(dir, &ents, NULL, by_name), i;

	if (n < 0)
		die("%s: %s", dir, strerror(errno));
	for (i = 0; i < n; i++) {
		const char *name = ents[i]->d_name;
		char path[4096];
		struct stat st;

		snprintf(path, sizeof(path), "%s/%s", dir, name);
		if (name[0] == '.' || lstat(path, &st)) {
			free(ents[i]);
			continue;
		}
		if (S_ISDIR(st.st_mode))
			read_dir(r, path);
		else if (S_ISREG(st.st_mode) && (ends_with(name, ".o") || ends_with(name, ".facts")))
			read_file(r, path);
		free(ents[i]);
	}
	free(ents);
}

static void read_path(struct run *r, const char *path)
{
	struct stat st;

	if (stat(path, &st))
		die("%s: %s", path, strerror(errno));
	if (S_ISDIR(st.st_mode))
		read_dir(r, path);
	else
		read_file(r, path);
}

/* ---- output ---------------------------------------------------------------- */

static const char *shown(const struct run *r, const char *file)
{
	size_t n = r->o->strip ? strlen(r->o->strip) : 0;

	return n && !strncmp(file, r->o->strip, n) ? file + n + (file[n] == '/') : file;
}

/* A message names a static lock or function as name@UNIT: the same
 * prefix comes off the unit's path there too. */
static const char *shown_text(const struct run *r, const char *msg, char *buf, size_t size)
{
	size_t n = r->o->strip ? strlen(r->o->strip) : 0, len = 0;
	const char *p;

	if (!n)
		return msg;
	for (p = msg; *p && len + 1 < size; p++) {
		if (p > msg && p[-1] == '@' && !strncmp(p, r->o->strip, n)) {
			p += n - (p[n] != '/');
			continue;
		}
		buf[len++] = *p;
	}
	buf[len] = '\0';
	return buf;
}

/* ---- severities: catalogue/rules.tsv, the file beside the catalogue ------- */

/* Every rule of rules.tsv may be reported: the lock rules by the lock
 * analysis, the path rules by the check with other units' helpers. */
#define MAX_RULES 32
static struct {
	char id[64], severity[16];
} rules[MAX_RULES];
static int nrules;
static const char *const required[2] = { "mm-lock-softirq-unsafe", "mm-lock-bh-mixed" };

static const char *rule_severity(const char *rule)
{
	int i;

	for (i = 0; i < nrules; i++)
		if (!strcmp(rules[i].id, rule))
			return rules[i].severity;
	return NULL;
}

static const char *severity(const char *rule)
{
	const char *s = rule_severity(rule);

	return s ? s : "error";		/* mmcheck-incomplete: the analysis fell short */
}

/* ID FAMILY SEVERITY ... per row: the severity of each rule reported. */
static void load_severities(const char *catalogue)
{
	const char *slash = strrchr(catalogue, '/');
	char path[4096], line[4096];
	FILE *f;
	int i;

	snprintf(path, sizeof(path), "%.*srules.tsv", slash ? (int)(slash - catalogue + 1) : 0,
		 catalogue);
	f = fopen(path, "r");
	if (!f)
		die("%s: %s (the rule list beside --catalogue)", path, strerror(errno));
	while (fgets(line, sizeof(line), f)) {
		char *id = strtok(line, "\t"), *sev;

		if (!id || id[0] == '#' || !strtok(NULL, "\t") || !(sev = strtok(NULL, "\t")))
			continue;
		if (nrules == MAX_RULES || (strcmp(sev, "error") && strcmp(sev, "warning")))
			die("%s: %s: too many rules, or no error or warning severity", path, id);
		snprintf(rules[nrules].id, sizeof(rules[nrules].id), "%s", id);
		snprintf(rules[nrules++].severity, sizeof(rules[0].severity), "%s", sev);
	}
	fclose(f);
	for (i = 0; i < 2; i++)
		if (!rule_severity(required[i]))
			die("%s: no row for %s", path, required[i]);
}

static void json_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fprintf(f, "\\%c", *s);
		else if ((unsigned char)*s < 32)
			fprintf(f, "\\u%04x", *s);
		else
			fputc(*s, f);
	}
	fputc('"', f);
}

static void json_place(FILE *f, const struct run *r, const struct mm_loc *l, const char *msg)
{
	char text[4096];

	fputs("{\"file\": ", f);
	json_string(f, shown(r, l->file));
	fprintf(f, ", \"line\": %d, \"column\": %d, \"message\": ", l->line, l->col);
	json_string(f, shown_text(r, msg, text, sizeof(text)));
}

static void report(const struct mm_finding *fd, void *ctx)
{
	struct run *r = ctx;
	char text[4096];
	int i;

	if (r->o->json) {
		fprintf(r->out, "%s\n    ", r->nfindings ? "," : "");
		json_place(r->out, r, &fd->loc, fd->message);
		fprintf(r->out, ", \"rule\": \"%s\", \"severity\": \"%s\", \"function\": ",
			fd->rule, severity(fd->rule));
		json_string(r->out, fd->function ? fd->function : "");
		fputs(", \"notes\": [", r->out);
		for (i = 0; i < fd->nnotes; i++) {
			fputs(i ? ", " : "", r->out);
			json_place(r->out, r, &fd->note_loc[i], fd->note[i]);
			fputc('}', r->out);
		}
		fputs("]}", r->out);
	} else {
		fprintf(r->out, "%s:%d:%d: %s: %s [%s]\n", shown(r, fd->loc.file), fd->loc.line,
			fd->loc.col, severity(fd->rule),
			shown_text(r, fd->message, text, sizeof(text)), fd->rule);
		for (i = 0; i < fd->nnotes; i++)
			fprintf(r->out, "%s:%d:%d: note: %s\n", shown(r, fd->note_loc[i].file),
				fd->note_loc[i].line, fd->note_loc[i].col,
				shown_text(r, fd->note[i], text, sizeof(text)));
	}
	r->nfindings++;
}

static void check_complete(const struct run *r)
{
	int i;

	if (!r->with_facts)
		die("no lock facts found (%d objects): build with -fplugin=mmcheck.so "
		    "-fplugin-arg-mmcheck-facts=section", r->objects);
	if (!r->without || r->o->partial_ok)
		return;
	for (i = 0; i < r->without && i < 4; i++)
		fprintf(stderr, "mmcheck-locks: %s: compiled without lock facts\n",
			r->first_without[i]);
	die("%d of %d C objects have no lock facts: the report would be partial "
	    "(rebuild them with the plugin, or --partial-ok)", r->without,
	    r->with_facts + r->without);
}

static void parse_opts(int argc, char **argv, struct opts *o, int *first)
{
	int i;

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			fputs(usage, stdout);
			exit(0);
		} else if ((!strcmp(a, "-f") || !strcmp(a, "--format")) && i + 1 < argc) {
			if (strcmp(argv[++i], "json") && strcmp(argv[i], "gcc"))
				die("unknown format '%s' (gcc or json)", argv[i]);
			o->json = !strcmp(argv[i], "json");
		} else if ((!strcmp(a, "-o") || !strcmp(a, "--output")) && i + 1 < argc) {
			o->output = argv[++i];
		} else if (!strcmp(a, "--catalogue") && i + 1 < argc) {
			o->catalogue = argv[++i];
		} else if (!strcmp(a, "--strip") && i + 1 < argc) {
			o->strip = argv[++i];
		} else if (!strcmp(a, "--full-chains")) {
			o->full_chains = 1;
		} else if (!strcmp(a, "--partial-ok")) {
			o->partial_ok = 1;
		} else if (!strcmp(a, "--")) {
			i++;
			break;
		} else {
			fprintf(stderr, "mmcheck-locks: unknown or incomplete option '%s'\n%s", a, usage);
			exit(2);
		}
	}
	if (i == argc) {
		fputs(usage, stderr);
		exit(2);
	}
	*first = i;
}

/* A report goes to a temporary file renamed over FILE, so that a reader
 * never sees half of one; but only a regular file (or a new one) can be
 * replaced so: renaming over /dev/null, as root, would turn the device
 * into a regular file and break every later build on the machine. */
static int renamed_into_place(const char *path)
{
	struct stat st;

	return stat(path, &st) || S_ISREG(st.st_mode);
}

int main(int argc, char **argv)
{
	char tmp[4096], err[1024], beside[4096];
	struct opts o = { .catalogue = mm_cat_beside("/proc/self/exe", beside, sizeof(beside)) };
	struct mm_catalogue cat;
	struct run r = { 0 };
	int first, i;

	parse_opts(argc, argv, &o, &first);
	r.o = &o;
	if (mm_cat_load(&cat, o.catalogue, err, sizeof(err)))
		die("%s (--catalogue FILE)", err);
	load_severities(o.catalogue);
	r.g = mm_lg_new(&cat);
	mm_lg_full_chains(r.g, o.full_chains);
	for (i = first; i < argc; i++)
		read_path(&r, argv[i]);
	check_complete(&r);
	r.out = stdout;
	if (o.output && !renamed_into_place(o.output)) {
		r.out = fopen(o.output, "w");	/* /dev/null, a pipe: written in place */
		if (!r.out)
			die("%s: %s", o.output, strerror(errno));
		o.output = NULL;
	} else if (o.output) {
		snprintf(tmp, sizeof(tmp), "%s.tmp", o.output);
		r.out = fopen(tmp, "w");
		if (!r.out)
			die("%s: %s", tmp, strerror(errno));
	}
	if (o.json)
		fputs("{\"findings\": [", r.out);
	mm_lg_analyse(r.g, report, &r);
	if (o.json)
		fprintf(r.out, "%s], \"units\": %d, \"objects\": %d}\n", r.nfindings ? "\n" : "",
			mm_lg_units(r.g), r.objects);
	if (fflush(r.out) || ferror(r.out) || (o.output && (fclose(r.out) || rename(tmp, o.output))))
		die("%s: %s", o.output ? o.output : "standard output", strerror(errno));
	mm_lg_free(r.g);
	mm_cat_free(&cat);
	return r.nfindings ? 1 : 0;
}
