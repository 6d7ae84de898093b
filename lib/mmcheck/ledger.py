"""The verdict ledger: one line per known finding, with a verdict and a
reason.  The same format serves as a suppression file (--suppress), a
baseline of accepted findings (--baseline) and the committed expected
findings on real kernels (--expect).

    # RULE               FILE[:LINE]        FUNCTION        VERDICT      REASON
    mm-lock-bh-mixed     arch/s390/mm/gmap.c gmap_create    real         plain lock; _bh in pgalloc.c
    mm-rmap-before-flush mm/hugetlb.c       *              false-alarm  hugetlbfs has no writeback

FILE without :LINE matches any line; FUNCTION '*' matches any function.
"""

from .catalogue import table_rows

VERDICTS = ("real", "false-alarm")


class LedgerError(Exception):
    pass


class Entry:
    def __init__(self, rule, file, line, function, verdict, reason, where):
        self.rule, self.file, self.line = rule, file, line
        self.function, self.verdict, self.reason = function, verdict, reason
        self.where = where

    def covers(self, path):
        """Does this entry name the file at path (relative or absolute)?"""
        f = path[2:] if path.startswith("./") else path
        return f == self.file or f.endswith("/" + self.file)

    def matches(self, fd):
        if fd.rule != self.rule or (self.line and fd.line != self.line):
            return False
        if self.function != "*" and fd.function and fd.function != self.function:
            return False
        return self.covers(fd.file)

    def __str__(self):
        loc = "%s:%d" % (self.file, self.line) if self.line else self.file
        return "%s %s %s %s" % (self.rule, loc, self.function, self.verdict)


def load(path):
    entries = []
    for num, line in table_rows(path, LedgerError, inline_comments=False):
        fields = line.split(None, 4)
        if len(fields) < 5:
            raise LedgerError("%s:%d: expected RULE FILE[:LINE] FUNCTION VERDICT REASON" % (path, num))
        rule, loc, func, verdict, reason = fields
        if verdict not in VERDICTS:
            raise LedgerError("%s:%d: verdict must be one of %s" % (path, num, ", ".join(VERDICTS)))
        file, _, ln = loc.partition(":")
        if ln and not ln.isdigit():
            raise LedgerError("%s:%d: bad line number in '%s'" % (path, num, loc))
        entries.append(Entry(rule, file, int(ln) if ln else 0, func, verdict, reason,
                             "%s:%d" % (path, num)))
    return entries


def expected(path, rules, dirs, built=None):
    """The entries of the ledger at path that a run of rules (ids) over the
    tree directories dirs can report.  Given built, the objects compiled
    ("mm/rmap.o"), an entry in a .c file the configuration does not
    compile is not expected (7.2 x86_64 defconfig has no mm/huge_memory.o)."""
    return [e for e in load(path)
            if e.rule in rules and any(e.file.startswith(d + "/") for d in dirs) and
            (built is None or not e.file.endswith(".c") or e.file[:-2] + ".o" in built)]


def suppress(findings, entries, verdicts):
    """Drop the findings matched by an entry whose verdict is in verdicts."""
    active = [e for e in entries if e.verdict in verdicts]
    kept = [fd for fd in findings if not any(e.matches(fd) for e in active)]
    return kept, len(findings) - len(kept)


def compare(findings, entries):
    """(findings no entry explains, entries no finding matched)."""
    unexplained = [fd for fd in findings if not any(e.matches(fd) for e in entries)]
    missing = [e for e in entries if not any(e.matches(fd) for fd in findings)]
    return unexplained, missing
