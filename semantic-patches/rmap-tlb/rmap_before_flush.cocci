// SPDX-License-Identifier: GPL-2.0-only
// GENERATED from semantic-patches/rmap-tlb/rmap_before_flush.cocci.in by tools/gen-cocci: edit the template and catalogue/mm-api.tsv
/// Find a dirty file page whose rmap is removed after its PTE was cleared
/// with the TLB flush deferred, but before that flush.  While the stale TLB
/// entry lives, another CPU can still write through it; folio_mkclean() no
/// longer sees the mapping, cleans the page, and the new data is lost.
/// Delay the removal with tlb_delay_rmap() and do it in tlb_flush_rmaps()
/// after the flush, as commit 5df397dec7 did for zap_pte_range().
///
//# The clear and the dirtying must be in one function; the removal may be
//# too, or in a helper the same file defines that removes the rmap of one
//# of its parameters (one level: a helper's helper is not followed).  Run
//# through mmcheck, a helper of another file of the run that removes the
//# rmap of its first parameter counts too (the summaries mode below); run
//# alone or by make coccicheck, one file is read at a time.  A flush inside
//# a called helper is not seen.
//# Paths are not value-sensitive, but the rule needs the page to be marked
//# dirty on the path, which keeps clean and anonymous pages out.
//
// Confidence: High
// Copyright: (C) 2026 The mmcheck authors.
// URL: see docs/rules.md#mm-rmap-before-flush
// Comments: rule mm-rmap-before-flush
// Options: --no-includes --include-headers
// Summaries: rmap_remove

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

MMCHECK_DELAY_FIELDS = ['delayed_rmap']
mm_delay_macros = set()
mm_rm = re.compile("^(folio_remove_rmap_pmd|folio_remove_rmap_pte|folio_remove_rmap_ptes|folio_remove_rmap_pud|hugetlb_remove_rmap|page_remove_rmap|page_zap_pte_rmap)$")
# Helpers of other files that remove the rmap of their first parameter,
# as the driver found them with -D summaries: {name: file of the body}.
mm_rm_helpers = mm_summaries("rmap_remove")

// A macro of the file that stores to the rmap delay member delays like the
// catalogue's rmap_delay functions (#define tlb_delay_rmap(tlb)
// (((tlb)->delayed_rmap = 1), true), as 6.12 x86 builds it): dm in r and
// rh.  Known by name from then on in the run, as a catalogue name is.
@delay_macro@
identifier M, t1, t2, t3;
expression E;
@@

(
#define M(t1) E
|
#define M(t1, t2) E
|
#define M(t1, t2, t3) E
)

@script:python@
M << delay_macro.M;
E << delay_macro.E;
@@
# A store of 0 resets the flag (tlb_flush_rmaps()): no delay.
if any(re.search(r"(->|\.)\s*%s\s*=(?!=)(?!\s*(0|false)\b)" % f, E)
       for f in MMCHECK_DELAY_FIELDS):
    mm_delay_macros.add(M)

// The clear that defers the flush, the dirtying of the page, and the rmap
// removal of the same page, with no flush, reclaim-batch deferral or rmap
// delay in between.  'exists': one such path is a bug.
@r exists@
iterator name scoped_cond_guard, scoped_guard;  // parse scoped_guard() { } (catalogue)
identifier clr =~ "^(clear_full_ptes|get_and_clear_full_ptes|get_and_clear_ptes|pmdp_huge_get_and_clear|pmdp_huge_get_and_clear_full|ptep_clear|ptep_get_and_clear|ptep_get_and_clear_full|pudp_huge_get_and_clear_full)$";
identifier dirty =~ "^(SetPageDirty|folio_mark_dirty|folio_mark_dirty_lock|folio_set_dirty|set_page_dirty|set_page_dirty_lock)$";
identifier rm : script:python() { bool(mm_rm.match(rm)) or rm in mm_rm_helpers };
identifier fl =~ "^(flush_tlb_all|flush_tlb_mm|flush_tlb_mm_range|flush_tlb_page|flush_tlb_range|huge_ptep_clear_flush|pmdp_huge_clear_flush|pmdp_huge_clear_flush_notify|pmdp_invalidate|ptep_clear_flush|ptep_clear_flush_notify|pudp_huge_clear_flush|set_tlb_ubc_flush_pending|tlb_delay_rmap|tlb_finish_mmu|tlb_flush_mmu|tlb_flush_mmu_tlbonly|try_to_unmap_flush|try_to_unmap_flush_dirty)$";
identifier dm : script:python() { dm in mm_delay_macros };
identifier conv =~ "^(folio_page|page_folio|spinlock_check)$";
expression P, E;
position pc, pd, pr;
@@

clr@pc(...)
... when != fl(...)
    when != dm(...)
dirty@pd(P, ...)
... when != fl(...)
    when != dm(...)
    when != P = E
* rm@pr(\(P\|conv(P)\|&P->page\), ...)

// A folio kept locked across the clear and the removal cannot meet
// folio_mkclean(), whose callers hold the folio lock (a reclaim-style path).
@locked exists@
identifier lk =~ "^(folio_lock|folio_trylock|lock_page|trylock_page)$";
identifier ul =~ "^(folio_unlock|unlock_page)$";
identifier conv =~ "^(folio_page|page_folio|spinlock_check)$";
identifier r.clr;
expression r.P;
position r.pc;
@@

lk(\(P\|conv(P)\|&P->page\))
... when != ul(\(P\|conv(P)\|&P->page\))
clr@pc(...)

// The clear and the dirtying on opposite sides of two tests of one value
// (7.2 set_pmd_migration_entry(): the unflushed clear only when the entry
// is not present, the dirtying only when it is): no path meets both.
// Coccinelle relates no values; this is the one shape it is told.
@correlated exists@
identifier V;
identifier r.clr, r.dirty;
position r.pc, r.pd;
identifier hint =~ "^(likely|unlikely)$";
statement S1;
expression E, E2;
@@

(
if (\(V\|hint(V)\)) S1 else { <+... clr@pc(...) ...+> }
|
if (\(!V\|hint(!V)\)) { <+... clr@pc(...) ...+> } else S1
|
if (\(!V\|hint(!V)\)) { <+... clr@pc(...) ...+> }
)
... when != V = E
if (\(V\|hint(V)\|V && E2\)) { <+... dirty@pd(...) ...+> }

@script:python depends on (org || report) && !locked && !correlated@
pc << r.pc;
pd << r.pd;
pr << r.pr;
rm << r.rm;
@@
notes = [(pc, "PTE cleared here; its TLB flush is deferred"),
         (pd, "page marked dirty here; a stale TLB entry can dirty it again after folio_mkclean()")]
body = mm_rm_helpers.get(rm) if not mm_rm.match(rm) else None
if body:
    notes.append((body, "%s() removes the rmap of its first argument" % rm))
# A helper of this very file: rh reports it, with its own note.
if not body or body[0] != pr[0].file:
    mm_emit("mm-rmap-before-flush", pr,
            "rmap of a dirty file page removed by %s() before the deferred TLB flush" % rm,
            notes)

// A helper of this file that removes the rmap of its parameter n + 1
// (drop_rmap(page, vma) { page_remove_rmap(page, vma, false); }), on a
// path that does not flush first (ok-helper-flushes.c).
@helper exists@
identifier h, p;
identifier rm =~ "^(folio_remove_rmap_pmd|folio_remove_rmap_pte|folio_remove_rmap_ptes|folio_remove_rmap_pud|hugetlb_remove_rmap|page_remove_rmap|page_zap_pte_rmap)$";
identifier conv =~ "^(folio_page|page_folio|spinlock_check)$";
identifier fl =~ "^(flush_tlb_all|flush_tlb_mm|flush_tlb_mm_range|flush_tlb_page|flush_tlb_range|huge_ptep_clear_flush|pmdp_huge_clear_flush|pmdp_huge_clear_flush_notify|pmdp_invalidate|ptep_clear_flush|ptep_clear_flush_notify|pudp_huge_clear_flush|set_tlb_ubc_flush_pending|tlb_delay_rmap|tlb_finish_mmu|tlb_flush_mmu|tlb_flush_mmu_tlbonly|try_to_unmap_flush|try_to_unmap_flush_dirty)$";
parameter list[n] ps;
type T;
position ph;
@@

h@ph(ps, T p, ...) {
  ... when != fl(...)
  rm(\(p\|conv(p)\|&p->page\), ...)
  ... when any
}

// Summaries mode: print such a helper when the page is its first parameter,
// for the calls of other files (the driver: lib/mmcheck/cocci.py).
@script:python depends on summaries@
h << helper.h;
n << helper.n;
ph << helper.ph;
@@
if int(n) == 0:
    mm_summary("rmap_remove", h, ph)

// The same path as r's, with the removal a call to such a helper.
@rh exists@
iterator name scoped_cond_guard, scoped_guard;
identifier clr =~ "^(clear_full_ptes|get_and_clear_full_ptes|get_and_clear_ptes|pmdp_huge_get_and_clear|pmdp_huge_get_and_clear_full|ptep_clear|ptep_get_and_clear|ptep_get_and_clear_full|pudp_huge_get_and_clear_full)$";
identifier dirty =~ "^(SetPageDirty|folio_mark_dirty|folio_mark_dirty_lock|folio_set_dirty|set_page_dirty|set_page_dirty_lock)$";
identifier helper.h;
identifier fl =~ "^(flush_tlb_all|flush_tlb_mm|flush_tlb_mm_range|flush_tlb_page|flush_tlb_range|huge_ptep_clear_flush|pmdp_huge_clear_flush|pmdp_huge_clear_flush_notify|pmdp_invalidate|ptep_clear_flush|ptep_clear_flush_notify|pudp_huge_clear_flush|set_tlb_ubc_flush_pending|tlb_delay_rmap|tlb_finish_mmu|tlb_flush_mmu|tlb_flush_mmu_tlbonly|try_to_unmap_flush|try_to_unmap_flush_dirty)$";
identifier dm : script:python() { dm in mm_delay_macros };
identifier conv =~ "^(folio_page|page_folio|spinlock_check)$";
expression list[helper.n] before;
expression P, E;
position pc, pd, pr;
@@

clr@pc(...)
... when != fl(...)
    when != dm(...)
dirty@pd(P, ...)
... when != fl(...)
    when != dm(...)
    when != P = E
* h@pr(before, \(P\|conv(P)\|&P->page\), ...)

@lockedh exists@
identifier lk =~ "^(folio_lock|folio_trylock|lock_page|trylock_page)$";
identifier ul =~ "^(folio_unlock|unlock_page)$";
identifier conv =~ "^(folio_page|page_folio|spinlock_check)$";
identifier rh.clr;
expression rh.P;
position rh.pc;
@@

lk(\(P\|conv(P)\|&P->page\))
... when != ul(\(P\|conv(P)\|&P->page\))
clr@pc(...)

// The clear and the dirtying on opposite sides of two tests of one value
// (7.2 set_pmd_migration_entry(): the unflushed clear only when the entry
// is not present, the dirtying only when it is): no path meets both.
// Coccinelle relates no values; this is the one shape it is told.
@correlatedh exists@
identifier V;
identifier rh.clr, rh.dirty;
position rh.pc, rh.pd;
identifier hint =~ "^(likely|unlikely)$";
statement S1;
expression E, E2;
@@

(
if (\(V\|hint(V)\)) S1 else { <+... clr@pc(...) ...+> }
|
if (\(!V\|hint(!V)\)) { <+... clr@pc(...) ...+> } else S1
|
if (\(!V\|hint(!V)\)) { <+... clr@pc(...) ...+> }
)
... when != V = E
if (\(V\|hint(V)\|V && E2\)) { <+... dirty@pd(...) ...+> }

@script:python depends on (org || report) && !lockedh && !correlatedh@
pc << rh.pc;
pd << rh.pd;
pr << rh.pr;
h << helper.h;
ph << helper.ph;
@@
mm_emit("mm-rmap-before-flush", pr,
        "rmap of a dirty file page removed by %s() before the deferred TLB flush" % h,
        [(pc, "PTE cleared here; its TLB flush is deferred"),
         (pd, "page marked dirty here; a stale TLB entry can dirty it again after folio_mkclean()"),
         (ph, "%s() removes the rmap of that page" % h)])
