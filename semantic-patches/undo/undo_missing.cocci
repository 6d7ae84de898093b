// SPDX-License-Identifier: GPL-2.0-only
// GENERATED from semantic-patches/undo/undo_missing.cocci.in by tools/gen-cocci: edit the template and catalogue/mm-api.tsv
/// Find an abort path that does not undo a call which succeeded before it.
/// After arch_unmap_one() succeeds in try_to_unmap_one() and
/// try_to_migrate_one(), a later abort re-installs the original PTE but
/// never undoes what arch_unmap_one() saved (David Hildenbrand and Khalid
/// Aziz, "mm/rmap: fix missing swap_free() in try_to_unmap() after
/// arch_unmap_one() failed", 2022; the proposed undo is arch_remap_one()).
/// The same holds for swap_duplicate() and its swap_free().
///
//# An abort is: re-installing the PTE value that an earlier clear returned,
//# a goto to a label named like abort/err/fail/undo/restore, or a return of
//# a failure value (-ENOMEM, false, NULL).
//# The do/undo pairs and label prefixes come from the mmcheck catalogue; one
//# rule per pair below.  Another clear, or another "do", ends the search (a
//# loop's next iteration); so does storing a new PTE value before a failure
//# return (the swap entry now lives in the page table: handed on).  A
//# failure value returned through a variable counts too (ret = false; ...;
//# return ret;, or int err = -ENOMEM; before the "do").
//
// Confidence: Moderate
// Copyright: (C) 2026 The mmcheck authors.
// URL: see docs/rules.md#mm-undo-missing
// Comments: rule mm-undo-missing
// Options: --no-includes --include-headers
// Summaries: pte_restore undo

virtual context
virtual org
virtual report
virtual mmcheck
virtual summaries

// ---- mmcheck output helper, pasted into every rule by tools/gen-cocci so
// each .cocci stays self-contained.
@initialize:python@
@@
# One print() per finding keeps a warning and its notes together under --jobs.
mm_seen = set()
mm_func_lines = False
mm_mode = "report"

def mm_where(p):
    """(file, line, col, colend, function) of a position list or such a tuple."""
    if not hasattr(p[0], "file"):
        return p
    q = p[0]
    return (q.file, q.line, q.column, q.column_end, q.current_element)

def mm_line(w, text, rule):
    return "%s:%s:%s-%s: %s [%s]" % (w[0], w[1], w[2], w[3], text, rule)

def mm_emit(rule, p, msg, notes=()):
    """p: where (a position list or an mm_where() tuple); notes: [(where, text)]."""
    w = mm_where(p)
    key = (rule,) + tuple(w[:3])
    if key in mm_seen:
        return
    mm_seen.add(key)
    if mm_mode == "org":
        print("* TODO [[view:%s::face=ovl-face1::linb=%s::colb=%s::cole=%s][%s [%s]]]"
              % (w[0], w[1], w[2], w[3], msg, rule))
        for n, text in notes:
            n = mm_where(n)
            print("[[view:%s::face=ovl-face2::linb=%s::colb=%s::cole=%s][%s]]"
                  % (n[0], n[1], n[2], n[3], text))
        return
    out = [mm_line(w, "WARNING: " + msg, rule)]
    if mm_func_lines:
        out.append(mm_line(w, "function: " + w[4], rule))
    out += [mm_line(mm_where(n), "note: " + text, rule) for n, text in notes]
    print("\n".join(out))

# Summaries: what a function of one file does for the calls of another.
# With -D summaries a rule prints each such helper; the driver gathers them
# from the files of the run and hands them back in MMCHECK_SUMMARIES_IN.
def mm_summary(kind, name, p, **keys):
    import json
    print("MMCHECK-SUMMARY " + json.dumps(dict(keys, kind=kind, name=name, where=mm_where(p))))

def mm_load_summaries():
    import json, os
    path = os.environ.get("MMCHECK_SUMMARIES_IN")
    if not path:
        return []
    with open(path) as f:
        return json.load(f)

mm_helpers = mm_load_summaries()

def mm_summaries(kind, **keys):
    """{name: where its body is} of the helpers of that kind (and keys)."""
    return {r["name"]: tuple(r["where"]) for r in mm_helpers
            if r["kind"] == kind and all(r.get(k) == v for k, v in keys.items())}

@initialize:python depends on mmcheck@
@@
mm_func_lines = True

@initialize:python depends on org@
@@
mm_mode = "org"

@initialize:python@
@@
import re

mm_rs = re.compile("^(set_huge_pte_at|set_pmd_at|set_pte_at|set_ptes)$")
# Helpers of other files, as the driver found them with -D summaries: those
# that put back the PTE value of their 4th parameter, and those that call
# an undo of a pair (and so are that undo for their callers).
mm_rs_helpers = mm_summaries("pte_restore")
mm_undo_helpers = {d: mm_summaries("undo", pair=d) for d in ['arch_unmap_one', 'folio_dup_swap', 'swap_duplicate']}

def mm_restores(rs):
    return bool(mm_rs.match(rs)) or rs in mm_rs_helpers

def mm_undoes(u, do, undos):
    return bool(re.match(undos, u)) or u in mm_undo_helpers[do]

def mm_undo(d, pd, pa, undos, rs=""):
    names = ", ".join(n + "()" for n in undos.strip("^$()").split("|"))
    notes = [(pd, "%s() succeeded here; the abort needs %s" % (d, names))]
    if rs in mm_rs_helpers and not mm_rs.match(rs):
        notes.append((mm_rs_helpers[rs], "%s() puts back the PTE value it is given" % rs))
    mm_emit("mm-undo-missing", pa, "abort path after %s() succeeded does not undo it" % d, notes)

def mm_failure(value):
    """Is a returned expression, as written, a failure value?"""
    v = value.strip()
    return v.startswith("-") or v in ("false", "NULL")

// Summaries mode: a function whose 4th parameter is stored back as a PTE
// value, for the calls of other files (restore_pte(mm, addr, ptep, orig)).
@restore_helper depends on summaries@
identifier h, p;
identifier rs =~ "^(set_huge_pte_at|set_pmd_at|set_pte_at|set_ptes)$";
parameter list[3] ps;
type T;
expression E1, E2, E3;
position ph;
@@

h@ph(ps, T p, ...) { <+... rs(E1, E2, E3, p, ...) ...+> }

@script:python depends on summaries@
h << restore_helper.h;
ph << restore_helper.ph;
@@
mm_summary("pte_restore", h, ph)

// Summaries mode: a function that calls an undo of arch_unmap_one() is one.
@undo_helper0 depends on summaries@
identifier h;
identifier u =~ "^(arch_remap_one)$";
position ph;
@@

h@ph(...) { <+... u(...) ...+> }

@script:python depends on summaries@
h << undo_helper0.h;
ph << undo_helper0.ph;
@@
mm_summary("undo", h, ph, pair="arch_unmap_one")

// ---- arch_unmap_one() must be undone by one of ^(arch_remap_one)$
// Success tested on the call itself: if (arch_unmap_one(...) < 0) fail; or not
// tested at all: arch_unmap_one(...); assumes it succeeded.
@restore0 exists@
iterator name scoped_cond_guard, scoped_guard;  // parse scoped_guard() { } (catalogue)
identifier d =~ "^arch_unmap_one$";
identifier u : script:python() { mm_undoes(u, "arch_unmap_one", "^(arch_remap_one)$") };
identifier clr =~ "^(clear_full_ptes|get_and_clear_full_ptes|get_and_clear_ptes|huge_ptep_clear_flush|huge_ptep_get_and_clear|pmdp_huge_clear_flush|pmdp_huge_clear_flush_notify|pmdp_huge_get_and_clear|pmdp_huge_get_and_clear_full|pmdp_invalidate|ptep_clear|ptep_clear_flush|ptep_clear_flush_notify|ptep_get_and_clear|ptep_get_and_clear_full|pudp_huge_clear_flush|pudp_huge_get_and_clear_full)$";
identifier rs : script:python() { mm_restores(rs) };
identifier l =~ "^(abort|bail|err|fail|out_abort|out_err|out_fail|restore|undo)";
identifier V;
type T;
expression E2, E3, E4, E5, E6;
statement S;
position pd, pa;
@@

(
V = clr(...);
|
T V = clr(...);
)
...
(
if (d@pd(...) < 0) S
|
if (d@pd(...)) S
|
d@pd(...);
)
... when != u(...)
    when != d(...)
    when != clr(...)
    when != E2 = clr(...)
    when != V = E3
(
* rs@pa(E4, E5, E6, V, ...);
|
* goto@pa l;
)

// Success tested through a variable: err = arch_unmap_one(...); if (err) fail;
@restorev0 exists@
identifier d =~ "^arch_unmap_one$";
identifier u : script:python() { mm_undoes(u, "arch_unmap_one", "^(arch_remap_one)$") };
identifier clr =~ "^(clear_full_ptes|get_and_clear_full_ptes|get_and_clear_ptes|huge_ptep_clear_flush|huge_ptep_get_and_clear|pmdp_huge_clear_flush|pmdp_huge_clear_flush_notify|pmdp_huge_get_and_clear|pmdp_huge_get_and_clear_full|pmdp_invalidate|ptep_clear|ptep_clear_flush|ptep_clear_flush_notify|ptep_get_and_clear|ptep_get_and_clear_full|pudp_huge_clear_flush|pudp_huge_get_and_clear_full)$";
identifier rs : script:python() { mm_restores(rs) };
identifier l =~ "^(abort|bail|err|fail|out_abort|out_err|out_fail|restore|undo)";
identifier V;
type T;
expression ret, E, E2, E3, E4, E5, E6;
statement S;
position pd, pa;
@@

(
V = clr(...);
|
T V = clr(...);
)
...
ret = d@pd(...);
... when != ret = E
if (\(ret\|ret < 0\|ret != 0\)) S
... when != u(...)
    when != d(...)
    when != clr(...)
    when != E2 = clr(...)
    when != V = E3
(
* rs@pa(E4, E5, E6, V, ...);
|
* goto@pa l;
)

// A failure returned after success: return -ENOMEM; return false; return NULL;
@return0 exists@
identifier d =~ "^arch_unmap_one$";
identifier u : script:python() { mm_undoes(u, "arch_unmap_one", "^(arch_remap_one)$") };
identifier rs : script:python() { mm_restores(rs) };
expression F;
statement S;
position pd, pa;
@@

(
if (d@pd(...) < 0) S
|
if (d@pd(...)) S
|
d@pd(...);
)
... when != u(...)
    when != d(...)
    when != rs(...)
* return F@pa;

@script:python depends on org || report@
d << return0.d;
F << return0.F;
pd << return0.pd;
pa << return0.pa;
@@
if mm_failure(F):
    mm_undo(d, pd, pa, "^(arch_remap_one)$")

// ... or through a variable set after it: ret = false; goto out; ... return ret;
@returnv0 exists@
identifier d =~ "^arch_unmap_one$";
identifier u : script:python() { mm_undoes(u, "arch_unmap_one", "^(arch_remap_one)$") };
identifier rs : script:python() { mm_restores(rs) };
identifier V;
expression F, E;
statement S;
position pd, pa;
@@

(
if (d@pd(...) < 0) S
|
if (d@pd(...)) S
|
d@pd(...);
)
... when != u(...)
    when != d(...)
    when != rs(...)
V = F;
... when != V = E
    when != u(...)
    when != d(...)
    when != rs(...)
* return V@pa;

@script:python depends on org || report@
d << returnv0.d;
F << returnv0.F;
pd << returnv0.pd;
pa << returnv0.pa;
@@
if mm_failure(F):
    mm_undo(d, pd, pa, "^(arch_remap_one)$")

// ... or through a variable set before it: int err = -ENOMEM; ... return err;
@returnb0 exists@
identifier d =~ "^arch_unmap_one$";
identifier u : script:python() { mm_undoes(u, "arch_unmap_one", "^(arch_remap_one)$") };
identifier rs : script:python() { mm_restores(rs) };
identifier V;
type T;
expression F, E;
statement S;
position pd, pa;
@@

(
V = F;
|
T V = F;
)
... when != V = E
(
if (d@pd(...) < 0) S
|
if (d@pd(...)) S
|
d@pd(...);
)
... when != V = E
    when != u(...)
    when != d(...)
    when != rs(...)
* return V@pa;

@script:python depends on org || report@
d << returnb0.d;
F << returnb0.F;
pd << returnb0.pd;
pa << returnb0.pa;
@@
if mm_failure(F):
    mm_undo(d, pd, pa, "^(arch_remap_one)$")

@script:python depends on org || report@
d << restore0.d;
pd << restore0.pd;
pa << restore0.pa;
rs << restore0.rs = "";
@@
mm_undo(d, pd, pa, "^(arch_remap_one)$", rs)

@script:python depends on org || report@
d << restorev0.d;
pd << restorev0.pd;
pa << restorev0.pa;
rs << restorev0.rs = "";
@@
mm_undo(d, pd, pa, "^(arch_remap_one)$", rs)

// Summaries mode: a function that calls an undo of swap_duplicate() is one.
@undo_helper1 depends on summaries@
identifier h;
identifier u =~ "^(folio_put_swap|swap_free|swap_free_nr)$";
position ph;
@@

h@ph(...) { <+... u(...) ...+> }

@script:python depends on summaries@
h << undo_helper1.h;
ph << undo_helper1.ph;
@@
mm_summary("undo", h, ph, pair="swap_duplicate")

// ---- swap_duplicate() must be undone by one of ^(folio_put_swap|swap_free|swap_free_nr)$
// Success tested on the call itself: if (swap_duplicate(...) < 0) fail; or not
// tested at all: swap_duplicate(...); assumes it succeeded.
@restore1 exists@
iterator name scoped_cond_guard, scoped_guard;  // parse scoped_guard() { } (catalogue)
identifier d =~ "^swap_duplicate$";
identifier u : script:python() { mm_undoes(u, "swap_duplicate", "^(folio_put_swap|swap_free|swap_free_nr)$") };
identifier clr =~ "^(clear_full_ptes|get_and_clear_full_ptes|get_and_clear_ptes|huge_ptep_clear_flush|huge_ptep_get_and_clear|pmdp_huge_clear_flush|pmdp_huge_clear_flush_notify|pmdp_huge_get_and_clear|pmdp_huge_get_and_clear_full|pmdp_invalidate|ptep_clear|ptep_clear_flush|ptep_clear_flush_notify|ptep_get_and_clear|ptep_get_and_clear_full|pudp_huge_clear_flush|pudp_huge_get_and_clear_full)$";
identifier rs : script:python() { mm_restores(rs) };
identifier l =~ "^(abort|bail|err|fail|out_abort|out_err|out_fail|restore|undo)";
identifier V;
type T;
expression E2, E3, E4, E5, E6;
statement S;
position pd, pa;
@@

(
V = clr(...);
|
T V = clr(...);
)
...
(
if (d@pd(...) < 0) S
|
if (d@pd(...)) S
|
d@pd(...);
)
... when != u(...)
    when != d(...)
    when != clr(...)
    when != E2 = clr(...)
    when != V = E3
(
* rs@pa(E4, E5, E6, V, ...);
|
* goto@pa l;
)

// Success tested through a variable: err = swap_duplicate(...); if (err) fail;
@restorev1 exists@
identifier d =~ "^swap_duplicate$";
identifier u : script:python() { mm_undoes(u, "swap_duplicate", "^(folio_put_swap|swap_free|swap_free_nr)$") };
identifier clr =~ "^(clear_full_ptes|get_and_clear_full_ptes|get_and_clear_ptes|huge_ptep_clear_flush|huge_ptep_get_and_clear|pmdp_huge_clear_flush|pmdp_huge_clear_flush_notify|pmdp_huge_get_and_clear|pmdp_huge_get_and_clear_full|pmdp_invalidate|ptep_clear|ptep_clear_flush|ptep_clear_flush_notify|ptep_get_and_clear|ptep_get_and_clear_full|pudp_huge_clear_flush|pudp_huge_get_and_clear_full)$";
identifier rs : script:python() { mm_restores(rs) };
identifier l =~ "^(abort|bail|err|fail|out_abort|out_err|out_fail|restore|undo)";
identifier V;
type T;
expression ret, E, E2, E3, E4, E5, E6;
statement S;
position pd, pa;
@@

(
V = clr(...);
|
T V = clr(...);
)
...
ret = d@pd(...);
... when != ret = E
if (\(ret\|ret < 0\|ret != 0\)) S
... when != u(...)
    when != d(...)
    when != clr(...)
    when != E2 = clr(...)
    when != V = E3
(
* rs@pa(E4, E5, E6, V, ...);
|
* goto@pa l;
)

// A failure returned after success: return -ENOMEM; return false; return NULL;
@return1 exists@
identifier d =~ "^swap_duplicate$";
identifier u : script:python() { mm_undoes(u, "swap_duplicate", "^(folio_put_swap|swap_free|swap_free_nr)$") };
identifier rs : script:python() { mm_restores(rs) };
expression F;
statement S;
position pd, pa;
@@

(
if (d@pd(...) < 0) S
|
if (d@pd(...)) S
|
d@pd(...);
)
... when != u(...)
    when != d(...)
    when != rs(...)
* return F@pa;

@script:python depends on org || report@
d << return1.d;
F << return1.F;
pd << return1.pd;
pa << return1.pa;
@@
if mm_failure(F):
    mm_undo(d, pd, pa, "^(folio_put_swap|swap_free|swap_free_nr)$")

// ... or through a variable set after it: ret = false; goto out; ... return ret;
@returnv1 exists@
identifier d =~ "^swap_duplicate$";
identifier u : script:python() { mm_undoes(u, "swap_duplicate", "^(folio_put_swap|swap_free|swap_free_nr)$") };
identifier rs : script:python() { mm_restores(rs) };
identifier V;
expression F, E;
statement S;
position pd, pa;
@@

(
if (d@pd(...) < 0) S
|
if (d@pd(...)) S
|
d@pd(...);
)
... when != u(...)
    when != d(...)
    when != rs(...)
V = F;
... when != V = E
    when != u(...)
    when != d(...)
    when != rs(...)
* return V@pa;

@script:python depends on org || report@
d << returnv1.d;
F << returnv1.F;
pd << returnv1.pd;
pa << returnv1.pa;
@@
if mm_failure(F):
    mm_undo(d, pd, pa, "^(folio_put_swap|swap_free|swap_free_nr)$")

// ... or through a variable set before it: int err = -ENOMEM; ... return err;
@returnb1 exists@
identifier d =~ "^swap_duplicate$";
identifier u : script:python() { mm_undoes(u, "swap_duplicate", "^(folio_put_swap|swap_free|swap_free_nr)$") };
identifier rs : script:python() { mm_restores(rs) };
identifier V;
type T;
expression F, E;
statement S;
position pd, pa;
@@

(
V = F;
|
T V = F;
)
... when != V = E
(
if (d@pd(...) < 0) S
|
if (d@pd(...)) S
|
d@pd(...);
)
... when != V = E
    when != u(...)
    when != d(...)
    when != rs(...)
* return V@pa;

@script:python depends on org || report@
d << returnb1.d;
F << returnb1.F;
pd << returnb1.pd;
pa << returnb1.pa;
@@
if mm_failure(F):
    mm_undo(d, pd, pa, "^(folio_put_swap|swap_free|swap_free_nr)$")

@script:python depends on org || report@
d << restore1.d;
pd << restore1.pd;
pa << restore1.pa;
rs << restore1.rs = "";
@@
mm_undo(d, pd, pa, "^(folio_put_swap|swap_free|swap_free_nr)$", rs)

@script:python depends on org || report@
d << restorev1.d;
pd << restorev1.pd;
pa << restorev1.pa;
rs << restorev1.rs = "";
@@
mm_undo(d, pd, pa, "^(folio_put_swap|swap_free|swap_free_nr)$", rs)

// Summaries mode: a function that calls an undo of folio_dup_swap() is one.
@undo_helper2 depends on summaries@
identifier h;
identifier u =~ "^(folio_put_swap)$";
position ph;
@@

h@ph(...) { <+... u(...) ...+> }

@script:python depends on summaries@
h << undo_helper2.h;
ph << undo_helper2.ph;
@@
mm_summary("undo", h, ph, pair="folio_dup_swap")

// ---- folio_dup_swap() must be undone by one of ^(folio_put_swap)$
// Success tested on the call itself: if (folio_dup_swap(...) < 0) fail; or not
// tested at all: folio_dup_swap(...); assumes it succeeded.
@restore2 exists@
iterator name scoped_cond_guard, scoped_guard;  // parse scoped_guard() { } (catalogue)
identifier d =~ "^folio_dup_swap$";
identifier u : script:python() { mm_undoes(u, "folio_dup_swap", "^(folio_put_swap)$") };
identifier clr =~ "^(clear_full_ptes|get_and_clear_full_ptes|get_and_clear_ptes|huge_ptep_clear_flush|huge_ptep_get_and_clear|pmdp_huge_clear_flush|pmdp_huge_clear_flush_notify|pmdp_huge_get_and_clear|pmdp_huge_get_and_clear_full|pmdp_invalidate|ptep_clear|ptep_clear_flush|ptep_clear_flush_notify|ptep_get_and_clear|ptep_get_and_clear_full|pudp_huge_clear_flush|pudp_huge_get_and_clear_full)$";
identifier rs : script:python() { mm_restores(rs) };
identifier l =~ "^(abort|bail|err|fail|out_abort|out_err|out_fail|restore|undo)";
identifier V;
type T;
expression E2, E3, E4, E5, E6;
statement S;
position pd, pa;
@@

(
V = clr(...);
|
T V = clr(...);
)
...
(
if (d@pd(...) < 0) S
|
if (d@pd(...)) S
|
d@pd(...);
)
... when != u(...)
    when != d(...)
    when != clr(...)
    when != E2 = clr(...)
    when != V = E3
(
* rs@pa(E4, E5, E6, V, ...);
|
* goto@pa l;
)

// Success tested through a variable: err = folio_dup_swap(...); if (err) fail;
@restorev2 exists@
identifier d =~ "^folio_dup_swap$";
identifier u : script:python() { mm_undoes(u, "folio_dup_swap", "^(folio_put_swap)$") };
identifier clr =~ "^(clear_full_ptes|get_and_clear_full_ptes|get_and_clear_ptes|huge_ptep_clear_flush|huge_ptep_get_and_clear|pmdp_huge_clear_flush|pmdp_huge_clear_flush_notify|pmdp_huge_get_and_clear|pmdp_huge_get_and_clear_full|pmdp_invalidate|ptep_clear|ptep_clear_flush|ptep_clear_flush_notify|ptep_get_and_clear|ptep_get_and_clear_full|pudp_huge_clear_flush|pudp_huge_get_and_clear_full)$";
identifier rs : script:python() { mm_restores(rs) };
identifier l =~ "^(abort|bail|err|fail|out_abort|out_err|out_fail|restore|undo)";
identifier V;
type T;
expression ret, E, E2, E3, E4, E5, E6;
statement S;
position pd, pa;
@@

(
V = clr(...);
|
T V = clr(...);
)
...
ret = d@pd(...);
... when != ret = E
if (\(ret\|ret < 0\|ret != 0\)) S
... when != u(...)
    when != d(...)
    when != clr(...)
    when != E2 = clr(...)
    when != V = E3
(
* rs@pa(E4, E5, E6, V, ...);
|
* goto@pa l;
)

// A failure returned after success: return -ENOMEM; return false; return NULL;
@return2 exists@
identifier d =~ "^folio_dup_swap$";
identifier u : script:python() { mm_undoes(u, "folio_dup_swap", "^(folio_put_swap)$") };
identifier rs : script:python() { mm_restores(rs) };
expression F;
statement S;
position pd, pa;
@@

(
if (d@pd(...) < 0) S
|
if (d@pd(...)) S
|
d@pd(...);
)
... when != u(...)
    when != d(...)
    when != rs(...)
* return F@pa;

@script:python depends on org || report@
d << return2.d;
F << return2.F;
pd << return2.pd;
pa << return2.pa;
@@
if mm_failure(F):
    mm_undo(d, pd, pa, "^(folio_put_swap)$")

// ... or through a variable set after it: ret = false; goto out; ... return ret;
@returnv2 exists@
identifier d =~ "^folio_dup_swap$";
identifier u : script:python() { mm_undoes(u, "folio_dup_swap", "^(folio_put_swap)$") };
identifier rs : script:python() { mm_restores(rs) };
identifier V;
expression F, E;
statement S;
position pd, pa;
@@

(
if (d@pd(...) < 0) S
|
if (d@pd(...)) S
|
d@pd(...);
)
... when != u(...)
    when != d(...)
    when != rs(...)
V = F;
... when != V = E
    when != u(...)
    when != d(...)
    when != rs(...)
* return V@pa;

@script:python depends on org || report@
d << returnv2.d;
F << returnv2.F;
pd << returnv2.pd;
pa << returnv2.pa;
@@
if mm_failure(F):
    mm_undo(d, pd, pa, "^(folio_put_swap)$")

// ... or through a variable set before it: int err = -ENOMEM; ... return err;
@returnb2 exists@
identifier d =~ "^folio_dup_swap$";
identifier u : script:python() { mm_undoes(u, "folio_dup_swap", "^(folio_put_swap)$") };
identifier rs : script:python() { mm_restores(rs) };
identifier V;
type T;
expression F, E;
statement S;
position pd, pa;
@@

(
V = F;
|
T V = F;
)
... when != V = E
(
if (d@pd(...) < 0) S
|
if (d@pd(...)) S
|
d@pd(...);
)
... when != V = E
    when != u(...)
    when != d(...)
    when != rs(...)
* return V@pa;

@script:python depends on org || report@
d << returnb2.d;
F << returnb2.F;
pd << returnb2.pd;
pa << returnb2.pa;
@@
if mm_failure(F):
    mm_undo(d, pd, pa, "^(folio_put_swap)$")

@script:python depends on org || report@
d << restore2.d;
pd << restore2.pd;
pa << restore2.pa;
rs << restore2.rs = "";
@@
mm_undo(d, pd, pa, "^(folio_put_swap)$", rs)

@script:python depends on org || report@
d << restorev2.d;
pd << restorev2.pd;
pa << restorev2.pa;
rs << restorev2.rs = "";
@@
mm_undo(d, pd, pa, "^(folio_put_swap)$", rs)

