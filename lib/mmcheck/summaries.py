"""Helpers of other files, for the Coccinelle rules.

A semantic patch reads one file (one spatch file group) at a time, so a
call to a helper whose body is in another file is opaque to it.  A rule
whose header says '// Summaries: KIND...' can print, under -D summaries,
the functions of a file that act like a catalogue name of those kinds for
their callers (a helper that removes the rmap of its first parameter is an
rmap_remove).  The driver (cocci.py) runs that mode over the few files that
define a function the rule's candidate files call but do not define, and
hands the rows back to the normal run in MMCHECK_SUMMARIES_IN.

This module holds the text side: which names a file calls, which functions
it defines with external linkage, and the rows out of spatch's output.
"""
import json
import os
import re

# A call: a name and its opening parenthesis (keywords are dropped below).
CALL = re.compile(r"\b([A-Za-z_]\w*)\s*\(")
NOT_CALLS = {"if", "for", "while", "switch", "return", "sizeof", "typeof", "__typeof__",
             "defined", "__attribute__", "asm", "__asm__", "_Static_assert", "alignof"}
# A definition at file scope: its head starts in column 0 and its parameter
# list is followed by a body, not by ';' (a prototype) or ',' (a call).
DEFINITION = re.compile(r"^(?![\s#}/*])([^;{}()=]*?)\b([A-Za-z_]\w*)\s*\(([^;{}]*?)\)\s*\{",
                        re.M)


def read(path, cwd=None):
    try:
        with open(os.path.join(cwd or "", path), encoding="utf-8",
                  errors="surrogateescape") as f:
            return f.read()
    except OSError:
        return ""


def definitions(text):
    """{name: (static?, offset of its body's '{')} of the functions a C
    text defines."""
    out = {}
    for m in DEFINITION.finditer(text):
        out[m.group(2)] = (re.search(r"\bstatic\b", m.group(1)) is not None, m.end() - 1)
    return out


def body(text, start):
    """The text from a '{' to its matching '}' (braces in strings and
    comments are counted too: this only picks files for spatch)."""
    depth = 0
    for m in re.finditer(r"[{}]", text[start:]):
        depth += 1 if m.group() == "{" else -1
        if depth == 0:
            return text[start:start + m.end()]
    return text[start:]


def called_elsewhere(files, cwd=None):
    """The names the files call but do not define themselves."""
    names = set()
    for f in files:
        text = read(f, cwd)
        names |= {m.group(1) for m in CALL.finditer(text)} - set(definitions(text)) - NOT_CALLS
    return names


def defining(files, names, words, cwd=None):
    """Of files, those that define one of names with external linkage (a
    static function is no helper of another file) and a body that
    mentions one of words."""
    mention = re.compile(r"\b(%s)\b" % "|".join(re.escape(w) for w in words))
    out = []
    for f in files:
        text = read(f, cwd)
        if any(n in names and not static and mention.search(body(text, at))
               for n, (static, at) in definitions(text).items()):
            out.append(f)
    return out


def rows(text, names):
    """The MMCHECK-SUMMARY rows of spatch's output for the called names.
    A helper that undoes a pair is not also a PTE restore for its
    callers: its restore follows the undo (for another pair's "do" it
    would be one; not seen in the kernels)."""
    got = [json.loads(line[len("MMCHECK-SUMMARY "):]) for line in text.splitlines()
           if line.startswith("MMCHECK-SUMMARY ")]
    got = [r for r in got if r["name"] in names]
    undoes = {r["name"] for r in got if r["kind"] == "undo"}
    keep = [r for r in got if not (r["kind"] == "pte_restore" and r["name"] in undoes)]
    return sorted({json.dumps(r, sort_keys=True): r for r in keep}.values(),
                  key=lambda r: (r["kind"], r["name"]))
