// SPDX-License-Identifier: GPL-2.0
/*
 * calls.c - what a call becomes in the IR, for every front end: the
 * catalogue kind of the callee decides the event, so the GCC plugin and
 * the sparse checker only say what the call's arguments are.
 */
#include <stdio.h>
#include <string.h>

#include "mmcore.h"

/*
 * The first row whose kinds match wins.  operand: the 0-based argument the
 * event is about (the catalogue's arg= overrides it), -1 for none; result:
 * whether the call's value is the event's result.  "do" and "undo" are
 * added on top, as one name can be both (folio_put_swap()).
 */
static const struct {
	const char *kinds;
	enum mm_ev ev;
	int operand;
	int result;
	enum mm_flavour flavour;	/* lock events */
} call_events[] = {
	{ "lock_plain|guard_plain",		MM_EV_LOCK,		   0, 0, MM_PLAIN },
	{ "lock_bh|guard_bh",			MM_EV_LOCK,		   0, 0, MM_BH },
	{ "lock_irq|guard_irq",			MM_EV_LOCK,		   0, 0, MM_IRQ },
	{ "unlock_plain",			MM_EV_UNLOCK,		  -1, 0, MM_PLAIN },
	{ "unlock_bh",				MM_EV_UNLOCK,		  -1, 0, MM_BH },
	{ "unlock_irq",				MM_EV_UNLOCK,		  -1, 0, MM_IRQ },
	{ "bh_disable",				MM_EV_BH_DISABLE,	  -1, 0, MM_PLAIN },
	{ "bh_enable",				MM_EV_BH_ENABLE,	  -1, 0, MM_PLAIN },
	{ "debug_bh",				MM_EV_DEBUG,		  -1, 0, MM_PLAIN },
	{ "bh_test",				MM_EV_BH_TEST,		  -1, 1, MM_PLAIN },
	{ "pte_clear_deferred",			MM_EV_PTE_CLEAR_DEFERRED, -1, 1, MM_PLAIN },
	{ "pte_clear_flush|pte_clear_hugetlb",	MM_EV_PTE_CLEAR_FLUSH,	  -1, 1, MM_PLAIN },
	{ "tlb_flush|tlb_flush_batched",	MM_EV_TLB_FLUSH,	  -1, 0, MM_PLAIN },
	{ "rmap_remove",			MM_EV_RMAP_REMOVE,	   0, 0, MM_PLAIN },
	{ "rmap_delay",				MM_EV_RMAP_DELAY,	  -1, 0, MM_PLAIN },
	{ "rmap_flush",				MM_EV_RMAP_FLUSH,	  -1, 0, MM_PLAIN },
	{ "anon_test",				MM_EV_ANON_TEST,	   0, 1, MM_PLAIN },
	{ "page_dirty",				MM_EV_PAGE_DIRTY,	   0, 0, MM_PLAIN },
	{ "folio_lock",				MM_EV_FOLIO_LOCK,	   0, 0, MM_PLAIN },
	{ "folio_unlock",			MM_EV_FOLIO_UNLOCK,	   0, 0, MM_PLAIN },
	{ "ptl_unlock",				MM_EV_PTL_UNLOCK,	  -1, 0, MM_PLAIN },
	{ "pte_restore",			MM_EV_PTE_RESTORE,	   3, 0, MM_PLAIN },
};

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

static int arg_index(const struct mm_catalogue *cat, const char *kinds, const char *name,
		     int fallback)
{
	char one[64];
	const char *k = kinds, *bar;

	/* the arg= of the row of whichever of the kinds the name has */
	while (k && *k) {
		const struct mm_cat_entry *e;

		bar = strchr(k, '|');
		snprintf(one, sizeof(one), "%.*s", bar ? (int)(bar - k) : (int)strlen(k), k);
		e = mm_cat_find(cat, one, name);
		if (e && e->arg)
			return e->arg - 1;
		k = bar ? bar + 1 : NULL;
	}
	return fallback;
}

static int arg_value(const struct mm_call *c, int i)
{
	return i >= 0 && i < c->nargs ? c->value(c->fe, i) : MM_NO_VALUE;
}

/*
 * The class of the lock argument i names: the front end's (by struct and
 * member, or a global), else "#N" when it is the function's own parameter
 * N, a lock its callers choose: lock_it(spinlock_t *l) { spin_lock(l); }.
 * The lock analysis gives each caller's class to a copy of the callee
 * (lockarg facts, lockgraph.c).
 */
static const char *lock_class(const struct mm_func *fn, const struct mm_call *c, int i)
{
	static char names[MM_MAX_PARAMS + 1][4];
	const char *cls = c->lock_class(c->fe, i);
	int v = cls ? MM_NO_VALUE : arg_value(c, i), p;

	for (p = 0; v != MM_NO_VALUE && p < fn->nparam; p++)
		if (fn->param[p] == v) {
			if (!names[p + 1][0])
				snprintf(names[p + 1], sizeof(names[p + 1]), "#%d", p + 1);
			return names[p + 1];
		}
	return cls;
}

static void add(const struct mm_catalogue *cat, struct mm_func *fn, int b,
		const struct mm_call *c, enum mm_ev kind, enum mm_flavour flavour, int obj,
		int result, const char *what)
{
	struct mm_event ev = { .kind = kind, .name = mm_cat_spelling(cat, c->name), .obj = obj,
			       .result = result, .flavour = flavour, .loc = c->loc, .what = what };

	mm_event_add(fn, b, &ev);
}

/* The arguments of a call that are constants, as 0 or not: a callee's
 * branch on that parameter (guards.c) may then be known to go one way. */
static void constant_args(const struct mm_call *c, struct mm_event *ev)
{
	int i, k;

	for (i = 0; c->constant && i < c->nargs && i < MM_MAX_PARAMS; i++) {
		k = c->constant(c->fe, i);
		if (k == 0)
			ev->zero_args |= 1u << (i + 1);
		else if (k > 0)
			ev->nonzero_args |= 1u << (i + 1);
	}
}

/* A call to a function of the tree: an event with its arguments, so that
 * the callee's summary can be applied here (summaries.c), and the BH walk
 * can say in what state the call is made (facts.c writes it).  APIs are
 * events of their own, not calls.  A call through a pointer (no name) is
 * an edge to the pseudo-function of its target, when the front end can
 * say which (callee_id). */
static void call_event(struct mm_func *fn, int b, const struct mm_call *c)
{
	struct mm_event ev = { .kind = MM_EV_CALL, .name = c->callee_id,
			       .obj = MM_NO_VALUE, .result = c->result, .loc = c->loc };
	int i, v[MM_MAX_PARAMS];

	constant_args(c, &ev);
	for (i = 0; i < c->nargs && i < MM_MAX_PARAMS; i++)
		v[i] = c->value(c->fe, i);
	ev.nargs = i;
	ev.args = mm_func_push_args(fn, v, i);
	mm_event_add(fn, b, &ev);
}

/*
 * Facts: work items.  INIT_WORK(&h->w, fn) names the work function of the
 * class of h->w ("struct host::w", named as a lock is); queue_work(wq,
 * &h->w) with wq a BH workqueue (system_bh_wq, 6.9+) makes that class's
 * functions run in softirq.  The kernel's INIT_WORK() is a macro that
 * stores fn in h->w.func: the front ends write the same record from the
 * store (mm_cat_work_field()).  A workqueue of the code's own (a variable
 * or member that alloc_workqueue(..., WQ_BH, ...) may have filled, in
 * this unit or another) is written as such (wqwork), for the analysis.
 */
static void work_facts(const struct mm_catalogue *cat, const struct mm_call *c,
		       unsigned long long kinds, struct mm_facts *facts)
{
	const struct mm_cat_entry *e;
	const char *wq;
	int w;

	if ((kinds & mm_cat_bits(cat, "work_init")) && c->nargs >= 2 &&
	    (e = mm_cat_find(cat, "work_init", c->name)) && e->arg && e->arg <= c->nargs)
		mm_facts_work(facts, c->lock_class(c->fe, 0), c->function(c->fe, e->arg - 1),
			      &c->loc);
	if (!(kinds & mm_cat_bits(cat, "work_queue")) || !c->loaded ||
	    !(e = mm_cat_find(cat, "work_queue", c->name)))
		return;
	w = e->wq ? e->wq : 1;
	if (e->arg < 1 || e->arg > c->nargs || w < 1 || w > c->nargs ||
	    !(wq = c->loaded(c->fe, w - 1)))
		return;
	if (mm_cat_find(cat, "bh_workqueue", wq))
		mm_facts_bhwork(facts, c->caller, c->lock_class(c->fe, e->arg - 1), &c->loc);
	else
		mm_facts_wqwork(facts, c->caller, wq, c->lock_class(c->fe, e->arg - 1), &c->loc);
}

/*
 * Facts: the softirq callback a registration names.  A function passed to
 * a function of the tree may be called through that parameter (pass);
 * passed to an API or through a pointer, its address is taken.  The front
 * end names a function pointer parameter passed on by its pseudo-function
 * ("*NF_HOOK_LIST@unit#8"), so that whatever the caller passed follows it.
 */
static void call_facts(const struct mm_catalogue *cat, const struct mm_func *fn,
		       const struct mm_call *c, int plain, unsigned long long kinds,
		       struct mm_facts *facts)
{
	const struct mm_cat_entry *reg;
	const char *cb, *cls;
	int i;

	if (kinds & mm_cat_bits(cat, "work_init|work_queue"))
		work_facts(cat, c, kinds, facts);
	if (kinds && (kinds & mm_cat_bits(cat, "softirq_register"))) {
		reg = mm_cat_find(cat, "softirq_register", c->name);
		cb = reg && reg->arg && reg->arg <= c->nargs ? c->function(c->fe, reg->arg - 1) : NULL;
		if (cb && *cb != '*')	/* a parameter's function: not known here */
			mm_facts_reg(facts, c->caller, cb, c->name, &c->loc);
		return;
	}
	for (i = 0; i < c->nargs; i++) {
		cb = c->function(c->fe, i);
		if (cb && plain && c->name && c->callee_id)
			mm_facts_pass(facts, c->caller, cb, c->callee_id, i);
		else if (cb)
			mm_facts_addr(facts, cb);
		/* a lock handed to a function of the tree, for its "#N" */
		if (plain && c->name && c->callee_id && c->lock_ptr && c->lock_ptr(c->fe, i) &&
		    (cls = lock_class(fn, c, i)))
			mm_facts_lockarg(facts, c->caller, c->callee_id, i + 1, cls);
	}
}

/* Not an API (analysis kinds aside, which the lock analysis reads by name):
 * a call to a function of the tree, or through a pointer. */
static int plain_call(const struct mm_catalogue *cat, const struct mm_call *c,
		      unsigned long long kinds)
{
	/* most calls are to no catalogued name: no kind list parsed for them */
	return !c->name || !kinds || !(kinds & ~mm_cat_bits(cat, MM_ANALYSIS_KINDS));
}

int mm_translate_call(const struct mm_catalogue *cat, struct mm_func *fn, int b,
		      const struct mm_call *c, struct mm_facts *facts)
{
	unsigned long long kinds = c->name ? mm_cat_mask(cat, c->name) : 0;
	enum mm_flavour flavour;
	const char *cls;
	int release;
	size_t i;
	int plain = plain_call(cat, c, kinds);

	if (c->name && !kinds && c->nargs && mm_cat_guard_test(cat, c->name)) {
		/* __guard_ptr(name)(&scope): nonzero only if scope is */
		struct mm_event ev = { .kind = MM_EV_COPY, .obj = c->result,
				       .result = arg_value(c, 0), .loc = c->loc };

		mm_event_add(fn, b, &ev);
		return MM_CALL_DONE;
	}
	if (c->name && !kinds && mm_cat_guard(cat, c->name, &flavour, &release, &cls)) {
		/* named as written, guard(spinlock_bh), not as its constructor */
		struct mm_event ev = { .kind = release ? MM_EV_UNLOCK : MM_EV_LOCK, .name = cls,
				       .obj = MM_NO_VALUE, .result = MM_NO_VALUE,
				       .flavour = flavour, .loc = c->loc };

		if (!release && c->nargs)
			ev.what = lock_class(fn, c, 0);
		mm_event_add(fn, b, &ev);
		return MM_CALL_DONE;
	}
	if (plain && c->callee_id)
		call_event(fn, b, c);
	if (facts)
		call_facts(cat, fn, c, plain, kinds, facts);
	if (!kinds)
		return MM_CALL_DONE;	/* most calls: nothing the catalogue knows */
	if (kinds & mm_cat_bits(cat, "same_object"))
		return arg_index(cat, "same_object", c->name, 0);
	for (i = 0; i < ARRAY_LEN(call_events); i++) {
		int operand;

		if (!(kinds & mm_cat_bits(cat, call_events[i].kinds)))
			continue;
		operand = call_events[i].operand < 0 ? -1 :
			  arg_index(cat, call_events[i].kinds, c->name, call_events[i].operand);
		/* where the mmu_gather never defers, a "deferred" clear flushes */
		if (call_events[i].ev == MM_EV_PTE_CLEAR_DEFERRED && c->clears_flush) {
			add(cat, fn, b, c, MM_EV_PTE_CLEAR_FLUSH, MM_PLAIN, MM_NO_VALUE, c->result, NULL);
			break;
		}
		add(cat, fn, b, c, call_events[i].ev, call_events[i].flavour, arg_value(c, operand),
		    call_events[i].result ? c->result : MM_NO_VALUE,
		    call_events[i].ev == MM_EV_LOCK && c->nargs ? lock_class(fn, c, 0) : NULL);
		if (call_events[i].ev == MM_EV_LOCK)
			fn->b[b].ev[fn->b[b].nev - 1].trylock = mm_cat_trylock(cat, c->name);
		break;
	}
	if (kinds & mm_cat_bits(cat, "do"))
		add(cat, fn, b, c, MM_EV_DO, MM_PLAIN, MM_NO_VALUE, c->result, NULL);
	if (kinds & mm_cat_bits(cat, "undo"))
		add(cat, fn, b, c, MM_EV_UNDO, MM_PLAIN, MM_NO_VALUE, MM_NO_VALUE, NULL);
	return MM_CALL_DONE;
}
