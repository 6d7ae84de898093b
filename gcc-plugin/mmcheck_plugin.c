// SPDX-License-Identifier: GPL-2.0
/*
 * mmcheck_plugin.c - the mmcheck analysis inside a GCC build.
 *
 * A GIMPLE pass placed right after "cfg": the function has its control-flow
 * graph, but no inlining has happened yet, so static inline wrappers such as
 * arch_unmap_one(), set_pte_at() and tlb_delay_rmap() are still calls whose
 * names the catalogue knows.  The pass translates each function into the
 * core IR (core/mmcore.h), runs the shared checks and reports through GCC's
 * own diagnostics: a warning per finding and a note per step of its path.
 * It only reads the IR: the generated code never changes.
 *
 * Options (one spelling: -fplugin-arg-mmcheck-KEY=VALUE):
 *   catalogue=FILE   the API catalogue (default: catalogue/mm-api.tsv in the
 *                    nearest directory above the plugin's)
 *   disable=RULES    comma-separated rule IDs not to report (or, as for
 *                    GCC's own warnings, -Wno-RULE on the command line)
 *   facts=section    write the unit's lock facts (docs/facts.md) into a
 *                    non-allocated .mmcheck.facts section of the object, so
 *                    they travel with it through -j, ccache and distcc
 *   facts=DIR        or into DIR/<unit>.<hash>.facts (written atomically)
 *   tree=ID          what the facts name their build by (default: the working
 *                    directory; set it where compilers run elsewhere: distcc)
 *
 * Usage:
 *   gcc -fplugin=./mmcheck.so -c foo.c
 *   make KCFLAGS=-fplugin=$PWD/mmcheck.so mm/     (in a kernel tree)
 */
#include "compat.h"

#include "../core/mmcore.h"

int plugin_is_GPL_compatible;

static struct plugin_info mmcheck_plugin_info = {
	.version = "0.1",
	.help = "catalogue=FILE\tthe API catalogue (default: catalogue/mm-api.tsv in the nearest directory above the plugin's)\n"
		"disable=RULES\tcomma-separated rule IDs not to report (or -Wno-RULE)\n"
		"facts=section|DIR\twrite lock facts into the object's .mmcheck.facts section, "
		"or into DIR\n"
		"tree=ID\tthe build the facts belong to (default: the working directory)\n",
};

static struct mm_catalogue catalogue;
static const char *disabled = "";
static const char *facts_to;		/* NULL, "section" or a directory */
static struct mm_facts facts;		/* .buf == NULL until the unit's first function */
static char tree_dir[4096];		/* the build's top directory (kbuild runs there) */

/* ---- values: which variable an operand names ------------------------- */

/*
 * A variable keeps one id (its DECL_UID) for the whole function; every
 * assignment to it is an event, so the checks follow its values path by
 * path.  Temporaries are assigned once, so they can simply stand for what
 * they were copied or loaded from: an alias (D.1 = page; _2 = page_folio
 * (page)), or, for a load, the expression loaded (two loads of pages[i]
 * are one object, as in the source).
 */
struct alias {
	tree decl;
	int id;
};

static vec<alias> aliases;
static vec<alias> negations;	/* _2 = ~_1 (!folio_test_anon()): _2 -> id of _1 */

static tree base_decl(tree t)
{
	while (t) {
		switch (TREE_CODE(t)) {
		case ADDR_EXPR:
		case COMPONENT_REF:
		case MEM_REF:
		case ARRAY_REF:
		case NOP_EXPR:
			t = TREE_OPERAND(t, 0);
			continue;
		case VAR_DECL:
		case PARM_DECL:
		case RESULT_DECL:
		case SSA_NAME:	/* the gimplifier's temporaries */
			return t;
		default:
			return NULL_TREE;
		}
	}
	return NULL_TREE;
}

static int lookup_alias(tree t)
{
	unsigned i;

	for (i = 0; i < aliases.length(); i++)
		if (aliases[i].decl == t)
			return aliases[i].id;
	return MM_NO_VALUE;
}

static hashval_t expr_hash(tree t, int depth)
{
	hashval_t h;
	gimple *def;
	int i, a;

	if (!t || depth > 8)
		return 0;
	if (TREE_CODE(t) == SSA_NAME) {
		a = lookup_alias(t);
		if (a != MM_NO_VALUE)
			return (hashval_t)a;
		def = SSA_NAME_DEF_STMT(t);
		if (!def || !is_gimple_assign(def))
			return (hashval_t)SSA_NAME_VERSION(t) * 2654435761u;
		h = (hashval_t)gimple_assign_rhs_code(def);
		for (i = 1; i < (int)gimple_num_ops(def); i++)
			h = iterative_hash_hashval_t(expr_hash(gimple_op(def, i), depth + 1), h);
		return h;
	}
	if (DECL_P(t))
		return (hashval_t)DECL_UID(t);
	if (TREE_CODE(t) == INTEGER_CST)
		return (hashval_t)TREE_INT_CST_LOW(t) ^ 0x9e3779b9u;
	h = (hashval_t)TREE_CODE(t);
	if (EXPR_P(t))
		for (i = 0; i < TREE_OPERAND_LENGTH(t); i++)
			h = iterative_hash_hashval_t(expr_hash(TREE_OPERAND(t, i), depth + 1), h);
	return h;
}

static int value_id(tree t)
{
	int a;

	t = base_decl(t);
	if (!t)
		return MM_NO_VALUE;
	if (TREE_CODE(t) != SSA_NAME)
		return (int)DECL_UID(t);
	a = lookup_alias(t);
	if (a != MM_NO_VALUE)
		return a;
	gimple *def = SSA_NAME_DEF_STMT(t);
	if (def && is_gimple_assign(def) && gimple_assign_load_p(def))
		return (1 << 30) + (int)(expr_hash(t, 0) & 0x3fffffff);
	return (1 << 24) + (int)SSA_NAME_VERSION(t);
}

static void set_alias(tree tmp, int id)
{
	alias a = { tmp, id };

	if (id != MM_NO_VALUE)
		aliases.safe_push(a);
}

/* ---- translation: GIMPLE to the core IR ------------------------------- */

/* Where the code is written in the function, not inside a macro's
 * definition: 6.12's set_pte_at() is a macro around set_ptes().  The
 * column is GCC's byte column: the display column (tabs at 8, as GCC
 * prints it) costs a read of the line, and is computed only for what the
 * facts write (written_column()); diagnostics use the native location. */
static struct mm_loc loc_of(location_t l)
{
	location_t at = linemap_resolve_location(line_table, l, LRK_MACRO_EXPANSION_POINT, NULL);
	expanded_location x = expand_location(at);
	struct mm_loc loc = { x.file, x.line, x.column, (unsigned long)at, NULL };

	return loc;
}

/* The unit's source files, read once each for written_column(): GCC's
 * own display column reads the line through its file cache, some 200,000
 * instructions a time, and the facts write thousands of places. */
struct source {
	char *name, *text;
	int *line;		/* offset of each line (1-based), nlines + 1 entries */
	int nlines;
};
static vec<struct source *> sources;

static struct source *source_of(const char *name)
{
	static struct source *last;
	struct source *s;
	unsigned i;
	long n;
	FILE *f;

	if (last && !strcmp(last->name, name))
		return last;
	for (i = 0; i < sources.length(); i++)
		if (!strcmp(sources[i]->name, name))
			return last = sources[i];
	s = XCNEW(struct source);
	s->name = xstrdup(name);
	sources.safe_push(s);
	f = fopen(name, "rb");
	if (!f || fseek(f, 0, SEEK_END) || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET)) {
		if (f)
			fclose(f);
		return last = s;	/* no text: GCC's own column */
	}
	s->text = XNEWVEC(char, n + 1);
	if (fread(s->text, 1, n, f) != (size_t)n) {
		free(s->text);
		s->text = NULL;
	} else {
		s->text[n] = '\0';
		s->line = XNEWVEC(int, 2);
		s->line[1] = 0;
		s->nlines = 1;
		for (long j = 0; j < n; j++)
			if (s->text[j] == '\n') {
				s->line = XRESIZEVEC(int, s->line, s->nlines + 2);
				s->line[++s->nlines] = j + 1;
			}
	}
	fclose(f);
	return last = s;
}

static void free_sources(void)
{
	unsigned i;

	for (i = 0; i < sources.length(); i++) {
		free(sources[i]->name);
		free(sources[i]->text);
		free(sources[i]->line);
		free(sources[i]);
	}
	sources.truncate(0);
}

/* GCC's display column of byte column col (1-based) of line: tabs to the
 * next multiple of 8, a UTF-8 sequence one column; -1 if the text has
 * what GCC measures otherwise (a wide character), or no such line. */
static int display_of(const struct source *s, int line, int col)
{
	int i, d = 0;
	const unsigned char *p;

	if (!s->text || line < 1 || line > s->nlines)
		return -1;
	p = (const unsigned char *)s->text + s->line[line];
	for (i = 0; i < col - 1; i++) {
		if (!p[i] || p[i] == '\n')
			return -1;
		if (p[i] == '\t')
			d = (d / 8 + 1) * 8;
		else if (p[i] >= 0xe0)
			return -1;	/* may be a wide (CJK) character */
		else if ((p[i] & 0xc0) != 0x80)
			d++;
	}
	return d + 1;
}

static int written_column(const struct mm_loc *loc)
{
	expanded_location x = expand_location((location_t)loc->native);
	int d;

	if (!x.file)
		return x.column;
	d = display_of(source_of(x.file), x.line, x.column);
	return d > 0 ? d : display_column(x);
}

static unsigned long long delay_field_bits;	/* set in plugin_init */
static const char *delay_name = "";		/* a macro delay's name, ditto */

static void add(struct mm_func *fn, int b, enum mm_ev kind, const char *name, int obj,
		int result, location_t l)
{
	struct mm_event ev = { kind, name, obj, result, MM_PLAIN, loc_of(l), NULL, 0, 0 };

	mm_event_add(fn, b, &ev);
}

/* ---- results: what a function returns, and how it says it failed ------ */

static enum mm_const constant_of(tree t)
{
	if (!t || TREE_CODE(t) != INTEGER_CST)
		return MM_CONST_NONE;
	if (integer_zerop(t))
		return MM_CONST_ZERO;
	return tree_int_cst_sgn(t) < 0 ? MM_CONST_NEGATIVE : MM_CONST_POSITIVE;
}

static enum mm_ret result_kind(tree type)
{
	if (TREE_CODE(type) == BOOLEAN_TYPE)
		return MM_RET_BOOL;
	if (POINTER_TYPE_P(type))
		return MM_RET_POINTER;
	if (TREE_CODE(type) == INTEGER_TYPE && !TYPE_UNSIGNED(type))
		return MM_RET_ERRNO;
	return MM_RET_OTHER;
}

/* Gimplification makes every "return x;" "D.1234 = x;" and a jump to one
 * "return D.1234;": the store to that temporary is the return as written,
 * at its place.  NULL_TREE if the function has none. */
static tree return_temp;

static void find_return_temp(function *fun)
{
	basic_block bb;

	return_temp = NULL_TREE;
	FOR_EACH_BB_FN(bb, fun) {
		gimple_stmt_iterator gsi = gsi_last_bb(bb);
		greturn *r = gsi_end_p(gsi) ? NULL : dyn_cast<greturn *>(gsi_stmt(gsi));
		tree v = r ? gimple_return_retval(r) : NULL_TREE;

		if (v && VAR_P(v) && DECL_ARTIFICIAL(v))
			return_temp = v;
	}
}

static void add_return(struct mm_func *fn, int b, tree value, location_t l)
{
	struct mm_event ev = { MM_EV_RETURN, "return", MM_NO_VALUE, MM_NO_VALUE, MM_PLAIN,
			       loc_of(l), NULL, 0, 0 };

	if (value && (DECL_P(value) || TREE_CODE(value) == SSA_NAME))
		ev.obj = value_id(value);
	ev.constant = constant_of(value);
	mm_event_add(fn, b, &ev);
}

/* ---- locks: which lock an argument names ------------------------------ */

static const char *field_name_of(tree ref)
{
	tree field = TREE_OPERAND(ref, 1);

	return DECL_NAME(field) ? IDENTIFIER_POINTER(DECL_NAME(field)) : "";
}

/* spinlock_t *l = &mm->context.lock: what a local pointer was last set
 * to, in translation order, so that spin_lock(l) knows its class. */
static vec<alias> lock_ptrs;	/* .id: index into lock_ptr_values */
static vec<tree> lock_ptr_values;

static tree lock_ptr_value(tree decl)
{
	unsigned i;

	for (i = lock_ptrs.length(); i-- > 0;)
		if (lock_ptrs[i].decl == decl)
			return lock_ptr_values[lock_ptrs[i].id];
	return NULL_TREE;
}

/* Strings that live as long as the function being translated. */
static vec<char *> strings;

static const char *keep(char *s)
{
	strings.safe_push(s);
	return s;
}

static const char *type_name(tree type)
{
	tree name;

	type = TYPE_MAIN_VARIANT(type);
	name = TYPE_NAME(type);
	if (name && TREE_CODE(name) == TYPE_DECL)
		name = DECL_NAME(name);
	if (!name || TREE_CODE(name) != IDENTIFIER_NODE)
		return NULL;
	if (TREE_CODE(type) == RECORD_TYPE && TYPE_NAME(type) == name)
		return keep(concat("struct ", IDENTIFIER_POINTER(name), NULL));
	if (TREE_CODE(type) == UNION_TYPE && TYPE_NAME(type) == name)
		return keep(concat("union ", IDENTIFIER_POINTER(name), NULL));
	return IDENTIFIER_POINTER(name);
}

/* The tag of a struct type (with unions: of a union too), as sparse names
 * it and the catalogue knows it: NULL for a typedef of an anonymous one. */
static const char *struct_tag(tree type, int unions)
{
	const char *name = type_name(type);

	if (name && !strncmp(name, "struct ", 7))
		return name + 7;
	if (name && unions && !strncmp(name, "union ", 6))
		return name + 6;
	return NULL;
}

/* A function's id in the facts: static functions are per unit.  Built
 * once per static function of the unit (it outlives the function being
 * translated: facts name callees and callbacks too). */
static hash_map<tree, const char *> *static_ids;

static const char *function_id(tree decl)
{
	const char *name = IDENTIFIER_POINTER(DECL_NAME(decl));
	const char **known;
	const char *id;

	if (TREE_PUBLIC(decl))
		return name;
	if (!static_ids)
		static_ids = new hash_map<tree, const char *>;
	known = static_ids->get(decl);
	if (known)
		return *known;
	id = concat(name, "@", main_input_filename, NULL);
	static_ids->put(decl, id);
	return id;
}

/* What temporaries and local pointers hold, followed back to the address
 * they were set to (or to where the trail ends). */
static tree held_address(tree t, int *depth)
{
	while (t && *depth < 8 && (TREE_CODE(t) == SSA_NAME || CONVERT_EXPR_P(t) ||
				   (TREE_CODE(t) == VAR_DECL && lock_ptr_value(t)))) {
		gimple *def;

		if (CONVERT_EXPR_P(t)) {
			t = TREE_OPERAND(t, 0);
			continue;
		}
		++*depth;
		if (TREE_CODE(t) == VAR_DECL) {
			t = lock_ptr_value(t);
			continue;
		}
		def = SSA_NAME_DEF_STMT(t);
		if (def && is_gimple_assign(def) && gimple_assign_single_p(def))
			t = gimple_assign_rhs1(def);
		else if (def && is_gimple_call(def) && gimple_call_num_args(def) &&
			 gimple_call_fndecl(def) && (mm_cat_mask(&catalogue, IDENTIFIER_POINTER(
				DECL_NAME(gimple_call_fndecl(def)))) & mm_cat_bits(&catalogue, "same_object")))
			t = gimple_call_arg(def, 0);
		else
			return NULL_TREE;
	}
	return t;
}

/* *p where p holds &obj, of obj's own type: obj, so that a lock reached
 * through q = &sk->sk_receive_queue is named through sk, as sparse (whose
 * SSA has no local variables) names it.  NULL_TREE otherwise. */
static tree pointed_object(tree ref, int *depth)
{
	tree a;

	if (TREE_CODE(ref) != MEM_REF || !integer_zerop(TREE_OPERAND(ref, 1)))
		return NULL_TREE;
	a = held_address(TREE_OPERAND(ref, 0), depth);
	if (!a || TREE_CODE(a) != ADDR_EXPR ||
	    TYPE_MAIN_VARIANT(TREE_TYPE(TREE_OPERAND(a, 0))) != TYPE_MAIN_VARIANT(TREE_TYPE(ref)))
		return NULL_TREE;
	return TREE_OPERAND(a, 0);
}

/*
 * The lock class of &expr, as lockdep keys it: a lock inside a structure
 * reached through a pointer is "struct mm_struct::context.lock" whatever
 * the pointer (gmap->mm->context.lock is the same class); a global lock is
 * its symbol, name@unit when static.  NULL when the expression does not
 * say (a spinlock_t * parameter).  Temporaries and local pointers are
 * followed back to the address they hold.
 */
static const char *lock_class(tree t, int depth)
{
	char *path = NULL, *next;
	const char *base = NULL;
	tree obj;

	t = held_address(t, &depth);
	if (!t || TREE_CODE(t) != ADDR_EXPR)
		return NULL;
	t = TREE_OPERAND(t, 0);
	while (t) {
		if (TREE_CODE(t) == COMPONENT_REF && !*field_name_of(t)) {
			t = TREE_OPERAND(t, 0);
			continue;	/* an anonymous struct: mm_struct wraps its fields in one */
		}
		if (TREE_CODE(t) == COMPONENT_REF || TREE_CODE(t) == ARRAY_REF) {
			const char *part = TREE_CODE(t) == ARRAY_REF ? "[]" : field_name_of(t);

			next = path ? concat(part, TREE_CODE(t) == ARRAY_REF ? "" : ".", path, NULL)
				    : xstrdup(part);
			free(path);
			path = next;
			t = TREE_OPERAND(t, 0);
			continue;
		}
		obj = path ? pointed_object(t, &depth) : NULL_TREE;
		if (obj) {
			t = obj;
			continue;
		}
		if (TREE_CODE(t) == MEM_REF || TREE_CODE(t) == INDIRECT_REF ||
		    (TREE_CODE(t) == VAR_DECL && !TREE_STATIC(t) && !DECL_EXTERNAL(t)))
			base = type_name(TREE_TYPE(t));		/* by type: lockdep's class */
		else if (TREE_CODE(t) == VAR_DECL)
			base = function_id(t);			/* a global object */
		break;
	}
	if (!base || (!path && TREE_CODE(t) != VAR_DECL)) {
		free(path);
		return NULL;
	}
	next = path ? concat(base, TREE_CODE(t) == VAR_DECL && (TREE_STATIC(t) || DECL_EXTERNAL(t))
			     ? "." : "::", path, NULL) : xstrdup(base);
	free(path);
	return keep(next);
}

/* ---- calls: the core classifies them, the plugin answers for arguments ---- */

static const char *current_fn_id;
static int clears_flush = -1;	/* per unit: see unit_clears_flush() */

/* Does the unit's configuration make every TLB flush immediate (catalogue
 * no_deferred_flush: s390's CONFIG_MMU_GATHER_NO_GATHER)?  Asked of the
 * preprocessor once, at the unit's first function. */
static int macro_defined(const char *name, void *ctx)
{
	return parse_in && cpp_defined(parse_in, (const unsigned char *)name, strlen(name));
}

static int unit_clears_flush(void)
{
	if (clears_flush < 0)
		clears_flush = mm_cat_any(&catalogue, "no_deferred_flush", macro_defined, NULL);
	return clears_flush;
}

static tree call_arg(void *fe, int i)
{
	return gimple_call_arg((gcall *)fe, i);
}

static int arg_value(void *fe, int i)
{
	return value_id(call_arg(fe, i));
}

static const char *arg_lock_class(void *fe, int i)
{
	return lock_class(call_arg(fe, i), 0);
}

/* A global or a member, named as a lock is (system_bh_wq, "rx_wq@unit",
 * "struct usb_dev::rxwq"), or NULL: where a workqueue is kept. */
static const char *kept_in(tree t)
{
	if ((VAR_P(t) && is_global_var(t)) || TREE_CODE(t) == COMPONENT_REF)
		return lock_class(build_fold_addr_expr(t), 0);
	return NULL;
}

/* Where argument i was loaded from (queue_work(system_bh_wq, ...),
 * queue_work(h->wq, ...)), or NULL. */
static const char *arg_loaded(void *fe, int i)
{
	tree t = call_arg(fe, i);
	gimple *def = TREE_CODE(t) == SSA_NAME ? SSA_NAME_DEF_STMT(t) : NULL;

	if (def && gimple_assign_single_p(def))
		t = gimple_assign_rhs1(def);
	return kept_in(t);
}

/* Argument i as a constant's value (alloc_workqueue()'s flags). */
static int arg_bits(void *fe, int i, unsigned long long *v)
{
	tree t = call_arg(fe, i);

	STRIP_NOPS(t);
	if (TREE_CODE(t) != INTEGER_CST)
		return 0;
	*v = TREE_INT_CST_LOW(t);
	return 1;
}

/*
 * What holds a workqueue made with WQ_BH (catalogue bh_workqueue_alloc):
 * the call's result, and the temporaries and locals it is copied to (7.2's
 * alloc_hooks() stores it in a local of a statement expression first).
 * Stored in a global or a member, it is a bhwq fact for the analysis.
 */
static hash_set<tree> *bh_wq_values;

/* lhs now holds a BH workqueue: a temporary or local to follow, or the
 * global or member it is kept in. */
static void bh_wq_holds(tree lhs, location_t l)
{
	struct mm_loc at = loc_of(l);
	const char *kept;

	if (TREE_CODE(lhs) == SSA_NAME || (VAR_P(lhs) && !is_global_var(lhs))) {
		if (!bh_wq_values)
			bh_wq_values = new hash_set<tree>;
		bh_wq_values->add(lhs);
	} else if ((kept = kept_in(lhs))) {
		mm_facts_bhwq(&facts, kept, &at);
	}
}

static void bh_wq_call(gcall *call, const char *name, tree lhs, location_t l)
{
	if (lhs && facts_to &&
	    mm_cat_bh_wq_alloc(&catalogue, name, (int)gimple_call_num_args(call), arg_bits, call))
		bh_wq_holds(lhs, l);
}

static void bh_wq_copy(gassign *as)
{
	if (bh_wq_values && gimple_assign_single_p(as) &&
	    bh_wq_values->contains(gimple_assign_rhs1(as)))
		bh_wq_holds(gimple_assign_lhs(as), gimple_location(as));
}

/* Does argument i point to a lock: a struct whose tag is a lock_struct
 * row (struct spinlock, spinlock_t's)? */
static int arg_lock_ptr(void *fe, int i)
{
	tree t = TREE_TYPE(call_arg(fe, i));

	if (!POINTER_TYPE_P(t))
		return 0;
	t = TYPE_MAIN_VARIANT(TREE_TYPE(t));
	return TREE_CODE(t) == RECORD_TYPE && TYPE_NAME(t) &&
	       TREE_CODE(TYPE_NAME(t)) == IDENTIFIER_NODE &&
	       mm_cat_is_kind(&catalogue, "lock_struct", IDENTIFIER_POINTER(TYPE_NAME(t)));
}

/* true, 1, NULL, 0: a constant's value, as 0 or not; -1 for the rest.
 * The address of a local (&tw) is never NULL: nonzero as a constant is
 * (7.2 inet_twsk_kill(): __inet_check_established(..., &tw)). */
static int arg_constant(void *fe, int i)
{
	tree t = call_arg(fe, i), base;

	STRIP_NOPS(t);
	if (TREE_CODE(t) == ADDR_EXPR) {
		base = get_base_address(TREE_OPERAND(t, 0));
		return base && (VAR_P(base) || TREE_CODE(base) == PARM_DECL) &&
		       !is_global_var(base) ? 1 : -1;
	}
	if (TREE_CODE(t) != INTEGER_CST)
		return -1;
	return !integer_zerop(t);
}

/* The function whose address t is, or NULL. */
static tree function_addressed(tree t)
{
	STRIP_NOPS(t);
	if (TREE_CODE(t) == ADDR_EXPR && TREE_CODE(TREE_OPERAND(t, 0)) == FUNCTION_DECL)
		return TREE_OPERAND(t, 0);
	return NULL_TREE;
}

/* The pseudo-function of a parameter of the function being translated
 * ("*NF_HOOK_LIST@unit#8"), when p is that parameter, or NULL. */
static const char *param_pseudo(tree p)
{
	gimple *def = TREE_CODE(p) == SSA_NAME ? SSA_NAME_DEF_STMT(p) : NULL;
	tree parm;
	int i = 0;

	if (def && gimple_assign_single_p(def))
		p = gimple_assign_rhs1(def);
	else if (TREE_CODE(p) == SSA_NAME && SSA_NAME_VAR(p))
		p = SSA_NAME_VAR(p);
	if (TREE_CODE(p) != PARM_DECL)
		return NULL;
	for (parm = DECL_ARGUMENTS(current_function_decl); parm; parm = DECL_CHAIN(parm), i++)
		if (parm == p)
			return mm_facts_param_target(&facts, current_fn_id, i);
	return NULL;
}

/* A function pointer parameter handed on (NF_HOOK_LIST()'s okfn, passed
 * to nf_hook_state_init()), as the pseudo-function of that parameter. */
static const char *function_param(tree t)
{
	STRIP_NOPS(t);
	if (!POINTER_TYPE_P(TREE_TYPE(t)) || TREE_CODE(TREE_TYPE(TREE_TYPE(t))) != FUNCTION_TYPE)
		return NULL;
	return param_pseudo(t);
}

static const char *arg_function(void *fe, int i)
{
	tree fn = function_addressed(call_arg(fe, i));

	return fn ? function_id(fn) : function_param(call_arg(fe, i));
}

/*
 * The tag of the struct a member reference names the member of, as sparse
 * and the catalogue name it: the innermost tagged struct or union around
 * it, an anonymous union belonging to its parent (tasklet_struct's func).
 */
static const char *member_holder(tree ref)
{
	const char *tag = NULL;

	while (TREE_CODE(ref) == COMPONENT_REF && !tag) {
		tag = struct_tag(DECL_CONTEXT(TREE_OPERAND(ref, 1)), 1);
		ref = TREE_OPERAND(ref, 0);
	}
	return tag;
}

/* Call fn on each single assignment of the function being translated. */
static void each_assign(void (*fn)(gassign *as, void *ctx), void *ctx)
{
	basic_block bb;

	FOR_EACH_BB_FN(bb, cfun) {
		gimple_stmt_iterator gsi;

		for (gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
			gassign *as = dyn_cast<gassign *>(gsi_stmt(gsi));

			if (as && gimple_assign_single_p(as))
				fn(as, ctx);
		}
	}
}

/*
 * po->prot_hook.func = rx_ring ? tpacket_rcv : packet_rcv: both branches
 * set a temporary (iftmp), and the member is set from it.  The functions
 * the temporary holds are stored in the member; their addresses, taken
 * to set it, do not escape.
 */
struct temporary {
	tree tmp;
	const char *type, *member;
	const struct mm_loc *at;
	int in_member;
};

static void temporary_in_member(gassign *as, void *ctx)
{
	struct temporary *t = (struct temporary *)ctx;

	t->in_member |= gimple_assign_rhs1(as) == t->tmp &&
			TREE_CODE(gimple_assign_lhs(as)) == COMPONENT_REF;
}

static void temporary_stored(gassign *as, void *ctx)
{
	struct temporary *t = (struct temporary *)ctx;
	tree fn = function_addressed(gimple_assign_rhs1(as));

	if (fn && gimple_assign_lhs(as) == t->tmp)
		mm_facts_stored(&facts, current_fn_id, t->type, t->member, function_id(fn), t->at);
}

static int is_temporary(tree t)
{
	return TREE_CODE(t) == VAR_DECL && DECL_ARTIFICIAL(t) && !TREE_STATIC(t);
}

/* x->member = fn: fn is a target of every call through that member, and a
 * softirq callback if the kernel calls the member in softirq (catalogue
 * softirq_field, which the analysis reads). */
static void member_store(tree lhs, tree rhs, location_t l)
{
	tree fn = function_addressed(rhs);
	struct mm_loc at = loc_of(l);
	const char *type = member_holder(lhs), *member = field_name_of(lhs);
	const char *param = fn ? NULL : function_param(rhs);

	if (fn) {
		mm_facts_stored(&facts, current_fn_id, type, member, function_id(fn), &at);
		/* INIT_WORK(&h->w, fn) is h->w.func = fn: the work item's class */
		if (mm_cat_work_field(&catalogue, type, member))
			mm_facts_work(&facts, lock_class(build_fold_addr_expr(TREE_OPERAND(lhs, 0)), 0),
				      function_id(fn), &at);
	} else if (param) {
		/* nf_hook_state_init(): p->okfn = okfn */
		mm_facts_stored(&facts, current_fn_id, type, member, param, &at);
	} else if (is_temporary(rhs)) {
		struct temporary t = { rhs, type, member, &at, 0 };

		each_assign(temporary_stored, &t);
	}
}

/*
 * static const struct net_protocol tcp_protocol = { .handler = tcp_v4_rcv }:
 * each function an initializer stores, by the struct and member that hold
 * it, so that an ops table's handlers are targets of the calls through
 * those members (and softirq callbacks for a softirq_field).  obj: the
 * object ctor initializes (NULL_TREE in an array), so that a work item's
 * function (DECLARE_WORK(): .func of a static work_struct) is the item's,
 * named as a lock there is.  outer: the tag of the struct around an
 * anonymous union's initializer.
 */
static void initializer_facts(tree ctor, tree obj, const char *holder, const struct mm_loc *at,
			      const char *outer, int depth)
{
	unsigned HOST_WIDE_INT i;
	tree index, value, fn;

	FOR_EACH_CONSTRUCTOR_ELT(CONSTRUCTOR_ELTS(ctor), i, index, value) {
		int field = index && TREE_CODE(index) == FIELD_DECL;
		const char *type = field ? struct_tag(DECL_CONTEXT(index), 1) : NULL;
		const char *member = field && DECL_NAME(index) ?
				     IDENTIFIER_POINTER(DECL_NAME(index)) : NULL;

		if (!type)
			type = outer;
		if (TREE_CODE(value) == CONSTRUCTOR && depth < 16) {
			tree part = obj && field ? build3(COMPONENT_REF, TREE_TYPE(index), obj,
							  index, NULL_TREE) : NULL_TREE;

			/* an array's elements, an anonymous member: the same holder */
			initializer_facts(value, part, holder, at, !member ? type : NULL, depth + 1);
			continue;
		}
		fn = function_addressed(value);
		if (!fn)
			continue;
		mm_facts_stored(&facts, holder, type, member, function_id(fn), at);
		if (obj && mm_cat_work_field(&catalogue, type, member))
			/* not build_fold_addr_expr(): it makes the object addressable */
			mm_facts_work(&facts, lock_class(build1(ADDR_EXPR, ptr_type_node, obj), 0),
				      function_id(fn), at);
	}
}

static void begin_facts(void)
{
	if (!facts.buf) {
		mm_facts_begin(&facts, tree_dir, main_input_filename);
		facts.column = written_column;
	}
}

/* PLUGIN_FINISH_DECL: a static object's initializer, as parsed (at -O2
 * an unreferenced one never reaches the varpool). */
static void finish_decl(void *gcc_data, void *user_data)
{
	tree decl = (tree)gcc_data;
	struct mm_loc at;

	if (TREE_CODE(decl) != VAR_DECL || !TREE_STATIC(decl) || !DECL_NAME(decl) ||
	    !DECL_INITIAL(decl) || TREE_CODE(DECL_INITIAL(decl)) != CONSTRUCTOR || seen_error())
		return;
	begin_facts();
	at = loc_of(DECL_SOURCE_LOCATION(decl));
	initializer_facts(DECL_INITIAL(decl), decl, function_id(decl), &at, NULL, 0);
}

/* A callback by its signature (the catalogue decides): a struct
 * rcu_head * (timer_list, ...) first parameter, or irqreturn_t. */
static void signature_facts(tree decl)
{
	tree parm = DECL_ARGUMENTS(decl), ret = TREE_TYPE(TREE_TYPE(decl));
	struct mm_loc at = loc_of(DECL_SOURCE_LOCATION(decl));
	const char *ret_name = NULL, *first = NULL, *context;
	char why[160];

	if (ret && TYPE_NAME(ret) && TREE_CODE(TYPE_NAME(ret)) == TYPE_DECL &&
	    DECL_NAME(TYPE_NAME(ret)))
		ret_name = IDENTIFIER_POINTER(DECL_NAME(TYPE_NAME(ret)));
	if (parm && POINTER_TYPE_P(TREE_TYPE(parm))) {
		first = struct_tag(TREE_TYPE(TREE_TYPE(parm)), 0);
	}
	context = mm_cat_callback_context(&catalogue, &ret_name, 1, first, why, sizeof(why));
	if (context)
		mm_facts_ctx(&facts, current_fn_id, context, keep(xstrdup(why)), &at);
}

/* The pseudo-function a call through pointer p calls: through a member
 * (w->func(w): "*fib6_walker.func"), through a parameter of the function
 * being translated (okfn(net, sk, skb) in NF_HOOK()), or NULL. */
static const char *pointer_target(tree p)
{
	gimple *def = TREE_CODE(p) == SSA_NAME ? SSA_NAME_DEF_STMT(p) : NULL;

	if (def && gimple_assign_single_p(def) &&
	    TREE_CODE(gimple_assign_rhs1(def)) == COMPONENT_REF)
		return mm_facts_member_target(&facts, member_holder(gimple_assign_rhs1(def)),
					      field_name_of(gimple_assign_rhs1(def)));
	return param_pseudo(p);
}

/* The macro=1 name of the catalogue a call was written through, or NULL;
 * *at: that expansion's place.  6.12's pte_unmap_unlock() is a macro
 * around spin_unlock() and pte_unmap(): the page-table lock's release is
 * only in its name. */
static const char *catalogued_macro(location_t l, location_t *at)
{
	while (linemap_location_from_macro_expansion_p(line_table, l)) {
		const line_map *map = linemap_lookup(line_table, l);
		const line_map_macro *mm;
		const char *name;

		if (!map || !linemap_macro_expansion_map_p(map))
			break;
		mm = linemap_check_macro(map);
		name = linemap_map_get_macro_name(mm);
		l = MACRO_MAP_EXPANSION_POINT_LOCATION(mm);
		if (name && mm_cat_mask(&catalogue, name) && mm_cat_macro(&catalogue, name)) {
			*at = l;
			return mm_cat_macro(&catalogue, name);
		}
	}
	return NULL;
}

/* The first call of a catalogued macro's expansion stands for the macro:
 * one event of its kind, at the expansion (the others add nothing). */
static void translate_macro(struct mm_func *fn, int b, gcall *call)
{
	static location_t last;	/* the expansion already translated */
	location_t at = UNKNOWN_LOCATION;
	const char *name = catalogued_macro(gimple_location(call), &at);

	if (!name || at == last)
		return;
	last = at;
	struct mm_call c = { name, current_fn_id, NULL, MM_NO_VALUE, loc_of(at), 0, arg_value,
			     arg_lock_class, arg_function, call };
	mm_translate_call(&catalogue, fn, b, &c, NULL);
}

static void translate_call(struct mm_func *fn, int b, gcall *call)
{
	tree fndecl = gimple_call_fndecl(call), lhs = gimple_call_lhs(call);
	location_t l = gimple_location(call);
	struct mm_call c = { NULL, current_fn_id, NULL, lhs ? value_id(lhs) : MM_NO_VALUE,
			     loc_of(l), (int)gimple_call_num_args(call), arg_value,
			     arg_lock_class, arg_function, call };
	int same;

	c.constant = arg_constant;
	c.lock_ptr = arg_lock_ptr;
	c.loaded = arg_loaded;
	translate_macro(fn, b, call);
	/* an internal function (.DEFERRED_INIT of -ftrivial-auto-var-init)
	 * has no callee expression at all */
	if (!fndecl && facts_to && !gimple_call_internal_p(call)) {
		c.callee_id = pointer_target(gimple_call_fn(call));
		mm_translate_call(&catalogue, fn, b, &c, &facts);
		return;
	}
	if (!fndecl || !DECL_NAME(fndecl))
		return;
	/* likely(x): __builtin_expect()'s value is its first argument's */
	if (fndecl_built_in_p(fndecl, BUILT_IN_EXPECT) && lhs && TREE_CODE(lhs) == SSA_NAME &&
	    gimple_call_num_args(call) > 0) {
		set_alias(lhs, arg_value(call, 0));
		return;
	}
	c.name = IDENTIFIER_POINTER(DECL_NAME(fndecl));
	c.clears_flush = unit_clears_flush();
	bh_wq_call(call, c.name, lhs, l);
	if (!fndecl_built_in_p(fndecl))	/* its summary, its facts */
		c.callee_id = function_id(fndecl);
	/* x = call(): what was known of x's old value no longer holds. */
	if (lhs && DECL_P(lhs))
		add(fn, b, MM_EV_ASSIGN, "=", c.result, MM_NO_VALUE, l);
	same = mm_translate_call(&catalogue, fn, b, &c, facts_to ? &facts : NULL);
	if (same == MM_CALL_DONE || same >= c.nargs || !lhs)
		return;
	/* page_folio(page): the result names the argument's object */
	if (TREE_CODE(lhs) == SSA_NAME)
		set_alias(lhs, arg_value(call, same));
	else
		add(fn, b, MM_EV_COPY, "=", c.result, arg_value(call, same), l);
}

/* x = y != 0: x is y's truth, which every test of x reads (bool b = ...). */
static int truth_of(gassign *as)
{
	return gimple_assign_rhs_code(as) == NE_EXPR && integer_zerop(gimple_assign_rhs2(as)) &&
	       (DECL_P(gimple_assign_rhs1(as)) || TREE_CODE(gimple_assign_rhs1(as)) == SSA_NAME);
}

/* _1 = (long) x: a conversion that keeps every bit, which a test of _1
 * reads as a test of x (likely(x) converts x for __builtin_expect()). */
static int widening(gassign *as)
{
	tree lhs = gimple_assign_lhs(as), rhs = gimple_assign_rhs1(as);

	return CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(as)) &&
	       (DECL_P(rhs) || TREE_CODE(rhs) == SSA_NAME) &&
	       INTEGRAL_TYPE_P(TREE_TYPE(lhs)) && INTEGRAL_TYPE_P(TREE_TYPE(rhs)) &&
	       TYPE_PRECISION(TREE_TYPE(lhs)) >= TYPE_PRECISION(TREE_TYPE(rhs));
}

/* The mask a context test computes (in_softirq(): preempt_count() &
 * SOFTIRQ_MASK), where the catalogue's bh_test macro is written: its
 * value is the test's. */
static void context_test(struct mm_func *fn, int b, location_t l, tree lhs)
{
	location_t at = UNKNOWN_LOCATION;
	const char *name = catalogued_macro(l, &at);

	if (!mm_cat_is_kind(&catalogue, "bh_test", name))
		return;
	struct mm_call c = { name, current_fn_id, NULL, value_id(lhs), loc_of(at), 0, arg_value,
			     arg_lock_class, arg_function, NULL };
	mm_translate_call(&catalogue, fn, b, &c, NULL);
}

static void translate_assign(struct mm_func *fn, int b, gassign *as)
{
	tree lhs = gimple_assign_lhs(as), rhs = gimple_assign_rhs1(as);
	int copy = gimple_assign_single_p(as) && (DECL_P(rhs) || TREE_CODE(rhs) == SSA_NAME);
	location_t l = gimple_location(as);

	bh_wq_copy(as);
	if (TREE_CODE(lhs) == SSA_NAME) {
		enum tree_code code = gimple_assign_rhs_code(as);

		if (code == BIT_AND_EXPR)
			context_test(fn, b, l, lhs);
		if (copy || truth_of(as) || widening(as))
			set_alias(lhs, value_id(rhs));	/* assigned once: a name for rhs */
		else if (code == TRUTH_NOT_EXPR || code == BIT_NOT_EXPR ||
			 (code == BIT_XOR_EXPR && integer_onep(gimple_assign_rhs2(as)))) {
			alias a = { lhs, value_id(rhs) };

			negations.safe_push(a);
		}
		return;
	}
	if (TREE_CODE(lhs) == COMPONENT_REF && TREE_CODE(rhs) == INTEGER_CST &&
	    !integer_zerop(rhs) && (mm_cat_mask(&catalogue, field_name_of(lhs)) & delay_field_bits)) {
		/* tlb->delayed_rmap = 1: what a macro tlb_delay_rmap() leaves */
		add(fn, b, MM_EV_RMAP_DELAY, delay_name, MM_NO_VALUE, MM_NO_VALUE, l);
		return;
	}
	if (TREE_CODE(lhs) == COMPONENT_REF && facts_to)
		member_store(lhs, rhs, l);
	if (!DECL_P(lhs))
		return;		/* a store to memory: no variable changes */
	if (lhs == return_temp && gimple_assign_single_p(as)) {
		add_return(fn, b, rhs, l);
		return;
	}
	if (TREE_CODE(lhs) == VAR_DECL && POINTER_TYPE_P(TREE_TYPE(lhs)) &&
	    gimple_assign_single_p(as)) {
		alias a = { lhs, (int)lock_ptr_values.length() };

		lock_ptrs.safe_push(a);
		lock_ptr_values.safe_push(rhs);
	}
	struct mm_event ev = { MM_EV_ASSIGN, "=", value_id(lhs), MM_NO_VALUE, MM_PLAIN,
			       loc_of(l), NULL, 0, 0 };

	if (gimple_assign_single_p(as))
		ev.constant = constant_of(rhs);
	mm_event_add(fn, b, &ev);
	if (copy || truth_of(as))
		add(fn, b, MM_EV_COPY, "=", value_id(lhs), value_id(rhs), l);
}

/* if (ret < 0) / if (ret != 0): the true edge is the failure of the call
 * whose result ret is; if (ret == 0) / if (ret >= 0): its success.
 * *sign: a sign test, whose success does not say ret is 0. */
static void cond_edges(gcond *c, int *value, enum mm_cond *on_true, enum mm_cond *on_false,
		       int *sign)
{
	enum tree_code code = gimple_cond_code(c);
	tree rhs = gimple_cond_rhs(c);

	tree lhs = gimple_cond_lhs(c);
	enum mm_cond swap;
	unsigned i;

	*on_true = *on_false = MM_COND_NONE;
	*value = value_id(lhs);
	*sign = code == LT_EXPR || code == GE_EXPR;
	if (!integer_zerop(rhs))
		return;
	if (code == LT_EXPR || code == NE_EXPR) {
		*on_true = MM_COND_FAILURE;
		*on_false = MM_COND_SUCCESS;
	} else if (code == EQ_EXPR || code == GE_EXPR) {
		*on_true = MM_COND_SUCCESS;
		*on_false = MM_COND_FAILURE;
	}
	for (i = 0; i < negations.length(); i++)
		if (negations[i].decl == lhs) {	/* if (!x): the branches of x, swapped */
			*value = negations[i].id;
			swap = *on_true;
			*on_true = *on_false;
			*on_false = swap;
		}
}

static int is_abort_label(basic_block bb)
{
	gimple_stmt_iterator gsi;

	for (gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
		glabel *lab = dyn_cast<glabel *>(gsi_stmt(gsi));
		tree name;

		if (!lab)
			return 0;
		name = DECL_NAME(gimple_label_label(lab));
		if (name && mm_cat_prefix(&catalogue, "abort_label", IDENTIFIER_POINTER(name)))
			return 1;
	}
	return 0;
}

/* A goto into an abort label gets a block of its own holding the jump, at
 * the goto's location, so findings point at the goto as Coccinelle's do. */
static void translate_edges(struct mm_func *fn, basic_block bb, const int *map, int value)
{
	gimple_stmt_iterator last = gsi_last_bb(bb);
	gcond *c = gsi_end_p(last) ? NULL : dyn_cast<gcond *>(gsi_stmt(last));
	enum mm_cond on_true = MM_COND_NONE, on_false = MM_COND_NONE;
	int ignored, to, sign = 0;
	edge_iterator ei;
	edge e;

	if (c)
		cond_edges(c, &ignored, &on_true, &on_false, &sign);
	FOR_EACH_EDGE(e, ei, bb->succs) {
		enum mm_cond cond = (e->flags & EDGE_TRUE_VALUE) ? on_true :
				    (e->flags & EDGE_FALSE_VALUE) ? on_false : MM_COND_NONE;

		if (e->dest == EXIT_BLOCK_PTR_FOR_FN(cfun))
			continue;
		to = map[e->dest->index];
		if (e->goto_locus != UNKNOWN_LOCATION && is_abort_label(e->dest)) {
			int jump = mm_block_add(fn);

			add(fn, jump, MM_EV_ABORT_JUMP, "goto", MM_NO_VALUE, MM_NO_VALUE, e->goto_locus);
			mm_edge_add(fn, jump, to, MM_COND_NONE, 0);
			to = jump;
		}
		mm_edge_add_test(fn, map[bb->index], to, cond, value, sign);
	}
}

/*
 * Facts: every function whose address the statement takes where no record
 * says who may call it: not a call's argument (the core says: passed to a
 * function of the tree, to an API), not one stored in a member (a store
 * record), nor in a temporary that is (the conditional of member_store()).
 */
static void address_facts(gimple *stmt)
{
	gassign *as = dyn_cast<gassign *>(stmt);
	tree lhs = as ? gimple_assign_lhs(as) : NULL_TREE;
	unsigned i;

	if (is_gimple_call(stmt) || (as && TREE_CODE(lhs) == COMPONENT_REF))
		return;
	for (i = 0; i < gimple_num_ops(stmt); i++) {
		tree op = gimple_op(stmt, i);
		struct temporary t = { lhs, NULL, NULL, NULL, 0 };

		if (!op || TREE_CODE(op) != ADDR_EXPR ||
		    TREE_CODE(TREE_OPERAND(op, 0)) != FUNCTION_DECL)
			continue;
		/* the function body is scanned only for this rare statement */
		if (as && is_temporary(lhs))
			each_assign(temporary_in_member, &t);
		if (!t.in_member)
			mm_facts_addr(&facts, function_id(TREE_OPERAND(op, 0)));
	}
}

static void translate(struct mm_func *fn, function *fun)
{
	int *map = XCNEWVEC(int, last_basic_block_for_fn(fun));
	int *cond_value = XCNEWVEC(int, last_basic_block_for_fn(fun));
	basic_block bb;

	find_return_temp(fun);
	mm_block_add(fn);	/* block 0: the entry */
	FOR_EACH_BB_FN(bb, fun)
		map[bb->index] = mm_block_add(fn);
	mm_edge_add(fn, 0, map[single_succ(ENTRY_BLOCK_PTR_FOR_FN(fun))->index], MM_COND_NONE, 0);
	FOR_EACH_BB_FN(bb, fun) {
		gimple_stmt_iterator gsi;

		for (gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
			gimple *stmt = gsi_stmt(gsi);

			if (facts_to)
				address_facts(stmt);
			if (gcall *call = dyn_cast<gcall *>(stmt))
				translate_call(fn, map[bb->index], call);
			else if (gassign *as = dyn_cast<gassign *>(stmt))
				translate_assign(fn, map[bb->index], as);
			else if (greturn *r = dyn_cast<greturn *>(stmt)) {
				tree v = gimple_return_retval(r);

				if (v && v != return_temp)
					add_return(fn, map[bb->index], v, gimple_location(r));
			}
			else if (gcond *c = dyn_cast<gcond *>(stmt)) {
				/* the value tested, named as it is here, not after
				 * later assignments renamed the variable */
				enum mm_cond t, f;
				int sign;

				cond_edges(c, &cond_value[bb->index], &t, &f, &sign);
			}
		}
	}
	FOR_EACH_BB_FN(bb, fun)
		translate_edges(fn, bb, map, cond_value[bb->index]);
	XDELETEVEC(cond_value);
	XDELETEVEC(map);
}

/* ---- reporting ---------------------------------------------------------- */

/* A function of the unit, for what is said of it at the unit's end, where
 * it is checked and walked for facts: its findings (in its decl, as GCC
 * says "In function"), and that its analysis is incomplete. */
struct unit_function {
	location_t loc;
	const char *name;
	int warned;
	tree decl;	/* a file-scope decl: the unit's scope keeps it */
};

static void report(const struct mm_finding *f, void *ctx)
{
	int i;

	(void)ctx;
	if (mm_rule_listed(disabled, f->rule))
		return;
	/* checked at the unit's end: say in which function, as GCC does */
	tree saved = current_function_decl;
	if (f->cookie)
		current_function_decl = ((struct unit_function *)f->cookie)->decl;
	/* one group: -fdiagnostics-format=json nests the notes in the warning */
	{
		auto_diagnostic_group group;
		if (warning_at((location_t)f->loc.native, 0, "%s [%s]", f->message, f->rule))
			for (i = 0; i < f->nnotes; i++)
				inform((location_t)f->note_loc[i].native, "%s", f->note[i]);
	}
	current_function_decl = saved;
}

/* ---- the pass ------------------------------------------------------------ */

static vec<unit_function *> unit_functions;
static struct mm_unit *unit;

/* The checks or the facts' walk gave up: said once per function. */
static void incomplete_warning(void *cookie, void *ctx)
{
	struct unit_function *u = (struct unit_function *)cookie;

	(void)ctx;
	if (u->warned || mm_rule_listed(disabled, MM_INCOMPLETE))
		return;
	u->warned = 1;
	warning_at(u->loc, 0, "mmcheck: %qs has too many paths; analysis incomplete "
		   "[" MM_INCOMPLETE "]", u->name);
}

static void free_strings(void)
{
	unsigned i;

	for (i = 0; i < strings.length(); i++)
		free(strings[i]);
	strings.truncate(0);
}

static unsigned int mmcheck_execute(function *fun)
{
	struct mm_func fn;
	struct unit_function *cookie;

	mm_func_init(&fn, function_name(fun));
	fn.ret = result_kind(TREE_TYPE(DECL_RESULT(fun->decl)));
	for (tree parm = DECL_ARGUMENTS(fun->decl); parm; parm = DECL_CHAIN(parm))
		mm_func_param(&fn, value_id(parm));
	aliases.truncate(0);
	negations.truncate(0);
	lock_ptrs.truncate(0);
	lock_ptr_values.truncate(0);
	if (bh_wq_values)
		bh_wq_values->empty();
	current_fn_id = function_id(fun->decl);
	if (facts_to) {
		begin_facts();
		signature_facts(fun->decl);
	}
	translate(&fn, fun);
	cookie = XNEW(struct unit_function);
	cookie->loc = DECL_SOURCE_LOCATION(fun->decl);
	cookie->name = IDENTIFIER_POINTER(DECL_NAME(fun->decl));
	cookie->warned = 0;
	cookie->decl = fun->decl;
	unit_functions.safe_push(cookie);
	/* checked at the unit's end, with its helpers' summaries: its
	 * strings live till then */
	if (!unit)
		unit = mm_unit_new();
	mm_unit_add(unit, current_fn_id, &fn, cookie);
	if (facts_to)
		mm_facts_function(&facts, current_fn_id, &fn, cookie, 0);
	else
		mm_func_free(&fn);
	return 0;
}

/* ---- facts output ---------------------------------------------------------- */

/* As .ascii lines in a section without the "a" flag: never loaded, never
 * in .text, kept by ld -r and by the archives kbuild makes.  Escaped into
 * one buffer and written at once: a stdio call per tab and line was a
 * tenth of the plugin's cost on mm/memory.c. */
static char *put_text(char *o, const char *s)
{
	size_t n = strlen(s);

	memcpy(o, s, n);
	return o + n;
}

static void facts_to_section(void)
{
	const unsigned char *p = (const unsigned char *)facts.buf;
	size_t lines = 1, i;
	char *out, *o;
	int open = 0;

	for (i = 0; i < facts.len; i++)
		lines += facts.buf[i] == '\n';
	/* at worst 4 characters a byte (octal), 13 a line, and the two ends */
	out = o = XNEWVEC(char, 4 * facts.len + 13 * lines + 64);
	o = put_text(o, "\t.pushsection .mmcheck.facts,\"\",%progbits\n");
	for (; *p; p++) {
		if (!open)
			o = put_text(o, "\t.ascii \"");
		open = *p != '\n';
		if (*p == '\n') {
			o = put_text(o, "\\n\"\n");
		} else if (*p == '"' || *p == '\\') {
			*o++ = '\\';
			*o++ = *p;
		} else if (*p >= 32 && *p <= 126) {
			*o++ = *p;
		} else {
			*o++ = '\\';
			*o++ = '0' + (*p >> 6);
			*o++ = '0' + ((*p >> 3) & 7);
			*o++ = '0' + (*p & 7);
		}
	}
	if (open)
		o = put_text(o, "\"\n");
	o = put_text(o, "\t.popsection\n");
	fwrite(out, 1, o - out, asm_out_file);
	XDELETEVEC(out);
}

static void write_facts(void)
{
	begin_facts();
	mm_facts_end(&facts, incomplete_warning, NULL);
	if (!strcmp(facts_to, "section")) {
		if (asm_out_file)
			facts_to_section();
	} else {
		char err[4200];

		if (mm_facts_write_dir(&facts, facts_to, tree_dir, main_input_filename, err,
				       sizeof(err)))
			error("mmcheck: %s: %m", err);
	}
	mm_facts_free(&facts);
}

static void finish_unit(void *gcc_data, void *user_data)
{
	unsigned i;

	if (seen_error())
		return;		/* no object will be written either */
	if (unit && facts_to) {
		begin_facts();
		mm_unit_facts(unit, &facts);
	}
	if (unit)
		mm_unit_check(unit, &catalogue, report, NULL, incomplete_warning);
	if (facts_to)
		write_facts();
	mm_unit_free(unit);
	unit = NULL;
	for (i = 0; i < unit_functions.length(); i++)
		free(unit_functions[i]);
	unit_functions.truncate(0);
	free_strings();
	free_sources();
}

static const pass_data mmcheck_pass_data = {
	GIMPLE_PASS, "mmcheck", OPTGROUP_NONE, TV_NONE,
	PROP_cfg, 0, 0, 0, 0,
};

class mmcheck_pass : public gimple_opt_pass {
public:
	mmcheck_pass(gcc::context *ctx) : gimple_opt_pass(mmcheck_pass_data, ctx) {}
	unsigned int execute(function *fun) final override { return mmcheck_execute(fun); }
};

/* ---- options and plugin_init --------------------------------------------- */

static int parse_args(struct plugin_name_args *info, const char **cat_path)
{
	int i;

	for (i = 0; i < info->argc; i++) {
		const char *key = info->argv[i].key, *val = info->argv[i].value;

		if (!strcmp(key, "catalogue") && val && *val) {
			*cat_path = val;
		} else if (!strcmp(key, "disable") && val) {
			disabled = val;
		} else if (!strcmp(key, "facts") && val && *val) {
			facts_to = val;
		} else if (!strcmp(key, "tree") && val && *val) {
			snprintf(tree_dir, sizeof(tree_dir), "%s", val);
		} else {
			error("mmcheck: unknown option %<-fplugin-arg-%s-%s%>; known: catalogue=FILE, "
			      "disable=RULES, facts=section|DIR, tree=ID", info->base_name, key);
			return 1;
		}
	}
	return 0;
}

/* -Wno-mm-rmap-before-flush: GCC has no way for a plugin to register a
 * warning option, but it hands an unknown -Wno-... to cc1 unchanged (and
 * only notes it if other diagnostics follow), so read them here. */
static void wno_options(void)
{
	unsigned int i;
	char *more;

	for (i = 1; i < save_decoded_options_count; i++) {
		const char *text = save_decoded_options[i].orig_option_with_args_text;

		if (text && (more = mm_rule_wno(disabled, text)) != NULL)
			disabled = more;
	}
}

int plugin_init(struct plugin_name_args *info, struct plugin_gcc_version *version)
{
	char err[512], beside[4096];
	const char *cat_path = mm_cat_beside(info->full_name, beside, sizeof(beside));
	struct register_pass_info pass;

	if (!plugin_default_version_check(version, &gcc_version)) {
		error("mmcheck: this plugin was built for GCC %s (%s) and cannot load into GCC %s; "
		      "rebuild it with the plugin headers of this compiler",
		      gcc_version.basever, gcc_version.datestamp, version->basever);
		return 1;
	}
	if (parse_args(info, &cat_path))
		return 1;
	wno_options();
	if (facts_to && strcmp(facts_to, "section") && access(facts_to, W_OK | X_OK)) {
		error("mmcheck: facts directory %qs is not a writable directory: %m "
		      "(%<-fplugin-arg-%s-facts=DIR%>)", facts_to, info->base_name);
		return 1;
	}
	if (!*tree_dir && !getcwd(tree_dir, sizeof(tree_dir)))
		strcpy(tree_dir, "?");
	if (mm_cat_load(&catalogue, cat_path, err, sizeof(err))) {
		error("mmcheck: %s (set %<-fplugin-arg-%s-catalogue=FILE%>)", err, info->base_name);
		return 1;
	}
	delay_field_bits = mm_cat_bits(&catalogue, "rmap_delay_field");
	delay_name = mm_cat_first(&catalogue, "rmap_delay");
	register_callback(info->base_name, PLUGIN_INFO, NULL, &mmcheck_plugin_info);
	pass.pass = new mmcheck_pass(g);
	pass.reference_pass_name = "cfg";
	pass.ref_pass_instance_number = 1;
	pass.pos_op = PASS_POS_INSERT_AFTER;
	register_callback(info->base_name, PLUGIN_PASS_MANAGER_SETUP, NULL, &pass);
	if (facts_to)
		register_callback(info->base_name, PLUGIN_FINISH_DECL, finish_decl, NULL);
	register_callback(info->base_name, PLUGIN_FINISH_UNIT, finish_unit, NULL);
	return 0;
}
