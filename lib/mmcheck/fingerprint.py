"""A finding's identity, independent of its line: what ledgers, the patch
mode and SARIF fingerprints match on.

    identity     (rule, file, function, message key)
    occurrence   its place, in line order, among the findings of the same
                 identity (1 for the first)

The message key is what the rule's KEY column in catalogue/rules.tsv takes
out of the message: the lock class, the call that removed the rmap or did
the work left undone.  A line is only a hint: it picks among findings of
the same identity and tells how far one moved.  So an edit above a finding,
a kernel point release or a rebase does not change what matches; a renamed
function or a changed lock class does.
"""
import hashlib

from . import catalogue

_KEYS = None


def _key_patterns():
    global _KEYS
    if _KEYS is None:
        _KEYS = {r.id: r.key for r in catalogue.load_rules()}
    return _KEYS


def message_key(rule, message):
    """The part of message that names what the finding is about."""
    pattern = _key_patterns().get(rule)
    m = pattern.search(message) if pattern else None
    return m.group(1) if m else message


def identity(fd):
    return (fd.rule, fd.file, fd.function, message_key(fd.rule, fd.message))


def number(findings):
    """Set fd.occurrence on each finding: 1, 2, ... in line order within
    its identity.  Returns findings."""
    seen = {}
    for fd in sorted(findings, key=lambda f: (f.line, f.col)):
        ident = identity(fd)
        seen[ident] = seen.get(ident, 0) + 1
        fd.occurrence = seen[ident]
    return findings


def fingerprint(fd):
    """A stable text for one finding (after number()); its SHA-256 prefix is
    SARIF's partialFingerprints value."""
    rule, file, function, key = identity(fd)
    return "%s|%s|%s|%s|%d" % (rule, file, function, key, getattr(fd, "occurrence", 1))


def digest(fd):
    return hashlib.sha256(fingerprint(fd).encode("utf-8", "replace")).hexdigest()[:32]


def align(olds, news, line_of_old, line_of_new):
    """Pair two line-ordered lists of things of one identity, keeping their
    order and pairing as many as the shorter list has.  Of the ways to do
    that, the one whose pairs moved most alike wins: an edit above them
    shifts them all by the same number of lines, so a finding added among
    them is the one left unpaired.  Returns [(i, j)] indices."""
    if len(olds) > len(news):
        return [(i, j) for j, i in align(news, olds, line_of_new, line_of_old)]
    if len(olds) == len(news):
        return [(i, i) for i in range(len(olds))]
    a = [line_of_old(o) for o in olds]
    b = [line_of_new(n) for n in news]
    shifts = sorted({y - x for x in a for y in b}, key=abs)[:64] or [0]
    best = min((_pairs(a, b, s) for s in shifts), key=lambda cp: cp[0])
    return best[1]


def _pairs(a, b, shift):
    """(cost, pairs): every one of a paired, in order, with one of b, at
    the least total distance from the given shift."""
    n, m = len(a), len(b)
    dist = lambda i, j: abs(b[j] - a[i] - shift)
    inf = float("inf")
    # cost[i][j]: the least total pairing every one of a[i:] with b[j:]
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    cost[n] = [0] * (m + 1)
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            cost[i][j] = min(dist(i, j) + cost[i + 1][j + 1], cost[i][j + 1])
    pairs, i, j = [], 0, 0
    while i < n:
        if cost[i][j] == dist(i, j) + cost[i + 1][j + 1]:
            pairs.append((i, j))
            i += 1
        j += 1
    return cost[0][0], pairs
