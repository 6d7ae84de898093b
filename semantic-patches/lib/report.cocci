// ---- mmcheck output helper, pasted into every rule by tools/gen-cocci so
// GENERATED from semantic-patches/lib/report.cocci.in by tools/gen-cocci: edit the template and catalogue/mm-api.tsv
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

@initialize:python depends on mmcheck@
@@
mm_func_lines = True

@initialize:python depends on org@
@@
mm_mode = "org"
