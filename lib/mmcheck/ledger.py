"""The verdict ledger: one line per known finding, with a verdict and a
reason.  The same format serves as a suppression file (--suppress), a
baseline of accepted findings (--baseline) and the committed expected
findings on real kernels (--expect).

    # kernel-version: 6.12.118
    # RULE FILE[:LINE] FUNCTION[#N] [{KEY}] VERDICT REASON
    mm-lock-bh-mixed mm/hugetlb.c:7306 huge_pmd_share {struct mm_struct::page_table_lock} \
        false-alarm no softirq user        (one line in a ledger)
    mm-rmap-before-flush mm/hugetlb.c * false-alarm hugetlbfs has no writeback

An entry matches a finding by identity (lib/mmcheck/fingerprint.py): rule,
file (a suffix of the reported path), function ('*': any), message key
('{...}', optional: any) and occurrence (#N, optional).  An entry with a
:LINE or #N stands for one finding: among the findings of its identity it
takes the one its line or number picks, wherever that finding moved.  One
without either stands for every finding of its identity.
"""
import os
import re

from . import atomic, fingerprint
from .catalogue import table_rows

VERDICTS = ("real", "false-alarm")
VERSION_RE = re.compile(r"^#\s*kernel-version:\s*(\S+)")
ROW_RE = re.compile(r"^(?P<rule>\S+)\s+(?P<loc>\S+)\s+(?P<func>\S+)\s+"
                    r"(?:\{(?P<key>[^{}]*)\}\s+)?(?P<verdict>\S+)\s+(?P<reason>\S.*)$")


class LedgerError(Exception):
    pass


class Entry:
    def __init__(self, rule, file, line, function, verdict, reason, where, key=None,
                 occurrence=0):
        self.rule, self.file, self.line = rule, file, line
        self.function, self.verdict, self.reason = function, verdict, reason
        self.key, self.occurrence = key, occurrence
        self.where = where

    def covers(self, path):
        """Does this entry name the file at path (relative or absolute)?"""
        f = path[2:] if path.startswith("./") else path
        return f == self.file or f.endswith("/" + self.file)

    def pinned(self):
        """Does this entry stand for one finding rather than all of its kind?"""
        return bool(self.line or self.occurrence)

    def accepts(self, fd):
        """Same identity, whatever the line."""
        if fd.rule != self.rule or not self.covers(fd.file):
            return False
        if self.function != "*" and fd.function and fd.function != self.function:
            return False
        if self.key is not None and fingerprint.message_key(fd.rule, fd.message) != self.key:
            return False
        return not self.occurrence or getattr(fd, "occurrence", 1) == self.occurrence

    def __str__(self):
        loc = "%s:%d" % (self.file, self.line) if self.line else self.file
        func = "%s#%d" % (self.function, self.occurrence) if self.occurrence else self.function
        key = " {%s}" % self.key if self.key is not None else ""
        return "%s %s %s%s %s" % (self.rule, loc, func, key, self.verdict)


def _entry(path, num, line):
    m = ROW_RE.match(line)
    if not m:
        raise LedgerError("%s:%d: expected RULE FILE[:LINE] FUNCTION[#N] [{KEY}] VERDICT REASON"
                          % (path, num))
    if m.group("verdict") not in VERDICTS:
        raise LedgerError("%s:%d: verdict must be one of %s" % (path, num, ", ".join(VERDICTS)))
    file, _, ln = m.group("loc").partition(":")
    func, _, occ = m.group("func").partition("#")
    for text, field in ((ln, m.group("loc")), (occ, m.group("func"))):
        if text and not re.fullmatch(r"0*[1-9][0-9]{0,8}", text):
            short = field if len(field) < 60 else field[:40] + "..."
            raise LedgerError("%s:%d: bad number in '%s'" % (path, num, short))
    return Entry(m.group("rule"), file, int(ln) if ln else 0, func, m.group("verdict"),
                 m.group("reason"), "%s:%d" % (path, num), m.group("key"),
                 int(occ) if occ else 0)


def load(path):
    return [_entry(path, num, line)
            for num, line in table_rows(path, LedgerError, inline_comments=False)]


def kernel_version(path):
    """The kernel version a ledger was judged on ('# kernel-version: V'), or None."""
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                m = VERSION_RE.match(line)
                if m:
                    return m.group(1)
    except OSError as e:
        raise LedgerError("%s: cannot read: %s" % (path, e.strerror))
    return None


def tree_version(tree):
    """The version a kernel tree's top Makefile names (6.12.118), or None."""
    fields = {}
    try:
        with open(os.path.join(tree, "Makefile"), encoding="utf-8", errors="replace") as f:
            for line in f:
                m = re.match(r"^(VERSION|PATCHLEVEL|SUBLEVEL)\s*=\s*(\d+)\s*$", line)
                if m:
                    fields[m.group(1)] = m.group(2)
                if len(fields) == 3:
                    break
    except OSError:
        return None
    if "VERSION" not in fields or "PATCHLEVEL" not in fields:
        return None
    sub = fields.get("SUBLEVEL", "0")
    return "%s.%s" % (fields["VERSION"], fields["PATCHLEVEL"]) + ("." + sub if sub != "0" else "")


def version_lines(path, tree):
    """One line naming the tree's kernel, and one more when the ledger was
    judged on another point release (matching by identity carries on)."""
    have, judged = tree_version(tree), kernel_version(path)
    if have is None:
        return []
    lines = ["  KERNEL  Linux %s (%s)" % (have, os.path.basename(os.path.abspath(tree)))]
    if judged and judged != have:
        lines.append("  KERNEL  %s was judged on Linux %s: findings match by identity, "
                     "lines are hints" % (path, judged))
    return lines


def expected(path, rules, dirs, built=None):
    """The entries of the ledger at path that a run of rules (ids) over the
    tree directories dirs can report.  Given built, the objects compiled
    ("mm/rmap.o"), an entry in a .c file the configuration does not
    compile is not expected (7.2 x86_64 defconfig has no mm/huge_memory.o)."""
    return [e for e in load(path)
            if e.rule in rules and any(e.file.startswith(d + "/") for d in dirs) and
            (built is None or not e.file.endswith(".c") or e.file[:-2] + ".o" in built)]


class Match:
    """Which entry explains which finding.
    by_finding  {id(finding): entry}
    pairs       [(entry, finding)] of the pinned entries
    missing     entries no finding matched"""

    def __init__(self, findings, entries):
        fingerprint.number(findings)
        self.by_finding, self.pairs, self.missing = {}, [], []
        groups = {}
        for e in entries:
            if e.pinned():
                groups.setdefault((e.rule, e.file, e.function, e.key), []).append(e)
        for group in groups.values():
            self._pin(group, findings)
        for e in entries:
            if e.pinned():
                continue
            hits = [fd for fd in findings if e.accepts(fd)]
            for fd in hits:
                self.by_finding.setdefault(id(fd), e)
            if not hits:
                self.missing.append(e)

    def _pin(self, group, findings):
        """Entries of one identity each take one finding, in line order."""
        group.sort(key=lambda e: (e.occurrence, e.line))
        cands = sorted({id(fd): fd for e in group for fd in findings if e.accepts(fd)}.values(),
                       key=lambda fd: (fd.line, fd.col))
        taken = set()
        for i, j in fingerprint.align(group, cands, lambda e: e.line, lambda fd: fd.line):
            e, fd = group[i], cands[j]
            if e.accepts(fd) and id(fd) not in self.by_finding:
                self.by_finding[id(fd)] = e
                self.pairs.append((e, fd))
                taken.add(i)
        self.missing += [e for i, e in enumerate(group) if i not in taken]

    def moved(self):
        return [(e, fd) for e, fd in self.pairs if e.line and e.line != fd.line]


def suppress(findings, entries, verdicts):
    """Drop the findings matched by an entry whose verdict is in verdicts."""
    m = Match(findings, [e for e in entries if e.verdict in verdicts])
    kept = [fd for fd in findings if id(fd) not in m.by_finding]
    return kept, len(findings) - len(kept)


def compare(findings, entries):
    """(findings no entry explains, entries no finding matched, the Match)."""
    m = Match(findings, entries)
    return [fd for fd in findings if id(fd) not in m.by_finding], m.missing, m


def report(findings, entries, notes=False):
    """Compare, and the lines that say how: unexpected findings (with their
    notes if asked), missing entries, entries whose finding moved.  Returns
    (lines, unexplained, missing)."""
    unexplained, missing, m = compare(findings, entries)
    lines = []
    for fd in unexplained:
        lines.append("unexpected: %s:%d:%d: %s [%s] in %s()" % (fd.file, fd.line, fd.col,
                                                               fd.message, fd.rule, fd.function))
        lines += ["    note: %s:%d: %s" % (n[0], n[1], n[3]) for n in fd.notes if notes]
    lines += ["missing: %s (%s)" % (e, e.where) for e in missing]
    lines += ["moved: %s:%d -> %d %s() (%s)" % (e.file, e.line, fd.line, fd.function, e.where)
              for e, fd in m.moved()]
    return lines, unexplained, missing


def check(findings, entries, label, ledger_path, notes=False, tree="."):
    """What a kernel check prints: the differences, then one summary line
    tagged label ('PLUGIN', 'LOCKS').  True when they differ.  With
    MMCHECK_REFRESH=1 in the environment the ledger's entries are also
    refreshed (refresh()) to these findings, as 'mmcheck ledger refresh'
    does for the cocci engine."""
    lines, unexplained, missing = report(findings, entries, notes)
    for line in lines:
        print(line)
    print("  %-7s %d findings, %d expected by %s; %d unexpected, %d missing" % (
        label, len(findings), len(entries), ledger_path, len(unexplained), len(missing)))
    if os.environ.get("MMCHECK_REFRESH") == "1":
        rows = {e.where for e in entries}
        text = refresh(ledger_path, findings, lambda e: e.where in rows, tree)[0]
        atomic.write(ledger_path, text)
        print("  %-7s %s refreshed" % (label, ledger_path))
    return bool(unexplained or missing)


def _retype(raw, e, line, key):
    """raw, an entry's row, with its line and key as given, its columns
    kept where they were."""
    m = re.match(r"^(\s*\S+\s+)(\S+\s+)(\S+\s+)(\{[^{}]*\}\s+)?(.*)$", raw)
    loc = "%s:%d" % (e.file, line) if line else e.file
    head = m.group(1) + loc.ljust(len(m.group(2)) - 1) + " " + m.group(3)
    if key is None:
        return head + (m.group(4) or "") + m.group(5)
    return head + "{%s} " % key + m.group(5)


def refresh(path, findings, scope, tree="."):
    """The text of the ledger at path brought to findings: a pinned entry
    takes its finding's line, an entry without a key takes the one key of
    the findings it matches, and '# kernel-version:' names the tree's
    kernel.  Verdicts, reasons, comments and entries outside scope (a
    function of an entry: is it in the run?) stay as they are.  Returns
    (text, report lines, unexplained, missing)."""
    entries = [e for e in load(path) if scope(e)]
    lines, unexplained, missing = report(findings, entries)
    m = Match(findings, entries)
    line_of = {id(e): fd.line for e, fd in m.pairs}
    keys = {}
    for fd in findings:
        e = m.by_finding.get(id(fd))
        if e is not None and e.key is None:
            keys.setdefault(id(e), set()).add(fingerprint.message_key(fd.rule, fd.message))
    by_row = {e.where: e for e in entries}
    version = tree_version(tree)
    with open(path, encoding="utf-8") as f:
        rows = f.read().splitlines()
    out = []
    for num, raw in enumerate(rows, 1):
        e = by_row.get("%s:%d" % (path, num))
        if e is not None and (id(e) in line_of or len(keys.get(id(e), ())) == 1):
            key = next(iter(keys[id(e)])) if len(keys.get(id(e), ())) == 1 else None
            raw = _retype(raw, e, line_of.get(id(e), e.line), key)
        elif version and VERSION_RE.match(raw):
            raw = "# kernel-version: %s" % version
        out.append(raw)
    return "\n".join(out) + "\n", lines, unexplained, missing
