"""The change engine: what one change (the index against HEAD, the working
tree against a revision, a commit against its parent) adds to what mmcheck
reports.  The patch mode, the pre-commit hook and the bot all ask it.

The files the change touches are analysed before and after; the findings
of the two sides are matched by identity (lib/mmcheck/fingerprint.py, as
ledgers are), with the lines of the old side carried through the diff, so
only a finding the change creates is new, wherever its line is: the usual
bug is the line a patch deleted.  The lock rule is cross-file: its facts
for the rest of the tree come from a cache of per-file facts kept by blob
id (factcache.py), built on the first check of a tree and reused after.

A file the engine could not fully analyse blocks only where the part it
could not read overlaps a changed line; elsewhere it is a note.
"""
import difflib
import os
import re
import shutil
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from . import catalogue, cocci, factcache, fingerprint, gitview, slices
from .findings import ColumnMap, Finding, parse_report

UNPARSED_NEAR = re.compile(r"near: (.+)$")


class Options:
    """engine: cocci, gcc, sparse or clang; build: a buildflags.Build for the
    compiled engines (their file rules compile each side with kbuild's
    flags for that file)."""

    def __init__(self, jobs=1, timeout=120, virtuals=(), partial_ok=False, engine="cocci",
                 build=None, paths=(), from_git=False):
        self.jobs, self.timeout, self.virtuals = jobs, timeout, tuple(virtuals)
        self.partial_ok, self.engine, self.build = partial_ok, engine, build
        self.paths = tuple(paths)   # only the changes under these (relative to the top)
        # read every file of the base from git, none from the work tree:
        # the bot's worktree changes under a check while the next patch applies
        self.from_git = from_git


class _Everything:
    """The paths to read from git when none may be read from the disk."""

    def __contains__(self, path):
        return True


class Outcome:
    """new and fixed findings; blocking: [(path, reason)] a change overlaps;
    notes: lines for the user (skipped files, parts not analysed away from
    the change, how the lock facts were had)."""

    def __init__(self, label):
        self.label = label
        self.new, self.fixed, self.blocking, self.notes = [], [], [], []
        self.files = 0
        self.seconds = 0.0


def line_ops(a, b):
    """difflib's opcodes from a to b.  The lines both share at the top and
    the bottom are matched first: a patch touches a few places of a long
    file, and difflib without its junk heuristic is quadratic in what is
    left (0.4 s for mm/memory.c whole, milliseconds for the middle)."""
    top = 0
    while top < min(len(a), len(b)) and a[top] == b[top]:
        top += 1
    end = 0
    while end < min(len(a), len(b)) - top and a[-1 - end] == b[-1 - end]:
        end += 1
    mid = difflib.SequenceMatcher(None, a[top:len(a) - end], b[top:len(b) - end],
                                  autojunk=False).get_opcodes()
    ops = [("equal", 0, top, 0, top)] if top else []
    ops += [(t, i1 + top, i2 + top, j1 + top, j2 + top) for t, i1, i2, j1, j2 in mid
            if (i1, i2, j1, j2) != (0, 0, 0, 0) or t != "equal"]
    if end:
        ops.append(("equal", len(a) - end, len(a), len(b) - end, len(b)))
    merged = []
    for op in ops:            # neighbouring 'equal' runs become one, as difflib gives them
        if merged and op[0] == "equal" == merged[-1][0] and merged[-1][2] == op[1]:
            merged[-1] = ("equal", merged[-1][1], op[2], merged[-1][3], op[4])
        else:
            merged.append(op)
    return merged


class FileDiff:
    """One changed file's lines: old line -> new line, and which new lines
    the change wrote (a deletion marks the lines on both sides of it)."""

    def __init__(self, old, new):
        a = old.decode("utf-8", "replace").splitlines() if old is not None else []
        b = new.decode("utf-8", "replace").splitlines() if new is not None else []
        self.new_lines = b
        self.ops = line_ops(a, b)
        self.touched, self.touched_old = set(), set()
        for tag, i1, i2, j1, j2 in self.ops:
            if tag == "equal":
                continue
            self.touched.update(range(j1 + 1, j2 + 1) if j2 > j1 else (j1, j1 + 1))
            self.touched_old.update(range(i1 + 1, i2 + 1) if i2 > i1 else (i1, i1 + 1))

    @property
    def added(self):
        """The new side's lines the change inserted or rewrote."""
        return {j for tag, _, _, j1, j2 in self.ops if tag in ("insert", "replace")
                for j in range(j1 + 1, j2 + 1)}

    def map_old(self, line):
        for tag, i1, i2, j1, j2 in self.ops:
            if i1 < line <= i2:
                return j1 + (line - i1) if tag == "equal" else min(j1 + 1, max(j2, 1))
        return line

    def overlaps(self, reason):
        """Does the part named by an [mmcheck-incomplete] reason touch a
        changed line?  Without a place (a timeout): the whole file does."""
        m = UNPARSED_NEAR.search(reason)
        if not m:
            return bool(self.touched)
        text = m.group(1).strip()
        hits = [i for i, line in enumerate(self.new_lines) if text and text in line.strip()]
        if not hits:
            return bool(self.touched)
        return any(self.touched.intersection(range(lo + 1, hi + 2))
                   for lo, hi in (top_level_region(self.new_lines, i) for i in hits))


def top_level_region(lines, i):
    """The 0-based first and last line of the top-level definition around
    line i: from the line that starts it at column 0 to its closing brace."""
    lo = i
    while lo > 0 and not (lines[lo][:1].isalpha() or lines[lo][:1] == "_"):
        lo -= 1
    hi = i
    while hi < len(lines) - 1 and not lines[hi].startswith("}"):
        if hi > i and (lines[hi][:1].isalpha() or lines[hi][:1] == "_"):
            hi -= 1
            break
        hi += 1
    return lo, hi


class Workspace:
    """A temporary directory with the two sides of the changed files, and
    base/ for files of the untouched tree whose working copy differs."""

    def __init__(self, root, before, from_git=False):
        self.root, self.before = root, before
        self.from_git = from_git
        self.dir = tempfile.mkdtemp(prefix="mmcheck-change-")
        self.old = os.path.join(self.dir, "before")
        self.new = os.path.join(self.dir, "after")
        self.base = os.path.join(self.dir, "base")
        self._dirty = None
        self._base_blobs = {}

    def write(self, top, path, data):
        if not gitview.safe_path(path):
            raise gitview.GitError("refusing to write %r" % path)
        full = os.path.join(top, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "wb") as f:
            f.write(data)
        return full

    def dirty(self):
        if self._dirty is None and self.from_git:
            self._dirty = _Everything()
        if self._dirty is None:
            self._dirty = set() if self.before.rev == gitview.EMPTY_TREE else \
                gitview.dirty(self.root, self.before.rev)
        return self._dirty

    def base_groups(self, files):
        """{cwd: [paths]}: the base tree's files where they can be read,
        the work tree where its copy is the base's, base/ elsewhere."""
        groups, need = {}, []
        for p in files:
            if p in self.dirty():
                need.append(p)
            else:
                groups.setdefault(self.root, []).append(p)
        need = [p for p in need if p not in self._base_blobs]
        for i in range(0, len(need), 2000):      # a sparse kernel worktree: most of it
            chunk = need[i:i + 2000]
            data = gitview.read_blobs(self.root, [files[p] for p in chunk])
            for p in chunk:
                self.write(self.base, p, data[files[p]])
                self._base_blobs[p] = files[p]
        moved = [p for p in files if p in self.dirty()]
        if moved:
            groups[self.base] = moved
        return groups

    def locate_base(self, path):
        """Where the base's copy of path is on disk; one the work tree does
        not hold is written from git the first time it is asked for."""
        if path not in self.dirty():
            return os.path.join(self.root, path)
        full = os.path.join(self.base, path)
        if path not in self._base_blobs and gitview.safe_path(path) and not os.path.exists(full):
            data = gitview.git(self.root, "cat-file", "blob", "%s:%s" % (self.before.rev, path),
                               check=False)
            self.write(self.base, path, data)
        return full

    def close(self):
        shutil.rmtree(self.dir, ignore_errors=True)


def check(root, before, after, rules, opts, cache, label=""):
    """The Outcome of the change from before to after (gitview.Side)."""
    t0 = time.monotonic()
    out = Outcome(label)
    changes = gitview.changes(root, before, after, opts.paths)
    for c in changes:
        if c.skip and c.skip != "not a C file":
            out.notes.append("%s: not checked: %s" % (c.path, c.skip))
    changes = [c for c in changes if not c.skip]
    if changes:
        ws = Workspace(root, before, opts.from_git)
        try:
            _check(root, before, after, changes, rules, opts, cache, ws, out)
        finally:
            ws.close()
    out.seconds = time.monotonic() - t0
    return out


class Changed:
    """One changed C file as the engine reads it: both texts, the diff,
    and the slices (slices.py) of both sides that keep only the function
    definitions the change touched, their callers and the helpers of
    both (slices.with_helpers())."""

    def __init__(self, change, old, new):
        self.change, self.old, self.new = change, old, new
        self.diff = FileDiff(old, new)
        if old is None or new is None:
            self.names = None           # an added or deleted file: read whole
            self.old_slice, self.new_slice = old, new
            return
        a = old.decode("utf-8", "surrogateescape")
        b = new.decode("utf-8", "surrogateescape")
        self.old_defs = slices.definitions(a.split("\n"))
        new_defs = slices.definitions(b.split("\n"))
        touched = slices.touched_names(new_defs, self.diff.touched) | \
            slices.touched_names(self.old_defs, self.diff.touched_old)
        self.names = slices.with_helpers(a.split("\n"), self.old_defs, touched) | \
            slices.with_helpers(b.split("\n"), new_defs, touched)
        self.old_slice = slices.blank_except(a, self.names, self.old_defs).encode(
            "utf-8", "surrogateescape")
        self.new_slice = slices.blank_except(b, self.names, new_defs).encode(
            "utf-8", "surrogateescape")

    def in_changed_old(self, line):
        """Is the old side's line inside a function the change touched?"""
        return self.names is None or any(lo < line <= hi + 1 and name in self.names
                                         for lo, hi, name in self.old_defs)


def _sides(root, before, after, changes, ws, out):
    """Write the slices of both sides of each change; {new path: Changed},
    and {path: blob id of the slice written} for each side."""
    files, old_blobs, new_blobs = {}, {}, {}
    for c in changes:
        old = gitview.content(root, before, c, "old")
        new = gitview.content(root, after, c, "new")
        if new is not None and b"\0" in new:
            # a .c or .h that is not text: no engine can read it, none may
            # call it clean (the tree mode says the same)
            out.blocking.append((c.path, "not C source: a binary file"))
            continue
        if old is not None and b"\0" in old:
            out.notes.append("%s: not checked: was a binary file" % c.path)
            continue
        f = Changed(c, old, new)
        if old is not None:
            ws.write(ws.old, c.old, f.old_slice)
            old_blobs[c.old] = factcache.blob_id(f.old_slice)
        if new is not None:
            ws.write(ws.new, c.new, f.new_slice)
            new_blobs[c.new] = factcache.blob_id(f.new_slice)
        files[c.new or c.old] = f
    return files, old_blobs, new_blobs


def _check(root, before, after, changes, rules, opts, cache, ws, out):
    files, old_blobs, new_blobs = _sides(root, before, after, changes, ws, out)
    diffs = {p: f.diff for p, f in files.items()}
    out.files = len(files)
    file_rules = [r for r in rules if r.scope == "file"]
    run_rules = [r for r in rules if r.scope == "run" and "cocci" in r.engines]
    for r in rules:
        if r.scope == "run" and r not in run_rules:
            out.notes.append("%s not checked: in change mode the lock rules come from the "
                             "cocci engine's facts" % r.id)
    if opts.engine == "cocci":
        was, _ = file_findings(file_rules, ws.old, old_blobs, opts, cache)
        now, incomplete = file_findings(file_rules, ws.new, new_blobs, opts, cache)
    else:
        was, now, incomplete, left = compiled_findings(file_rules, root, files, ws, opts, cache,
                                                       out)
        # what the build does not compile (headers, files of other
        # configurations) the cocci engine reads, under the same rule IDs
        cocci_rules = [r for r in file_rules if "cocci" in r.engines]
        w, _ = file_findings(cocci_rules, ws.old, {p: b for p, b in old_blobs.items()
                                                   if p in left}, opts, cache)
        n, inc = file_findings(cocci_rules, ws.new, {p: b for p, b in new_blobs.items()
                                                     if p in left}, opts, cache)
        was, now, incomplete = was + w, now + n, incomplete + inc
    renames = {c.old: c.new for c in changes if c.old}
    for rule in run_rules:
        lock_was, lock_now, inc = lock_findings(rule, files, ws, new_blobs, opts, cache, out)
        was += lock_was
        now += lock_now
        incomplete += inc
    out.new, out.fixed = compare(was, now, renames, diffs)
    for path, reason in sorted(set(incomplete)):
        d = diffs.get(path)
        if d is not None and d.overlaps(reason):
            out.blocking.append((path, reason))
        else:
            out.notes.append("%s: not fully analysed, away from this change: %s"
                             % (path, reason))


def file_findings(rules, top, blobs, opts, cache):
    """(findings, incomplete) of the file rules over the files blobs names,
    written under top; each file's result is cached by its blob id."""
    if not rules or not blobs:
        return [], []
    ids = sorted(r.id for r in rules)
    found, incomplete, todo = [], [], []
    for path, blob in sorted(blobs.items()):
        hit = cache.get("findings", [ids, opts.virtuals, path, blob])
        if hit is None:
            todo.append(path)
        else:
            found += [Finding.from_dict(d) for d in hit["findings"]]
            incomplete += [(path, r) for r in hit["incomplete"]]
    if todo:
        # One file at a time, as the cache by blob needs: a helper of
        # another file (cocci.helper_rows()) would make a file's result
        # depend on which other files the change touched.
        fds, inc = cocci.analyse(rules, todo, opts.jobs, opts.timeout, ColumnMap(top),
                                 opts.virtuals, cwd=top, helpers=False)
        for path in todo:
            mine = [fd for fd in fds if fd.file == path]
            why = [r for f, r in inc if f == path]
            cache.put("findings", [ids, opts.virtuals, path, blobs[path]],
                      {"findings": [fd.as_dict() for fd in mine], "incomplete": why})
            found += mine
            incomplete += [(path, r) for r in why]
    return found, incomplete


def compiled_findings(rules, root, files, ws, opts, cache, out):
    """(before, after, incomplete, left) of the file rules under gcc or
    sparse: both whole sides of each changed .c file compiled with the
    flags kbuild used for it (buildflags.py), from the build's directory,
    as many at once as -j says; left: the paths the build does not compile
    (old and new path of each)."""
    from . import compiled
    by_id = {r.id: r for r in rules}
    jobs = []        # (path, side, src, argv, cwd, cache key)
    left = set()
    for path, f in sorted(files.items()):
        cmd = opts.build.command(path) if path.endswith(".c") else None
        if cmd is None:
            out.notes.append("%s: not compiled by the build (%s): read by the cocci engine"
                             % (path, "a header" if path.endswith(".h") else "not configured"))
            left.update(p for p in (f.change.old, f.change.new) if p)
            continue
        for side, data in (("old", f.old), ("new", f.new)):
            if data is not None:
                src = ws.write(os.path.join(ws.dir, "whole-" + side), path, data)
                argv = compiler_argv(opts, root, cmd[0], path, src)
                key = [opts.engine, sorted(by_id), argv[:1] + argv[3:], path,
                       factcache.blob_id(data)]
                jobs.append((path, side, src, argv, cmd[1], key))
    results = {j[5][-1] + j[1]: cache.get("compiled", j[5]) for j in jobs}
    todo = [j for j in jobs if results[j[5][-1] + j[1]] is None]
    with ThreadPoolExecutor(max_workers=max(1, opts.jobs)) as pool:
        ran = pool.map(lambda j: compiled.run_one_in(j[3], j[4], opts.timeout, opts.engine), todo)
        for j, (text, problem) in zip(todo, ran):
            hit = {"findings": [fd.as_dict() for fd in compiled.parse(text, by_id, opts.engine)],
                   "problem": problem}
            cache.put("compiled", j[5], hit)
            results[j[5][-1] + j[1]] = hit
    was, now, incomplete = [], [], []
    for path, side, src, argv, cwd, key in jobs:
        hit = results[key[-1] + side]
        for d in hit["findings"]:
            fd = Finding.from_dict(d)
            fd.file = path if fd.file == src else fd.file
            fd.notes = [(path if n[0] == src else n[0],) + tuple(n[1:]) for n in fd.notes]
            (was if side == "old" else now).append(fd)
        if side == "new" and hit["problem"]:
            incomplete.append((path, hit["problem"]))
    return was, now, incomplete, left


def compiler_argv(opts, root, argv, path, src):
    """kbuild's command for path, reading src, with the engine loaded:
    GCC with the plugin, or mmcheck-sparse / mmcheck-clang with kbuild's
    CHECKFLAGS, as 'make C=1' runs them (for clang, the build's flags are
    clang's: an LLVM=1 build, or its compile_commands.json)."""
    from . import buildflags, clangcheck, gccplugin, sparse
    run = buildflags.retarget(argv, root, path, src)
    if opts.engine == "gcc":
        gccplugin.ensure_plugin()
        # a build made with mmcheck's plugin in KCFLAGS (tools/check-plugin-
        # kernel's are): GCC refuses the same plugin twice, from two paths
        run = [a for a in run if not (a.startswith("-fplugin-arg-mmcheck-") or (
            a.startswith("-fplugin=") and os.path.basename(a) == "mmcheck.so"))]
        return run[:1] + ["-fdiagnostics-plain-output", "-fplugin=" + gccplugin.PLUGIN] + run[1:]
    checker = clangcheck if opts.engine == "clang" else sparse
    checker.ensure_checker()
    return [checker.CHECKER] + opts.build.checkflags() + \
        [a for a in run[1:] if a not in ("-c", "-o", os.devnull)]


def facts_for(rule, groups, blobs, opts, cache):
    """{path: facts entry} of the files in groups ({cwd: [paths]}), from the
    cache or from one facts run per group.  An entry: the facts line, the
    needles, the reasons the file was not fully analysed."""
    out = {}
    for cwd, paths in groups.items():
        todo = []
        for p in paths:
            hit = cache.get("facts", [rule.id, opts.virtuals, p, blobs[p]])
            if hit is None:
                todo.append(p)
            else:
                out[p] = hit
        if not todo:
            continue
        text, inc = cocci.facts_of(rule, todo, opts.jobs, opts.timeout, opts.virtuals, cwd)
        split = cocci.split_facts(text)
        for p in todo:
            line, needles = split.get(p, ("", []))
            entry = {"facts": line, "needles": needles, "incomplete": [r for f, r in inc if f == p]}
            cache.put("facts", [rule.id, opts.virtuals, p, blobs[p]], entry)
            out[p] = entry
    return out


def tree_record(rule, ws, opts, cache, out):
    """What a whole run of rule reads of the base tree: the files it
    prefilters, the ones it analyses (seeds, and the rest that hold their
    needles), each {path: blob id}, and the needles: built once per tree,
    then cached.  A base near one already recorded (the commits of a
    series, each checked against the one before) starts from that record
    and reads only the files that differ."""
    key = [rule.id, opts.virtuals, ws.before.rev]
    rec = cache.get("tree", key)
    if rec is not None:
        return rec
    with _RECORDING:      # checks side by side (the bot): one reads the tree, the rest derive
        return _tree_record(rule, ws, opts, cache, out, key)


_RECORDING = threading.Lock()


def _tree_record(rule, ws, opts, cache, out, key):
    rec = cache.get("tree", key)
    if rec is not None:
        return rec
    t0 = time.monotonic()
    near = nearest_record(rule, ws, opts, cache)
    if near is not None:
        base = gitview.list_files(ws.root, ws.before, sorted(near[2]))
        rec = updated_record(rule, ws, opts, cache, base, *near)
        how = "from %s's, %d file%s differing" % (near[0][:12], len(near[2]),
                                                 "" if len(near[2]) == 1 else "s")
    else:
        base = gitview.list_files(ws.root, ws.before)
        rec = whole_record(rule, ws, opts, cache, base)
        how = "%d of %d C files read" % (len(rec["analysed"]), len(base))
    cache.put("tree", key, rec)
    out.notes.append("lock facts of %s built: %s, %.1f s (kept by blob id in the git "
                     "directory)" % (ws.before, how, time.monotonic() - t0))
    return rec


NEAR = 64   # first-parent commits searched for a recorded tree


def nearest_record(rule, ws, opts, cache):
    """(commit, record, changed paths) of the closest first-parent
    ancestor of the base that has a tree record, or None."""
    if ws.before.kind != "tree" or ws.before.rev == gitview.EMPTY_TREE:
        return None
    revs = gitview.git(ws.root, "rev-list", "--first-parent", "--max-count=%d" % NEAR,
                       ws.before.rev, "--", check=False).decode().split()[1:]
    for rev in revs:
        rec = cache.get("tree", [rule.id, opts.virtuals, rev])
        if rec is not None:
            raw = gitview.git(ws.root, "diff-tree", "-r", "--name-only", "-z", rev,
                              ws.before.rev)
            names = {p.decode("utf-8", "surrogateescape") for p in raw.split(b"\0") if p}
            return rev, rec, names
    return None


def whole_record(rule, ws, opts, cache, base):
    entries = catalogue.load_api()
    todo, seeds = [], []
    for cwd, paths in ws.base_groups(base).items():
        mine = cocci.prefilter(rule, paths, entries, cwd)
        todo += mine
        seeds += cocci.seed_files(rule, mine, entries, opts.virtuals, cwd)
    facts = facts_for(rule, ws.base_groups({p: base[p] for p in seeds}), base, opts, cache)
    needles = sorted({tuple(n) for e in facts.values() for n in e["needles"]})
    rest = {p: base[p] for p in todo if p not in facts}
    wanted = []
    for cwd, paths in ws.base_groups(rest).items():
        wanted += sorted(cocci.files_with_pairs(paths, needles, cwd))
    facts_for(rule, ws.base_groups({p: base[p] for p in wanted}), base, opts, cache)
    return {"prefiltered": {p: base[p] for p in todo},
            "analysed": {p: base[p] for p in seeds + wanted},
            "needles": [list(n) for n in needles]}


def updated_record(rule, ws, opts, cache, base, rev, rec, changed):
    """rec (of rev) brought to the base: the changed C files prefiltered
    again and, where they pass, analysed (a superset of what a whole run
    would pick only costs time); files holding a needle they bring too."""
    keep = lambda d: {p: b for p, b in d.items() if p not in changed}
    pre, analysed = keep(rec["prefiltered"]), keep(rec["analysed"])
    now = {p: base[p] for p in changed if p in base}
    entries = catalogue.load_api()
    passed = []
    for cwd, paths in ws.base_groups(now).items():
        passed += cocci.prefilter(rule, paths, entries, cwd)
    pre.update({p: base[p] for p in passed})
    facts = facts_for(rule, ws.base_groups({p: base[p] for p in passed}), base, opts, cache)
    analysed.update({p: base[p] for p in passed})
    needles = {tuple(n) for n in rec["needles"]}
    fresh = {tuple(n) for e in facts.values() for n in e["needles"]} - needles
    if fresh:
        rest = {p: b for p, b in pre.items() if p not in analysed}
        for cwd, paths in ws.base_groups(rest).items():
            found = cocci.files_with_pairs(paths, sorted(fresh), cwd)
            facts_for(rule, {cwd: sorted(found)}, rest, opts, cache)
            analysed.update({p: rest[p] for p in found})
    return {"prefiltered": pre, "analysed": analysed,
            "needles": [list(n) for n in sorted(needles | fresh)]}


def merged(rule, facts, colmap, opts):
    """The findings of a cross-file rule over the facts entries given."""
    text = "\n".join(e["facts"] for e in facts if e["facts"])
    report = cocci.merge_facts(rule, text, opts.timeout, opts.virtuals) if text else ""
    by_id = {r.id: r for r in catalogue.load_rules()}
    return parse_report(report, "cocci", by_id, colmap)


def lock_findings(rule, files, ws, new_blobs, opts, cache, out):
    """(before, after, incomplete) of a cross-file rule: the base tree's
    facts, and the same with the changed files' new facts in place of
    their old ones (and any untouched file that now holds a needle)."""
    rec = tree_record(rule, ws, opts, cache, out)
    analysed = rec["analysed"]
    old_facts = facts_for(rule, ws.base_groups(analysed), analysed, opts, cache)
    key = [rule.id, opts.virtuals, ws.before.rev]
    hit = cache.get("tree-findings", key)
    if hit is None:
        was = merged(rule, old_facts.values(), ColumnMap(locate=ws.locate_base), opts)
        cache.put("tree-findings", key, [fd.as_dict() for fd in was])
    else:
        was = [Finding.from_dict(d) for d in hit]

    now = new_facts(rule, files, ws, new_blobs, opts, cache)
    gone = {f.change.old for f in files.values() if f.change.old} | set(files)
    needles = {tuple(n) for e in now.values() for n in e["needles"]}
    fresh = needles - {tuple(n) for n in rec["needles"]}
    extra = {}
    if fresh:
        rest = {p: b for p, b in rec["prefiltered"].items() if p not in analysed and p not in gone}
        for cwd, paths in ws.base_groups(rest).items():
            for p in cocci.files_with_pairs(paths, sorted(fresh), cwd):
                extra[p] = rest[p]
        old_facts.update(facts_for(rule, ws.base_groups(extra), extra, opts, cache))
    facts = [e for p, e in old_facts.items() if p not in gone] + list(now.values())
    partial = sorted(p for p, e in old_facts.items() if e["incomplete"] and p not in gone)
    if partial:
        out.notes.append("%d untouched file%s not fully analysed for the lock facts (%s%s): a "
                         "lock finding against %s may be missing" % (
                             len(partial), "" if len(partial) == 1 else "s",
                             ", ".join(partial[:3]), ", ..." if len(partial) > 3 else "",
                             "it" if len(partial) == 1 else "them"))
    locate = lambda p: os.path.join(ws.new, p) if p in new_blobs else ws.locate_base(p)
    after = merged(rule, facts, ColumnMap(locate=locate), opts)
    incomplete = [(p, r) for p, e in now.items() for r in e["incomplete"]]
    return was, after, incomplete


def new_facts(rule, files, ws, new_blobs, opts, cache):
    """{new path: facts entry} of the changed files' new versions: the
    facts of the functions the change touched, read from the new slice,
    and the rest of the old file's facts carried over to their new lines."""
    entries = catalogue.load_api()
    todo = cocci.prefilter(rule, sorted(new_blobs), entries, ws.new)
    sliced = facts_for(rule, {ws.new: todo}, new_blobs, opts, cache)
    out = {}
    for path, f in files.items():
        if f.change.new is None:
            continue
        mine = sliced.get(path, {"facts": "", "needles": [], "incomplete": []})
        if f.names is None:
            out[path] = mine
            continue
        was = {f.change.old: f.change.old_blob}
        old = facts_for(rule, ws.base_groups(was), was, opts, cache)[f.change.old]
        kept = cocci.carry_facts(old["facts"], path, lambda ln: not f.in_changed_old(ln),
                                 f.diff.map_old)
        out[path] = {"facts": "\n".join(x for x in (kept, mine["facts"]) if x),
                     "needles": old["needles"] + mine["needles"],
                     "incomplete": mine["incomplete"]}
    return out


def compare(was, now, renames, diffs):
    """(new, fixed): the findings of now that none of was explains, and
    the reverse, matched by identity after carrying was's paths through
    renames and its lines through the diffs."""
    carried, fixed = [], []
    for fd in was:
        path = renames.get(fd.file, fd.file)
        if path is None:          # the file is gone, and its findings with it
            fixed.append(fd)
            continue
        d = diffs.get(path)
        line = d.map_old(fd.line) if d is not None and fd.file in renames else fd.line
        carried.append((fd, path, line))
    groups = {}
    for fd, path, line in carried:
        ident = (fd.rule, path, fd.function, fingerprint.message_key(fd.rule, fd.message))
        groups.setdefault(ident, ([], []))[0].append((line, fd))
    for fd in now:
        groups.setdefault(fingerprint.identity(fd), ([], []))[1].append((fd.line, fd))
    new = []
    for olds, news in groups.values():
        olds.sort(key=lambda x: x[0])
        news.sort(key=lambda x: x[0])
        pairs = fingerprint.align(olds, news, lambda x: x[0], lambda x: x[0])
        paired_old = {i for i, _ in pairs}
        paired_new = {j for _, j in pairs}
        new += [fd for j, (_, fd) in enumerate(news) if j not in paired_new]
        fixed += [fd for i, (_, fd) in enumerate(olds) if i not in paired_old]
    order = lambda fd: (fd.file, fd.line, fd.col, fd.rule)
    return sorted(new, key=order), sorted(fixed, key=order)
