// SPDX-License-Identifier: GPL-2.0
/*
 * test_core.c - unit tests of the analysis core, with no front end: each
 * test builds a function's IR by hand, in the shape a kernel function has,
 * and states the findings it expects.  Prints TAP and a closing
 * 'core: N passed, N failed' line.  Usage: test_core CATALOGUE
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mmcore.h"

static struct mm_catalogue cat;
static int ntest, nfail;
static char got[1024];

static void collect(const struct mm_finding *f, void *ctx)
{
	char one[400];

	(void)ctx;
	snprintf(one, sizeof(one), "%s@%d(%d notes) ", f->rule, f->loc.line, f->nnotes);
	if (strlen(got) + strlen(one) < sizeof(got))
		strcat(got, one);
}

static void expect(const char *name, struct mm_func *fn, const char *want)
{
	int incomplete = 0;

	got[0] = '\0';
	mm_check_all(fn, &cat, collect, NULL, &incomplete);
	ntest++;
	if (!strcmp(got, want) && !incomplete) {
		printf("ok %d - %s\n", ntest, name);
	} else {
		nfail++;
		printf("not ok %d - %s\n#   want: '%s'\n#   got:  '%s'%s\n", ntest, name, want, got,
		       incomplete ? " (incomplete)" : "");
	}
	mm_func_free(fn);
}

/* Add an event in one line: kind, callee, operand, result, source line. */
static void ev(struct mm_func *fn, int b, enum mm_ev kind, const char *name, int obj,
	       int result, int line)
{
	struct mm_event e = { .kind = kind, .name = name, .obj = obj, .result = result,
			      .loc = { "test.c", line, 1 } };

	mm_event_add(fn, b, &e);
}

enum { PTE = 1, OLD, PAGE, NEXT, RET };

enum packing { AS_BUILT, COMPACTED, COPIED };

/* clear; dirty; rmap removed: the 6.1 zap_pte_range() shape, in a loop;
 * checked as built, packed in place, or as a (packed) copy. */
static void zap_loop(int flush_first, int delay, enum packing packing, const char *want,
		     const char *name)
{
	struct mm_func fn, copy;
	int head, body, out;

	mm_func_init(&fn, "zap");
	mm_block_add(&fn);
	head = mm_block_add(&fn);
	body = mm_block_add(&fn);
	out = mm_block_add(&fn);
	mm_edge_add(&fn, 0, head, MM_COND_NONE, 0);
	mm_edge_add(&fn, head, body, MM_COND_NONE, 0);
	mm_edge_add(&fn, head, out, MM_COND_NONE, 0);
	ev(&fn, body, MM_EV_PTE_CLEAR_DEFERRED, "ptep_get_and_clear_full", PTE, OLD, 10);
	ev(&fn, body, MM_EV_PAGE_DIRTY, "set_page_dirty", PAGE, -1, 12);
	if (flush_first)
		ev(&fn, body, MM_EV_TLB_FLUSH, "tlb_flush_mmu", -1, -1, 13);
	if (delay)
		ev(&fn, body, MM_EV_RMAP_DELAY, "tlb_delay_rmap", -1, -1, 13);
	ev(&fn, body, MM_EV_RMAP_REMOVE, "page_remove_rmap", PAGE, -1, 14);
	mm_edge_add(&fn, body, head, MM_COND_NONE, 0);
	ev(&fn, out, MM_EV_TLB_FLUSH, "tlb_flush_mmu_tlbonly", -1, -1, 20);
	if (packing == COMPACTED)
		mm_func_compact(&fn);
	if (packing == COPIED) {
		mm_func_copy(&copy, &fn);
		mm_func_free(&fn);
		fn = copy;
	}
	expect(name, &fn, want);
}

static void test_zap_loop(int flush_first, int delay, const char *want, const char *name)
{
	zap_loop(flush_first, delay, AS_BUILT, want, name);
}

static void test_rmap_other_page(void)
{
	struct mm_func fn;

	mm_func_init(&fn, "zap_two");
	mm_block_add(&fn);
	ev(&fn, 0, MM_EV_PTE_CLEAR_DEFERRED, "ptep_get_and_clear_full", PTE, OLD, 10);
	ev(&fn, 0, MM_EV_PAGE_DIRTY, "set_page_dirty", PAGE, -1, 11);
	ev(&fn, 0, MM_EV_ASSIGN, "=", PAGE, -1, 12);
	ev(&fn, 0, MM_EV_RMAP_REMOVE, "page_remove_rmap", PAGE, -1, 13);
	expect("rmap: the page was reassigned before the removal", &fn, "");
}

static void test_rmap_folio_locked(void)
{
	struct mm_func fn;

	mm_func_init(&fn, "collect");
	mm_block_add(&fn);
	ev(&fn, 0, MM_EV_FOLIO_LOCK, "folio_trylock", PAGE, -1, 9);
	ev(&fn, 0, MM_EV_PTE_CLEAR_DEFERRED, "ptep_get_and_clear", PTE, OLD, 10);
	ev(&fn, 0, MM_EV_PAGE_DIRTY, "folio_mark_dirty", PAGE, -1, 11);
	ev(&fn, 0, MM_EV_RMAP_REMOVE, "folio_remove_rmap_pte", PAGE, -1, 12);
	expect("rmap: folio locked across clear and removal", &fn, "");
}

/* clear; if (do() < 0) { restore; return } ; if (busy) { [undo;] restore } */
static void test_undo(const char *do_name, const char *undo_name, int checked, const char *want,
		      const char *name)
{
	struct mm_func fn;
	int fail, ok, busy, done;

	mm_func_init(&fn, "unmap_one");
	mm_block_add(&fn);
	fail = mm_block_add(&fn);
	ok = mm_block_add(&fn);
	busy = mm_block_add(&fn);
	done = mm_block_add(&fn);
	ev(&fn, 0, MM_EV_PTE_CLEAR_FLUSH, "ptep_clear_flush", PTE, OLD, 10);
	ev(&fn, 0, MM_EV_DO, do_name, -1, checked ? RET : -1, 11);
	mm_edge_add(&fn, 0, fail, checked ? MM_COND_FAILURE : MM_COND_NONE, RET);
	mm_edge_add(&fn, 0, ok, checked ? MM_COND_SUCCESS : MM_COND_NONE, RET);
	ev(&fn, fail, MM_EV_PTE_RESTORE, "set_pte_at", OLD, -1, 12);
	mm_edge_add(&fn, ok, busy, MM_COND_NONE, 0);
	mm_edge_add(&fn, ok, done, MM_COND_NONE, 0);
	if (undo_name)
		ev(&fn, busy, MM_EV_UNDO, undo_name, -1, -1, 15);
	ev(&fn, busy, MM_EV_PTE_RESTORE, "set_pte_at", OLD, -1, 16);
	ev(&fn, done, MM_EV_PTE_RESTORE, "set_pte_at", NEXT, -1, 20);
	expect(name, &fn, want);
}

/* while (walk) { clear; if (redirtied) restore+break; if (do < 0) ...; } */
static void test_undo_next_iteration(void)
{
	struct mm_func fn;
	int head, body, redirty, after_do, out;

	mm_func_init(&fn, "unmap_loop");
	mm_block_add(&fn);
	head = mm_block_add(&fn);
	body = mm_block_add(&fn);
	redirty = mm_block_add(&fn);
	after_do = mm_block_add(&fn);
	out = mm_block_add(&fn);
	mm_edge_add(&fn, 0, head, MM_COND_NONE, 0);
	mm_edge_add(&fn, head, body, MM_COND_NONE, 0);
	mm_edge_add(&fn, head, out, MM_COND_NONE, 0);
	ev(&fn, body, MM_EV_PTE_CLEAR_FLUSH, "ptep_clear_flush", PTE, OLD, 10);
	mm_edge_add(&fn, body, redirty, MM_COND_NONE, 0);
	ev(&fn, redirty, MM_EV_PTE_RESTORE, "set_pte_at", OLD, -1, 11);
	mm_edge_add(&fn, redirty, out, MM_COND_NONE, 0);
	mm_edge_add(&fn, body, after_do, MM_COND_NONE, 0);
	ev(&fn, after_do, MM_EV_DO, "arch_unmap_one", -1, RET, 13);
	mm_edge_add(&fn, after_do, head, MM_COND_SUCCESS, RET);
	mm_edge_add(&fn, after_do, out, MM_COND_FAILURE, RET);
	expect("undo: an abort in the next iteration is not this do's", &fn, "");
}

/* err = _1 where _1 = do(): the test of err is the test of the do; and a
 * variable reassigned on one branch only keeps its cleared value on the
 * other (try_to_unmap_one()'s hwpoison branch). */
static void test_undo_copy_and_kill(void)
{
	enum { ERR = -7, TMP = -8, VAL = -9 };	/* ids may be any int but -1 */
	struct mm_func fn;
	int fail, ok, poison, abort_, done;

	mm_func_init(&fn, "unmap_copy");
	mm_block_add(&fn);
	fail = mm_block_add(&fn);
	ok = mm_block_add(&fn);
	poison = mm_block_add(&fn);
	abort_ = mm_block_add(&fn);
	done = mm_block_add(&fn);
	ev(&fn, 0, MM_EV_PTE_CLEAR_FLUSH, "ptep_clear_flush", PTE, VAL, 10);
	ev(&fn, 0, MM_EV_DO, "arch_unmap_one", -1, TMP, 11);
	ev(&fn, 0, MM_EV_ASSIGN, "=", ERR, -1, 11);
	ev(&fn, 0, MM_EV_COPY, "=", ERR, TMP, 11);
	mm_edge_add(&fn, 0, fail, MM_COND_FAILURE, ERR);
	mm_edge_add(&fn, 0, ok, MM_COND_SUCCESS, ERR);
	mm_edge_add(&fn, ok, poison, MM_COND_NONE, 0);
	mm_edge_add(&fn, ok, abort_, MM_COND_NONE, 0);
	ev(&fn, poison, MM_EV_ASSIGN, "=", VAL, -1, 14);
	ev(&fn, poison, MM_EV_PTE_RESTORE, "set_pte_at", VAL, -1, 15);
	mm_edge_add(&fn, poison, done, MM_COND_NONE, 0);
	ev(&fn, abort_, MM_EV_PTE_RESTORE, "set_pte_at", VAL, -1, 17);
	expect("undo: success tested through a copy; a reassigned PTE is not a restore", &fn,
	       "mm-undo-missing@17(1 notes) ");
}

/* An event with a constant: err = -ENOMEM, return -ENOMEM. */
static void ev_const(struct mm_func *fn, int b, enum mm_ev kind, int obj, enum mm_const k,
		     int line)
{
	struct mm_event e = { .kind = kind, .name = "=", .obj = obj, .result = -1,
			      .loc = { "test.c", line, 1 }, .constant = k };

	mm_event_add(fn, b, &e);
}

/* if (do() < 0) return -EIO; err = -ENOMEM; then either return err, or
 * store a new PTE (handed on) and return -EAGAIN.  Only the first is an
 * abort, and only if a negative result is a failure of fn. */
static void test_undo_failure_return(enum mm_ret ret, const char *want, const char *name)
{
	enum { ERR = -7 };
	struct mm_func fn;
	int fail, ok, leak, handed;

	mm_func_init(&fn, "copy_swap");
	fn.ret = ret;
	mm_block_add(&fn);
	fail = mm_block_add(&fn);
	ok = mm_block_add(&fn);
	leak = mm_block_add(&fn);
	handed = mm_block_add(&fn);
	ev(&fn, 0, MM_EV_DO, "swap_duplicate", -1, RET, 11);
	mm_edge_add(&fn, 0, fail, MM_COND_FAILURE, RET);
	mm_edge_add(&fn, 0, ok, MM_COND_SUCCESS, RET);
	ev_const(&fn, fail, MM_EV_RETURN, -1, MM_CONST_NEGATIVE, 12);
	ev_const(&fn, ok, MM_EV_ASSIGN, ERR, MM_CONST_NEGATIVE, 13);
	mm_edge_add(&fn, ok, leak, MM_COND_NONE, 0);
	mm_edge_add(&fn, ok, handed, MM_COND_NONE, 0);
	ev_const(&fn, leak, MM_EV_RETURN, ERR, MM_CONST_NONE, 14);
	ev(&fn, handed, MM_EV_PTE_RESTORE, "set_pte_at", NEXT, -1, 15);
	ev_const(&fn, handed, MM_EV_RETURN, -1, MM_CONST_NEGATIVE, 16);
	expect(name, &fn, want);
}

static void test_catalogue(const char *path)
{
	struct mm_catalogue bad;
	char err[256];

	ntest++;
	if (mm_cat_is(&cat, "rmap_remove", "folio_remove_rmap_ptes") &&
	    mm_cat_is(&cat, "rmap_remove", "page_remove_rmap") &&
	    mm_cat_is(&cat, "lock_plain|lock_bh", "spin_lock_bh") &&
	    mm_cat_find(&cat, "undo", "swap_free_nr") &&
	    !strcmp(mm_cat_find(&cat, "undo", "arch_remap_one")->pair, "arch_unmap_one") &&
	    !mm_cat_is(&cat, "tlb_flush", "page_remove_rmap") &&
	    (mm_cat_mask(&cat, "folio_put_swap") & mm_cat_bits(&cat, "undo")) &&
	    (mm_cat_mask(&cat, "spin_lock_bh") & mm_cat_bits(&cat, "lock_bh")) &&
	    !(mm_cat_mask(&cat, "spin_lock_bh") & mm_cat_bits(&cat, "lock_plain|lock_irq")) &&
	    !mm_cat_mask(&cat, "printk") &&
	    !strcmp(mm_cat_find(&cat, "process_cut", "ieee80211_tx_prep_agg")->from,
		    "ieee80211_tx_prepare_skb") &&
	    !strcmp(mm_cat_find(&cat, "lock_class_rekeyed", "k_itimer::it_lock")->path,
		    "kernel/time/posix-cpu-timers.c") &&
	    /* a process_cut row leaves a call to its function a call-graph edge */
	    !(mm_cat_mask(&cat, "ieee80211_tx_prep_agg") &
	      ~mm_cat_bits(&cat, MM_ANALYSIS_KINDS)))
		printf("ok %d - catalogue classifies 6.1 and mainline names\n", ntest);
	else
		printf("not ok %d - catalogue classifies 6.1 and mainline names (%s)\n", ntest, path),
		nfail++;
	ntest++;
	if (mm_cat_load(&bad, "/nonexistent/mm-api.tsv", err, sizeof(err)) == -1 &&
	    strstr(err, "/nonexistent/mm-api.tsv"))
		printf("ok %d - an unreadable catalogue is an error naming the file\n", ntest);
	else
		printf("not ok %d - an unreadable catalogue is an error naming the file\n", ntest), nfail++;
}

static void ok(int cond, const char *name)
{
	ntest++;
	printf("%s %d - %s\n", cond ? "ok" : "not ok", ntest, name);
	nfail += !cond;
}

static void lock_ev(struct mm_func *fn, int b, enum mm_ev kind, enum mm_flavour fl, int line)
{
	struct mm_event e = { .kind = kind, .name = "spin_lock", .obj = -1, .result = -1,
			      .flavour = fl, .loc = { "test.c", line, 9 },
			      .what = "struct mm_struct::context.lock" };

	mm_event_add(fn, b, &e);
}

static void collect_acq(const struct mm_event *ev, enum mm_bh bh, void *ctx)
{
	char one[64];

	snprintf(one, sizeof(one), "%d:%s ", ev->loc.line, bh == MM_BH_ENABLED ? "on" : "off");
	strcat(ctx, one);
}

/*
 * if (c) spin_lock_bh(a) else local_bh_disable();  spin_lock(b) at line 20
 * and a call at 22: BH off on both paths.  Then the _bh section ends on
 * one path only (line 30), and a plain lock at line 31 and a call at 32
 * see BH on there.
 */
static void test_bh_state(void)
{
	struct mm_func fn;
	int then, els, join, end1, end2, tail, leaves;
	char got_acq[256] = "";

	mm_func_init(&fn, "bh");
	mm_block_add(&fn);
	then = mm_block_add(&fn);
	els = mm_block_add(&fn);
	join = mm_block_add(&fn);
	end1 = mm_block_add(&fn);
	end2 = mm_block_add(&fn);
	tail = mm_block_add(&fn);
	mm_edge_add(&fn, 0, then, MM_COND_NONE, 0);
	mm_edge_add(&fn, 0, els, MM_COND_NONE, 0);
	lock_ev(&fn, then, MM_EV_LOCK, MM_BH, 10);
	ev(&fn, els, MM_EV_BH_DISABLE, "local_bh_disable", -1, -1, 12);
	mm_edge_add(&fn, then, join, MM_COND_NONE, 0);
	mm_edge_add(&fn, els, join, MM_COND_NONE, 0);
	lock_ev(&fn, join, MM_EV_LOCK, MM_PLAIN, 20);
	ev(&fn, join, MM_EV_DEBUG, "__mmcheck_bh", -1, -1, 21);
	ev(&fn, join, MM_EV_CALL, "helper", -1, -1, 22);
	mm_edge_add(&fn, join, end1, MM_COND_NONE, 0);
	mm_edge_add(&fn, join, end2, MM_COND_NONE, 0);
	lock_ev(&fn, end1, MM_EV_UNLOCK, MM_BH, 30);
	mm_edge_add(&fn, end1, tail, MM_COND_NONE, 0);
	mm_edge_add(&fn, end2, tail, MM_COND_NONE, 0);
	lock_ev(&fn, tail, MM_EV_LOCK, MM_PLAIN, 31);
	ev(&fn, tail, MM_EV_CALL, "helper", -1, -1, 32);
	ok(!mm_bh_sites(&fn, NULL, NULL, collect_acq, got_acq, &leaves) &&
	   !strcmp(got_acq, "10:on 20:off 22:off 31:on 32:on "),
	   "bh: state at each acquisition and call, over all paths");
	expect("bh: __mmcheck_bh() reports what the walk believes", &fn, "mm-debug@21(1 notes) ");
}

/*
 * A callee returns holding a _bh lock (inet_csk_find_open_port() for
 * inet_csk_get_port()): find_port() at 10, spin_lock(b) at 11, and the
 * spin_unlock_bh() of the callee's lock at 13 on one branch only when
 * both = 0.  The later unmatched enable says BH is off at 11.
 */
static void test_bh_later_enable(int both, const char *want, const char *name)
{
	struct mm_func fn;
	int then, els, tail, leaves;
	char got_acq[256] = "";

	mm_func_init(&fn, "get_port");
	mm_block_add(&fn);
	then = mm_block_add(&fn);
	els = mm_block_add(&fn);
	tail = mm_block_add(&fn);
	ev(&fn, 0, MM_EV_CALL, "find_port", -1, -1, 10);
	lock_ev(&fn, 0, MM_EV_LOCK, MM_PLAIN, 11);
	lock_ev(&fn, 0, MM_EV_UNLOCK, MM_PLAIN, 12);
	mm_edge_add(&fn, 0, then, MM_COND_NONE, 0);
	mm_edge_add(&fn, 0, els, MM_COND_NONE, 0);
	lock_ev(&fn, then, MM_EV_UNLOCK, MM_BH, 13);
	if (both)
		lock_ev(&fn, els, MM_EV_UNLOCK, MM_BH, 14);
	mm_edge_add(&fn, then, tail, MM_COND_NONE, 0);
	mm_edge_add(&fn, els, tail, MM_COND_NONE, 0);
	ok(!mm_bh_sites(&fn, NULL, NULL, collect_acq, got_acq, &leaves) &&
	   !strcmp(got_acq, want), name);
	if (strcmp(got_acq, want))
		printf("#   want: '%s'\n#   got:  '%s'\n", want, got_acq);
	mm_func_free(&fn);
}

/*
 * What a callee leaves behind (posix-timers' lock_timer()/unlock_timer()):
 * lock_obj() returns holding an _irqsave lock, unlock_obj() releases it,
 * and del() takes a plain lock between calls to the two.  With the
 * unit's functions walked at its end, the acquisition in del() is made
 * with BH (and IRQs) disabled; unlock_obj() alone says so too, since the
 * backward walk sees its enable.
 */
static int acq_state(const struct mm_fact *f, void *ctx)
{
	if (!strcmp(f->f[0], "acq") && !strcmp(f->f[1], "del"))
		strcpy(ctx, f->f[4]);
	return 0;
}

static void unit_fn(struct mm_facts *f, const char *id, enum mm_ev kind, int with_calls)
{
	struct mm_func fn;

	mm_func_init(&fn, id);
	mm_block_add(&fn);
	if (with_calls) {
		if (with_calls > 1)
			ev(&fn, 0, MM_EV_CALL, "lock_obj", -1, -1, 10);
		lock_ev(&fn, 0, MM_EV_LOCK, MM_PLAIN, 11);
		lock_ev(&fn, 0, MM_EV_UNLOCK, MM_PLAIN, 12);
		ev(&fn, 0, MM_EV_CALL, "unlock_obj", -1, -1, 13);
	} else {
		lock_ev(&fn, 0, kind, MM_IRQ, 5);
	}
	mm_facts_function(f, id, &fn, NULL, 0);
}

/* Ends the unit's facts and checks the BH state of del()'s acquisition. */
static void expect_del_acq(struct mm_facts *f, const char *want, const char *name)
{
	char err[256], got[32] = "";

	mm_facts_end(f, NULL, NULL);
	ok(!mm_facts_parse(f->buf, f->len, "obj.o", acq_state, got, err, sizeof(err)) &&
	   !strcmp(got, want), name);
	if (strcmp(got, want))
		printf("#   want: '%s'\n#   got:  '%s'\n", want, got);
	mm_facts_free(f);
}

static void test_callee_effects(int with_unlock_helper, int calls, const char *want,
				const char *name)
{
	struct mm_facts f;

	mm_facts_begin(&f, "/tree", "obj.c");
	unit_fn(&f, "del", MM_EV_LOCK, calls);
	unit_fn(&f, "lock_obj", MM_EV_LOCK, 0);
	if (with_unlock_helper)
		unit_fn(&f, "unlock_obj", MM_EV_UNLOCK, 0);
	expect_del_acq(&f, want, name);
}

/* fn calls callee at line, then branches on its result. */
static void call_then_test(struct mm_func *fn, const char *id, const char *callee, int result,
			   int line)
{
	mm_func_init(fn, id);
	mm_block_add(fn);
	mm_block_add(fn);	/* 1: the result is nonzero */
	mm_block_add(fn);	/* 2: it is zero */
	ev(fn, 0, MM_EV_CALL, callee, -1, result, line);
	mm_edge_add(fn, 0, 1, MM_COND_FAILURE, result);
	mm_edge_add(fn, 0, 2, MM_COND_SUCCESS, result);
}

/*
 * A result that says BH is disabled (7.2's lock_timer()): lock_obj()
 * returns the object it found after spin_lock_irq() of it, or NULL; del()
 * takes a plain lock where the result is nonzero.  With locked = 0 the
 * object comes back unlocked, and the lock is taken with BH enabled.
 */
static void test_result_effect(int locked, const char *want, const char *name)
{
	struct mm_facts f;
	struct mm_func fn;
	struct mm_event ret = { .kind = MM_EV_RETURN, .obj = 7, .result = -1,
				.loc = { "test.c", 6, 1 } };

	mm_facts_begin(&f, "/tree", "obj.c");
	call_then_test(&fn, "lock_obj", "find", 7, 4);
	if (locked)
		lock_ev(&fn, 1, MM_EV_LOCK, MM_IRQ, 5);
	mm_event_add(&fn, 1, &ret);
	ret.obj = -1;
	ret.constant = MM_CONST_ZERO;
	ret.loc.line = 7;
	mm_event_add(&fn, 2, &ret);
	mm_facts_function(&f, "lock_obj", &fn, NULL, 0);
	call_then_test(&fn, "del", "lock_obj", 9, 10);
	lock_ev(&fn, 1, MM_EV_LOCK, MM_PLAIN, 11);
	lock_ev(&fn, 1, MM_EV_UNLOCK, MM_PLAIN, 12);
	mm_facts_function(&f, "del", &fn, NULL, 0);
	expect_del_acq(&f, want, name);
}

struct fact_count {
	int header, acq, call, reg, end;
};

static int count_fact(const struct mm_fact *f, void *ctx)
{
	struct fact_count *n = ctx;

	n->header += !strcmp(f->f[0], "mmcheck-facts");
	n->acq += !strcmp(f->f[0], "acq") && !strcmp(f->f[2], "struct mm_struct::context.lock");
	n->call += !strcmp(f->f[0], "call");
	n->reg += !strcmp(f->f[0], "reg") && !strcmp(f->f[2], "free_rcu@x.c") &&
		  !strcmp(f->f[4], "x.c:9:2");
	n->end += !strcmp(f->f[0], "end");
	return 0;
}

static void test_facts(void)
{
	struct mm_event e = { .kind = MM_EV_LOCK, .name = "spin_lock", .flavour = MM_PLAIN,
			      .loc = { "x.c", 3, 9 }, .what = "struct mm_struct::context.lock" };
	struct mm_loc at = { "x.c", 9, 2, 0, NULL };
	struct mm_facts f;
	struct fact_count n = { 0 };
	char err[256], *two;
	size_t len;

	mm_facts_begin(&f, "/tree", "x.c");
	mm_facts_acq(&f, "flush", &e, MM_BH_ENABLED, 0, 0);
	mm_facts_call(&f, "flush", "helper@x.c", MM_BH_ENABLED, NULL, 0, 0);
	mm_facts_reg(&f, "flush", "free_rcu@x.c", "call_rcu", &at);
	mm_facts_end(&f, NULL, NULL);
	/* a link concatenates two objects' sections */
	len = 2 * f.len;
	two = malloc(len + 1);
	memcpy(two, f.buf, f.len);
	memcpy(two + f.len, f.buf, f.len + 1);
	ok(!mm_facts_parse(two, len, "two.o", count_fact, &n, err, sizeof(err)) &&
	   n.header == 2 && n.acq == 2 && n.call == 2 && n.reg == 2 && n.end == 2,
	   "facts: written, concatenated, read back whole");
	ok(strstr(f.buf, "\tfree_rcu@\t") && strstr(f.buf, "\t:9:2\n") && !strstr(f.buf, "@x.c"),
	   "facts: the unit's name is left out of its ids and places, and put back");
	memcpy(two, f.buf, f.len + 1);
	ok(mm_facts_parse(two, f.len - 7, "cut.o", count_fact, &n, err, sizeof(err)) &&
	   strstr(err, "cut.o") && strstr(err, "truncated"), "facts: a truncated blob is an error");
	memcpy(two, f.buf, f.len + 1);
	two[0] = 'X';
	ok(mm_facts_parse(two, f.len, "foreign.o", count_fact, &n, err, sizeof(err)) &&
	   strstr(err, "foreign"), "facts: a foreign section is an error");
	memcpy(two, f.buf, f.len + 1);
	*strstr(two, "flush") ^= 1;
	ok(mm_facts_parse(two, f.len, "flipped.o", count_fact, &n, err, sizeof(err)) &&
	   strstr(err, "checksum does not match"), "facts: a flipped bit is an error");
	memcpy(two, f.buf, f.len + 1);
	two[strlen("mmcheck-facts\t")] = '4';
	ok(mm_facts_parse(two, f.len, "old.o", count_fact, &n, err, sizeof(err)) &&
	   strstr(err, "rebuild"), "facts: an older version, without a checksum, is an error");
	free(two);
	mm_facts_free(&f);
}

static void count_report(const struct mm_finding *f, void *ctx)
{
	char one[96];

	snprintf(one, sizeof(one), "%s@%d ", f->rule, f->loc.line);
	strcat(ctx, one);
}

/* The facts of a small tree, as text; "%s" is the BH state of the call
 * from put_port() to __put_port(). */
static const char lock_tree[] =
	"mmcheck-facts\t9\t/tree\tnet.c\n"
	"reg\tsetup\tdestroy_rcu@net.c\tcall_rcu\tnet.c:5:2\n"
	"call\tdestroy_rcu@net.c\tunhash@net.c\tbh-on\t-\t-\n"
	"acq\tunhash@net.c\tstruct bucket::lock\tplain\tbh-on\tnet.c:10:2\tspin_lock\t-\n"
	"call\tput_port\t__put_port@net.c\t%s\t-\t-\n"
	"acq\t__put_port@net.c\tstruct bucket::lock\tplain\tbh-on\tnet.c:20:2\tspin_lock\t-\n";

static void test_lockgraph_entry_bh(const char *bh, const char *want, const char *name)
{
	struct mm_lockgraph *g = mm_lg_new(&cat);
	char buf[1024], err[256], got_lg[256] = "";
	int n = snprintf(buf, sizeof(buf), lock_tree, bh);

	n += snprintf(buf + n, sizeof(buf) - n, "end\t5\t%016llx\n", mm_facts_checksum(buf, n));
	ok(!mm_lg_add(g, buf, n, "net.o", err, sizeof(err)) &&
	   (mm_lg_analyse(g, count_report, got_lg), !strcmp(got_lg, want)), name);
	if (strcmp(got_lg, want))
		printf("#   want: '%s'\n#   got:  '%s'\n", want, got_lg);
	mm_lg_free(g);
}

/* A helper that locks its parameter, called with two classes, one of
 * them through a second helper that hands it on: only the class the
 * softirq callback takes with BH enabled elsewhere is reported, at the
 * helper's acquisition. */
static const char lockarg_tree[] =
	"mmcheck-facts\t9\t/tree\tmm.c\n"
	"acq\tlock_it@mm.c\t#1\tplain\tbh-on\tmm.c:4:2\tspin_lock\t-\n"
	"call\tcaller\tpass_on@mm.c\tbh-on\t-\t-\n"
	"lockarg\tcaller\tpass_on@mm.c\t1\tstruct mm_struct::context.lock\n"
	"call\tpass_on@mm.c\tlock_it@mm.c\tbh-on\t-\t-\n"
	"lockarg\tpass_on@mm.c\tlock_it@mm.c\t1\t#1\n"
	"call\tother\tlock_it@mm.c\tbh-on\t-\t-\n"
	"lockarg\tother\tlock_it@mm.c\t1\tstruct quiet::lock\n"
	"reg\tsetup\trcu_cb@mm.c\tcall_rcu\tmm.c:30:2\n"
	"acq\trcu_cb@mm.c\tstruct mm_struct::context.lock\tplain\tbh-on\tmm.c:20:2\tspin_lock\t-\n";

static void test_lockgraph_lockarg(void)
{
	struct mm_lockgraph *g = mm_lg_new(&cat);
	char buf[2048], err[256], got_lg[256] = "";
	int n = snprintf(buf, sizeof(buf), "%s", lockarg_tree);
	const char *want = "mm-lock-softirq-unsafe@4 ";

	n += snprintf(buf + n, sizeof(buf) - n, "end\t9\t%016llx\n", mm_facts_checksum(buf, n));
	ok(!mm_lg_add(g, buf, n, "mm.o", err, sizeof(err)) &&
	   (mm_lg_analyse(g, count_report, got_lg), !strcmp(got_lg, want)),
	   "lockgraph: a helper locks the class its caller hands it, through another helper");
	if (strcmp(got_lg, want))
		printf("#   want: '%s'\n#   got:  '%s' %s\n", want, got_lg, err);
	mm_lg_free(g);
}

static int is_no_gather(const char *name, void *ctx)
{
	return !strcmp(name, ctx);
}

/* What both front ends ask of the catalogue besides events. */
/* What mm_param_guards() says at a lock in each of four blocks:
 * if (!held) lock; if (mode < 0) lock; if (mode >= 0) lock; held = x; lock. */
static void test_param_guards(void)
{
	enum { HELD = 100, MODE };
	struct mm_func fn;
	unsigned zero[8], nonzero[8];
	char got[128] = "";
	int b[5], i;

	mm_func_init(&fn, "release");
	mm_func_param(&fn, HELD);
	mm_func_param(&fn, MODE);
	for (i = 0; i < 5; i++)
		b[i] = mm_block_add(&fn);
	mm_edge_add(&fn, b[0], b[1], MM_COND_SUCCESS, HELD);		/* !held */
	mm_edge_add_test(&fn, b[0], b[2], MM_COND_FAILURE, MODE, 1);	/* mode < 0 */
	mm_edge_add_test(&fn, b[0], b[3], MM_COND_SUCCESS, MODE, 1);	/* mode >= 0 */
	mm_edge_add(&fn, b[1], b[4], MM_COND_NONE, 0);
	for (i = 1; i < 4; i++)
		ev(&fn, b[i], MM_EV_LOCK, "spin_lock", MM_NO_VALUE, MM_NO_VALUE, i);
	ev(&fn, b[4], MM_EV_ASSIGN, "=", HELD, MM_NO_VALUE, 4);
	ev(&fn, b[4], MM_EV_LOCK, "spin_lock", MM_NO_VALUE, MM_NO_VALUE, 5);
	mm_param_guards(&fn, zero, nonzero);
	for (i = 0; i < fn.nev; i++)
		snprintf(got + strlen(got), sizeof(got) - strlen(got), "%x/%x ", zero[i], nonzero[i]);
	ntest++;
	if (strcmp(got, "2/0 0/4 0/0 2/0 0/0 ")) {
		nfail++;
		printf("not ok %d - guards\n#   got: '%s'\n", ntest, got);
	} else {
		printf("ok %d - guards: equality and sign tests, an assignment forgets\n", ntest);
	}
	mm_func_free(&fn);
}

/* A call to a function of the unit, with its arguments. */
static void call(struct mm_func *fn, int b, const char *callee, int arg, int line)
{
	struct mm_event e = { .kind = MM_EV_CALL, .name = callee, .obj = -1, .result = -1,
			      .loc = { "test.c", line, 1 } };

	e.nargs = 1;
	e.args = mm_func_push_args(fn, &arg, 1);
	mm_event_add(fn, b, &e);
}

static void collect_incomplete(void *cookie, void *ctx)
{
	(void)ctx;
	strcat(got, "incomplete:");
	strcat(got, cookie);
	strcat(got, " ");
}

/* A unit: drop(p) removes p's rmap; loop() calls itself and drop(); self()
 * has a bug of its own; zap() clears, dirties PAGE and calls drop(PAGE),
 * loop(PAGE) and self() twice.  Findings: zap's at the call of drop()
 * (the one through loop() is at the same place once more: loop() counts
 * as drop() where it calls itself), self()'s once, where it is. */
static void test_unit(void)
{
	struct mm_unit *u = mm_unit_new();
	struct mm_func fn;
	const char *want = "mm-rmap-before-flush@23(2 notes) mm-rmap-before-flush@31(3 notes) "
			   "mm-rmap-before-flush@32(3 notes) ";
	int b;

	got[0] = '\0';
	mm_func_init(&fn, "zap");
	mm_block_add(&fn);
	ev(&fn, 0, MM_EV_PTE_CLEAR_DEFERRED, "ptep_get_and_clear_full", PTE, OLD, 30);
	ev(&fn, 0, MM_EV_PAGE_DIRTY, "set_page_dirty", PAGE, -1, 30);
	call(&fn, 0, "drop", PAGE, 31);
	call(&fn, 0, "loop", PAGE, 32);
	call(&fn, 0, "self", NEXT, 33);
	call(&fn, 0, "self", NEXT, 34);
	mm_unit_add(u, "zap", &fn, "zap");
	mm_func_free(&fn);
	mm_func_init(&fn, "drop");
	mm_block_add(&fn);
	mm_func_param(&fn, 100);
	ev(&fn, 0, MM_EV_RMAP_REMOVE, "page_remove_rmap", 100, -1, 10);
	mm_unit_add(u, "drop", &fn, "drop");
	mm_func_free(&fn);
	mm_func_init(&fn, "loop");	/* entry -> a loop of empty blocks, or the calls */
	mm_func_param(&fn, 200);
	mm_block_add(&fn);
	b = mm_block_add(&fn);
	mm_block_add(&fn);
	mm_block_add(&fn);
	mm_edge_add(&fn, 0, b, MM_COND_NONE, 0);
	mm_edge_add(&fn, 0, 3, MM_COND_NONE, 0);
	mm_edge_add(&fn, b, b + 1, MM_COND_NONE, 0);
	mm_edge_add(&fn, b + 1, b, MM_COND_NONE, 0);
	call(&fn, 3, "loop", 200, 15);
	call(&fn, 3, "drop", 200, 16);
	mm_unit_add(u, "loop", &fn, "loop");
	mm_func_free(&fn);
	mm_func_init(&fn, "self");
	mm_block_add(&fn);
	ev(&fn, 0, MM_EV_PTE_CLEAR_DEFERRED, "ptep_get_and_clear_full", PTE, OLD, 21);
	ev(&fn, 0, MM_EV_PAGE_DIRTY, "set_page_dirty", PAGE, -1, 22);
	ev(&fn, 0, MM_EV_RMAP_REMOVE, "page_remove_rmap", PAGE, -1, 23);
	mm_unit_add(u, "self", &fn, "self");
	mm_func_free(&fn);
	mm_unit_check(u, &cat, collect, NULL, collect_incomplete);
	mm_unit_free(u);
	ntest++;
	if (!strcmp(got, want)) {
		printf("ok %d - summaries: helpers applied at their calls, recursion cut, "
		       "a helper's own finding once\n", ntest);
	} else {
		nfail++;
		printf("not ok %d - summaries\n#   want: '%s'\n#   got:  '%s'\n", ntest, want, got);
	}
}

static void test_catalogue_questions(void)
{
	const char *irq[] = { "irqreturn_t" }, *tag[] = { "irqreturn" }, *other[] = { "int" };
	char why[64];

	ok(mm_cat_prefix(&cat, "abort_label", "out_abort") &&
	   !mm_cat_prefix(&cat, "abort_label", "again"), "catalogue: abort labels by prefix");
	ok(!strcmp(mm_cat_first(&cat, "rmap_delay"), "tlb_delay_rmap"),
	   "catalogue: the name a macro delay is reported by");
	ok(mm_cat_any(&cat, "no_deferred_flush", is_no_gather, "CONFIG_MMU_GATHER_NO_GATHER") &&
	   !mm_cat_any(&cat, "no_deferred_flush", is_no_gather, "CONFIG_SMP"),
	   "catalogue: configurations that never defer the flush");
	ok(!strcmp(mm_cat_callback_context(&cat, irq, 1, NULL, why, sizeof(why)), "hardirq") &&
	   !strcmp(mm_cat_callback_context(&cat, tag, 1, NULL, why, sizeof(why)), "hardirq") &&
	   !strcmp(mm_cat_callback_context(&cat, other, 1, "rcu_head", why, sizeof(why)),
		   "softirq") && !strcmp(why, "takes a struct rcu_head *") &&
	   !mm_cat_callback_context(&cat, other, 1, "page", why, sizeof(why)),
	   "catalogue: callbacks by their signature");
}

/* Run from core/ with the catalogue at ../catalogue: a program one and
 * two directories below the top finds it; one nowhere is told where the
 * first place looked was. */
static void test_catalogue_beside(const char *catalogue)
{
	char *want = realpath(catalogue, NULL), buf[4096];
	int one, two, none;

	one = want && !strcmp(mm_cat_beside("test_core", buf, sizeof(buf)), want);
	two = want && !strcmp(mm_cat_beside("../semantic-patches/locks/lock_bh_mixed.cocci",
					    buf, sizeof(buf)), want);
	none = !strcmp(mm_cat_beside("/nonexistent/gcc-plugin/gcc-11/mmcheck.so", buf,
				     sizeof(buf)), "/nonexistent/gcc-plugin/catalogue/mm-api.tsv");
	ok(one && two && none, "catalogue: found above the program's directory, as installed");
	free(want);
}

int main(int argc, char **argv)
{
	char err[256];

	if (argc != 2 || mm_cat_load(&cat, argv[1], err, sizeof(err))) {
		fprintf(stderr, "test_core: %s\n", argc == 2 ? err : "usage: test_core CATALOGUE");
		return 2;
	}
	printf("TAP version 13\n");
	test_catalogue(argv[1]);
	test_zap_loop(0, 0, "mm-rmap-before-flush@14(2 notes) ", "rmap: 6.1 zap loop, removal before the flush");
	test_zap_loop(1, 0, "", "rmap: flush between dirtying and removal");
	test_zap_loop(0, 1, "mm-delay-rmap-anon@13(1 notes) ",
		      "rmap: removal delayed with tlb_delay_rmap(), but with no anon test");
	zap_loop(0, 0, COMPACTED, "mm-rmap-before-flush@14(2 notes) ",
		 "ir: a function packed in place is checked as built");
	zap_loop(0, 1, COPIED, "mm-delay-rmap-anon@13(1 notes) ",
		 "ir: a packed copy is checked as its original");
	test_rmap_other_page();
	test_rmap_folio_locked();
	test_undo("arch_unmap_one", NULL, 1, "mm-undo-missing@16(1 notes) ",
		  "undo: abort after arch_unmap_one() succeeded");
	test_undo("arch_unmap_one", "arch_remap_one", 1, "", "undo: arch_remap_one() before the abort");
	test_undo("arch_unmap_one", "swap_free", 1, "mm-undo-missing@16(1 notes) ",
		  "undo: swap_free() does not undo arch_unmap_one()");
	test_undo("swap_duplicate", "swap_free_nr", 1, "", "undo: swap_free_nr() undoes swap_duplicate()");
	test_undo("swap_duplicate", NULL, 0, "mm-undo-missing@12(1 notes) mm-undo-missing@16(1 notes) ",
		  "undo: an unchecked do counts as succeeded");
	test_undo_failure_return(MM_RET_ERRNO, "mm-undo-missing@14(1 notes) ",
				 "undo: a failure returned through a variable; a store hands on");
	test_undo_failure_return(MM_RET_OTHER, "",
				 "undo: a negative value is no failure of an unsigned result");
	test_undo_next_iteration();
	test_undo_copy_and_kill();
	test_bh_state();
	test_bh_later_enable(1, "10:off 11:off ",
			     "bh: a later spin_unlock_bh() on every path: a callee disabled BH");
	test_bh_later_enable(0, "10:on 11:on ",
			     "bh: an unlock_bh() on one path only proves nothing");
	test_facts();
	test_callee_effects(1, 2, "bh-off", "facts: a lock taken between lock and unlock helpers");
	test_callee_effects(1, 1, "bh-off", "facts: a lock taken before an unlock helper");
	test_callee_effects(0, 2, "bh-off", "facts: a lock taken after a lock helper");
	test_callee_effects(0, 1, "bh-on", "facts: a call to an unknown function changes nothing");
	test_result_effect(1, "bh-off", "facts: a nonzero result says its callee took an IRQ lock");
	test_result_effect(0, "bh-on", "facts: a result returned unlocked says nothing");
	test_lockgraph_entry_bh("bh-on", "mm-lock-softirq-unsafe@20 ",
				"lockgraph: a lock taken in a function called with BH enabled");
	test_lockgraph_lockarg();
	test_lockgraph_entry_bh("bh-off", "",
				"lockgraph: every caller disabled BH, the callee's plain lock is safe");
	test_catalogue_questions();
	test_param_guards();
	test_unit();
	test_catalogue_beside(argv[1]);
	printf("1..%d\n", ntest);
	printf("core: %d passed, %d failed\n", ntest - nfail, nfail);
	mm_cat_free(&cat);
	return nfail ? 1 : 0;
}
