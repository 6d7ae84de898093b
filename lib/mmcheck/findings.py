"""A finding, the report-line parser shared by the engines' outputs, and the
two output formats (gcc-style text and JSON)."""
import json
import os
import re

# file:line:col-colend: KIND: text [rule-id]   (what every .cocci prints)
LINE_RE = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+)-(?P<colend>\d+): "
                     r"(?P<kind>WARNING|note|function): (?P<text>.*) \[(?P<rule>[a-z0-9-]+)\]$")


class Finding:
    def __init__(self, rule, file, line, col, message, engine, family="", severity="warning"):
        self.rule = rule
        self.family = family
        self.severity = severity
        self.file = file
        self.line = line
        self.col = col
        self.function = ""
        self.message = message
        self.engine = engine
        self.notes = []   # [(file, line, col, text)]

    def key(self):
        return (self.file, self.line, self.col, self.rule)

    @classmethod
    def from_dict(cls, d):
        fd = cls(d["rule"], d["file"], d["line"], d["column"], d["message"], d["engine"],
                 d["family"], d["severity"])
        fd.function = d["function"]
        fd.notes = [(n["file"], n["line"], n["column"], n["message"]) for n in d["notes"]]
        return fd

    def as_dict(self):
        return {"rule": self.rule, "family": self.family, "severity": self.severity,
                "file": self.file, "line": self.line, "column": self.col,
                "function": self.function, "message": self.message, "engine": self.engine,
                "notes": [{"file": f, "line": ln, "column": c, "message": t}
                          for f, ln, c, t in self.notes]}


class ColumnMap:
    """Coccinelle gives 0-based byte columns; gcc and sparse give 1-based
    columns with tabs expanded to 8.  Convert, reading each file once."""

    def __init__(self, root=None, locate=None):
        self.cache = {}
        # where a reported path is: relative to root, or wherever locate says
        self.locate = locate or (lambda path: os.path.join(root or "", path))

    def display(self, path, line, col):
        lines = self.cache.get(path)
        if lines is None:
            try:
                with open(self.locate(path), "rb") as f:
                    lines = f.read().split(b"\n")
            except OSError:
                lines = []
            self.cache[path] = lines
        if not 0 < line <= len(lines):
            return col + 1
        width = 0
        for ch in lines[line - 1][:col]:
            width = (width // 8 + 1) * 8 if ch == 9 else width + 1
        return width + 1


def parse_report(text, engine, rules_by_id, colmap):
    """Findings from report lines; a WARNING starts a finding, the function:
    and note: lines after it (same rule) belong to it."""
    out = []
    cur = None
    for raw in text.splitlines():
        m = LINE_RE.match(raw)
        if not m:
            continue
        f, line, rule = m.group("file"), int(m.group("line")), m.group("rule")
        col = colmap.display(f, line, int(m.group("col")))
        kind = m.group("kind")
        if kind == "WARNING":
            r = rules_by_id.get(rule)
            cur = Finding(rule, f, line, col, m.group("text"), engine,
                          r.family if r else "", r.severity if r else "warning")
            out.append(cur)
        elif cur is not None and cur.rule == rule:
            if kind == "function":
                cur.function = m.group("text")
            else:
                cur.notes.append((f, line, col, m.group("text")))
    return out


def format_gcc(findings, notes=True):
    lines = []
    for fd in findings:
        where = "%s:%d:%d: " % (fd.file, fd.line, fd.col)
        lines.append("%s%s: %s [%s]" % (where, fd.severity, fd.message, fd.rule))
        if notes:
            for f, ln, c, t in fd.notes:
                lines.append("%s:%d:%d: note: %s" % (f, ln, c, t))
    return "\n".join(lines) + ("\n" if lines else "")


def format_json(findings, incomplete, suppressed):
    doc = {"version": 1,
           "findings": [fd.as_dict() for fd in findings],
           "incomplete": [{"file": f, "reason": r} for f, r in incomplete],
           "suppressed": suppressed}
    return json.dumps(doc, indent=2, sort_keys=False) + "\n"


def format_ledger(findings):
    """The findings as ledger rows (docs/ledger.md): a --baseline of what is
    there now, to be judged, pinned by line and keyed by identity."""
    from .fingerprint import message_key
    lines = ["# RULE                 FILE[:LINE]                          FUNCTION              "
             "{KEY}                                VERDICT      REASON"]
    for fd in findings:
        lines.append("%-22s %-36s %-21s %-36s %-12s %s" % (
            fd.rule, "%s:%d" % (os.path.normpath(fd.file), fd.line), fd.function or "*",
            "{%s}" % message_key(fd.rule, fd.message), "real", "baseline: not judged yet"))
    return "\n".join(lines) + "\n"
