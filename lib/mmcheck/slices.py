"""Function slices of a C file, for the change mode's speed: the file rules
look at one function at a time, so a change to one function of a
7000-line file needs that function read again, not the file.  A slice
keeps every line of the file in its place but blanks the bodies of the
function definitions the change did not touch: line and column numbers
stay those of the real file, and file-scope code (declarations, tables,
macros) stays in for the parser and the lock facts.
"""
import re

IDENT_BEFORE_PAREN = re.compile(r"([A-Za-z_]\w*)\s*\($")


def _code(line, in_comment):
    """line without comments and literals; whether a /* comment is open
    at its end."""
    out, i, n = [], 0, len(line)
    while i < n:
        if in_comment:
            end = line.find("*/", i)
            if end < 0:
                return "".join(out), True
            i, in_comment = end + 2, False
        elif line.startswith("/*", i):
            in_comment, i = True, i + 2
        elif line.startswith("//", i):
            break
        elif line[i] in "\"'":
            q, i = line[i], i + 1
            while i < n and line[i] != q:
                i += 2 if line[i] == "\\" else 1
            i += 1
            out.append(" ")
        else:
            out.append(line[i])
            i += 1
    return "".join(out), in_comment


def definitions(lines):
    """[(first, last, name)]: the 0-based line span of each function
    definition at file scope (its header through its closing brace)."""
    defs, depth, in_comment, cont = [], 0, False, False
    header_start, header = None, ""
    for i, raw in enumerate(lines):
        code, in_comment = _code(raw, in_comment)
        if cont or (depth == 0 and code.lstrip().startswith("#")):
            cont = raw.rstrip().endswith("\\")
            continue
        for ch in code:
            if depth == 0 and header_start is None and not ch.isspace():
                header_start, header = i, ""
            if ch == "{":
                if depth == 0:
                    m = IDENT_BEFORE_PAREN.search(header[:header.find("(") + 1]) \
                        if "(" in header and "=" not in header.split("(")[0] else None
                    start_name = (header_start, m.group(1) if m else None)
                depth += 1
            elif ch == "}":
                depth = max(depth - 1, 0)
                if depth == 0:
                    if start_name[1]:
                        defs.append((start_name[0], i, start_name[1]))
                    header_start = None
            elif ch == ";" and depth == 0:
                header_start = None
            elif depth == 0 and header_start is not None:
                header += ch
    return defs


def touched_names(defs, lines_touched):
    """Names of the definitions that hold one of the 1-based lines."""
    return {name for lo, hi, name in defs if any(lo < t <= hi + 1 for t in lines_touched)}


CALL = re.compile(r"\b([A-Za-z_]\w*)\s*\(")


def _closure(names, edges):
    """names and every name edges reach from them."""
    seen, todo = set(names), list(names)
    while todo:
        for n in edges.get(todo.pop(), ()):
            if n not in seen:
                seen.add(n)
                todo.append(n)
    return seen


def with_helpers(lines, defs, names):
    """names, with the definitions of the file a path rule needs to judge
    them: the rules follow the helpers a function calls (the 6.12 zap loop
    delays rmaps two helpers below the function that must flush them), so
    a change to a helper may make a finding in any function that calls it,
    and each of those is read with all of its own helpers.  (The lock
    rule's semantic patch reads a file's calls the same way, in a copy of
    its own so that the .cocci stands alone: mm_closure().)"""
    defined = {name for _, _, name in defs}
    calls, callers = {}, {}
    for lo, hi, name in defs:
        body = "\n".join(lines[lo:hi + 1])
        calls[name] = {c for c in CALL.findall(body) if c in defined and c != name}
        for c in calls[name]:
            callers.setdefault(c, set()).add(name)
    return _closure(_closure(names, callers), calls)


def blank_except(text, names, defs=None):
    """text with the function definitions not named in names blanked
    (their lines kept, emptied); defs: definitions() of text, if known."""
    lines = text.split("\n")
    out = list(lines)
    for lo, hi, name in defs if defs is not None else definitions(lines):
        if name not in names:
            for i in range(lo, hi + 1):
                out[i] = ""
    return "\n".join(out)
