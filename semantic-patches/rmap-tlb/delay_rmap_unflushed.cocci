// SPDX-License-Identifier: GPL-2.0-only
// GENERATED from semantic-patches/rmap-tlb/delay_rmap_unflushed.cocci.in by tools/gen-cocci: edit the template and catalogue/mm-api.tsv
/// Find delayed rmap removals that are not flushed with tlb_flush_rmaps()
/// before the page-table lock is released.  Commit 5df397dec7 delays the
/// removal only up to the point where the page-table lock is dropped, so
/// that memcg accounting and rmap walkers still serialize on that lock;
/// a delay that outlives the lock breaks that.
///
//# Reported only when no path from the delay to the unlock flushes: a
//# flush under a condition that tracks the delay (if (force_flush)) is
//# trusted, because Coccinelle does not follow values.  The delay may be
//# in a helper the same file defines, or up to two helpers below it (6.12's
//# zap_present_ptes() -> zap_present_folio_ptes(), 7.2's
//# do_zap_pte_range() -> zap_present_ptes() -> zap_present_folio_ptes()),
//# when the helper can return without flushing; the flush may be in a
//# helper the file defines too.  Deeper chains and other files' helpers
//# are not followed.
//
// Confidence: Moderate
// Copyright: (C) 2026 The mmcheck authors.
// URL: see docs/rules.md#mm-delay-rmap-unflushed
// Comments: rule mm-delay-rmap-unflushed
// Options: --no-includes --include-headers

virtual context
virtual org
virtual report
virtual mmcheck

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

@r exists@
iterator name scoped_cond_guard, scoped_guard;  // parse scoped_guard() { } (catalogue)
identifier dl =~ "^(tlb_delay_rmap)$";
identifier fl =~ "^(tlb_flush_rmaps)$";
identifier ul =~ "^(pte_unmap_unlock)$";
position p1, p2;
@@

dl@p1(...)
... when != fl(...)
* ul@p2(...)

@flushed exists@
identifier r.dl, r.ul;
identifier fl =~ "^(tlb_flush_rmaps)$";
position r.p1, r.p2;
@@

dl@p1(...)
...
fl(...)
...
ul@p2(...)

@script:python depends on (org || report) && !flushed@
p1 << r.p1;
p2 << r.p2;
ul << r.ul;
@@
mm_emit("mm-delay-rmap-unflushed", p2,
        "page-table lock released by %s() with delayed rmaps not flushed by tlb_flush_rmaps()" % ul,
        [(p1, "rmap removal delayed here; no path to the unlock calls tlb_flush_rmaps()")])

// Helpers of this file that flush the delayed rmaps: a call to one counts
// as the flush (zap_pte_range() may flush through one of its own).
@initialize:python@
@@
mm_flush_helpers = set()

@fhelp exists@
identifier h;
identifier fl =~ "^(tlb_flush_rmaps)$";
@@

h(...) {
  ... when any
  fl(...)
  ... when any
}

@script:python@
h << fhelp.h;
@@
mm_flush_helpers.add(h)

// Helpers of this file that can return with a delayed rmap not flushed,
// directly (d1) or through such a helper (d2, d3); a call to one is a
// delay, as rules r1, r2 and r3 (r's, for a call to d1's, d2's, d3's) read it.
@d1 exists@
identifier h;
identifier dl =~ "^(tlb_delay_rmap)$";
identifier fl =~ "^(tlb_flush_rmaps)$";
@@

h(...) {
  ... when any
  dl(...)
  ... when != fl(...)
}

@d2 exists@
identifier g, d1.h;
identifier fl =~ "^(tlb_flush_rmaps)$";
@@

g(...) {
  ... when any
  h(...)
  ... when != fl(...)
}

@d3 exists@
identifier f, d2.g;
identifier fl =~ "^(tlb_flush_rmaps)$";
@@

f(...) {
  ... when any
  g(...)
  ... when != fl(...)
}

@r1 exists@
iterator name scoped_cond_guard, scoped_guard;
identifier d1.h;
identifier fl =~ "^(tlb_flush_rmaps)$";
identifier ul =~ "^(pte_unmap_unlock)$";
position p1, p2;
@@

h@p1(...)
... when != fl(...)
* ul@p2(...)

@flushed1 exists@
identifier d1.h, r1.ul;
identifier fl =~ "^(tlb_flush_rmaps)$";
identifier fh : script:python() { fh in mm_flush_helpers };
position r1.p1, r1.p2;
@@

h@p1(...)
...
\(fl(...)\|fh(...)\)
...
ul@p2(...)

@script:python depends on (org || report) && !flushed1@
p1 << r1.p1;
p2 << r1.p2;
ul << r1.ul;
h << d1.h;
@@
mm_emit("mm-delay-rmap-unflushed", p2,
        "page-table lock released by %s() with delayed rmaps not flushed by tlb_flush_rmaps()" % ul,
        [(p1, "rmap removal delayed in %s() or a helper it calls; no path to the unlock calls tlb_flush_rmaps()" % h)])

@r2 exists@
iterator name scoped_cond_guard, scoped_guard;
identifier d2.g;
identifier fl =~ "^(tlb_flush_rmaps)$";
identifier ul =~ "^(pte_unmap_unlock)$";
position p1, p2;
@@

g@p1(...)
... when != fl(...)
* ul@p2(...)

@flushed2 exists@
identifier d2.g, r2.ul;
identifier fl =~ "^(tlb_flush_rmaps)$";
identifier fh : script:python() { fh in mm_flush_helpers };
position r2.p1, r2.p2;
@@

g@p1(...)
...
\(fl(...)\|fh(...)\)
...
ul@p2(...)

@script:python depends on (org || report) && !flushed2@
p1 << r2.p1;
p2 << r2.p2;
ul << r2.ul;
g << d2.g;
@@
mm_emit("mm-delay-rmap-unflushed", p2,
        "page-table lock released by %s() with delayed rmaps not flushed by tlb_flush_rmaps()" % ul,
        [(p1, "rmap removal delayed in %s() or a helper it calls; no path to the unlock calls tlb_flush_rmaps()" % g)])

@r3 exists@
iterator name scoped_cond_guard, scoped_guard;
identifier d3.f;
identifier fl =~ "^(tlb_flush_rmaps)$";
identifier ul =~ "^(pte_unmap_unlock)$";
position p1, p2;
@@

f@p1(...)
... when != fl(...)
* ul@p2(...)

@flushed3 exists@
identifier d3.f, r3.ul;
identifier fl =~ "^(tlb_flush_rmaps)$";
identifier fh : script:python() { fh in mm_flush_helpers };
position r3.p1, r3.p2;
@@

f@p1(...)
...
\(fl(...)\|fh(...)\)
...
ul@p2(...)

@script:python depends on (org || report) && !flushed3@
p1 << r3.p1;
p2 << r3.p2;
ul << r3.ul;
f << d3.f;
@@
mm_emit("mm-delay-rmap-unflushed", p2,
        "page-table lock released by %s() with delayed rmaps not flushed by tlb_flush_rmaps()" % ul,
        [(p1, "rmap removal delayed in %s() or a helper it calls; no path to the unlock calls tlb_flush_rmaps()" % f)])
