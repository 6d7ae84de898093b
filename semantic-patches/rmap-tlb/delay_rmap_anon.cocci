// SPDX-License-Identifier: GPL-2.0-only
// GENERATED from semantic-patches/rmap-tlb/delay_rmap_anon.cocci.in by tools/gen-cocci: edit the template and catalogue/mm-api.tsv
/// Find an rmap removal that is delayed past the TLB flush on a path where
/// the page may be anonymous.  Only file pages may be delayed: an anon
/// page's anon_vma can be freed by free_pgtables() before the delayed
/// removal runs, and folio_lock_anon_vma_read() then trusts a freed
/// anon_vma because the page still looks mapped (Hugh Dickins and Linus
/// Torvalds, "mm: delay rmap removal until after TLB flush", Nov 2022).
/// Test the page with !folio_test_anon() / !PageAnon() before delaying.
///
//# The delay is tlb_delay_rmap(); a delay passed as a literal argument to
//# __tlb_remove_page*() is left to the compiled engines.  A delay is
//# accepted inside the branch of a file-only test, or after an anon test
//# whose branch leaves the function or the loop.
//
// Confidence: Moderate
// Copyright: (C) 2026 The mmcheck authors.
// URL: see docs/rules.md#mm-delay-rmap-anon
// Comments: rule mm-delay-rmap-anon
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

// Delays guarded by a file-only test.
@fileonly@
iterator name scoped_cond_guard, scoped_guard;  // parse scoped_guard() { } (catalogue)
identifier anon =~ "^(PageAnon|folio_test_anon)$";
identifier dl =~ "^(tlb_delay_rmap)$";
expression P, C;
statement S;
position p;
@@

(
if (\(!anon(P)\|!anon(P) && C\|C && !anon(P)\)) { <+... dl@p(...) ...+> }
|
if (anon(P)) S else { <+... dl@p(...) ...+> }
|
!anon(P) && <+... dl@p(...) ...+>
)

// Delays after an anon test whose branch leaves: if (anon) { ...; continue; }
@anonexit exists@
identifier anon =~ "^(PageAnon|folio_test_anon)$";
identifier dl =~ "^(tlb_delay_rmap)$";
expression P;
identifier l;
position p != fileonly.p;
@@

if (anon(P)) {
  ...
(
  return ...;
|
  continue;
|
  break;
|
  goto l;
)
}
...
dl@p(...)

@r@
identifier dl =~ "^(tlb_delay_rmap)$";
position p != {fileonly.p, anonexit.p};
@@

* dl@p(...)

@script:python depends on org || report@
p << r.p;
dl << r.dl;
@@
mm_emit("mm-delay-rmap-anon", p,
        "rmap removal delayed by %s() for a page that may be anonymous" % dl,
        [(p, "no !folio_test_anon()/!PageAnon() test guards this delay; the anon_vma may be freed before the delayed removal")])
