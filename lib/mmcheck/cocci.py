"""The Coccinelle engine: runs the semantic patches over files with spatch.

Each file of a batch is its own spatch file group: a group that times out
or raises is named on stderr and the others go on.  Other errors stop a
whole run, so a batch that stops is split and retried file by file, and
only the file that really fails is reported as not analysed.  Rules of SCOPE run (the lock rule) print facts per batch;
one last spatch run over those facts does the cross-file matching, so the
matching code lives only in the .cocci.
"""
import json
import os
import re
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor

from . import catalogue, summaries
from .findings import parse_report

COCCI_DIR = os.path.join(catalogue.TOP, "semantic-patches")
# Files per spatch run.  spatch holds a batch's parsed files at once: 16
# large kernel files took 450 MB, 4 take under 250 MB; since spatch starts
# in 0.2 s (SPATCH_PYTHON below) small batches cost little time.
BATCH_FILES = 4
SPATCH = os.environ.get("SPATCH", "spatch")
# spatch asks a python3 where its libpython is at every start; a python3
# found on PATH may be a wrapper (pyenv's shims take 2 s a start here, 10x
# the whole run of a small file).  Debian's spatch is built against
# Debian's python3: name it, unless MMCHECK_SPATCH_PYTHON says otherwise.
SPATCH_PYTHON = os.environ.get("MMCHECK_SPATCH_PYTHON") or \
    ("/usr/bin/python3" if os.access("/usr/bin/python3", os.X_OK) else "")
# Files above this size are not given to spatch: it holds a file's whole
# parse, and a 5 MB generated file took 1.4 GB and did not finish in 60 s.
# The size is weighed after the prefilter, so the generated headers that
# mention no rule's words (drivers/gpu/drm/amd/include/asic_reg/, up to
# 24 MB) are skipped as small ones are, soundly; a large file that does
# mention them is reported as not analysed.  The largest .c file of 6.12 is
# 1.8 MB.  mmcheck --max-size sets it.
MAX_BYTES = 4 << 20


class EngineError(Exception):
    pass


def spatch_version():
    try:
        out = subprocess.run([SPATCH, "--version"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    m = re.search(r"spatch version (\S+)", out.stdout + out.stderr)
    return m.group(1) if m else None


def header_field(cocci, field):
    """The words of a rule's '// FIELD:' header line."""
    with open(cocci, encoding="utf-8") as f:
        for line in f:
            if line.startswith("// %s:" % field):
                return line.split(":", 1)[1].split()
    return []


def header_options(cocci):
    """The '// Options:' line of a rule, as scripts/coccicheck reads it."""
    return header_field(cocci, "Options")


def summary_kinds(rule):
    """The kinds a helper of another file can stand for in the rule
    ('// Summaries:', see summaries.py)."""
    return header_field(os.path.join(COCCI_DIR, rule.cocci), "Summaries")


def needed_words(rule, entries, helpers=()):
    """[[names...], ...]: a file must mention a name of every group;
    helpers: summary rows, whose names count for their kinds."""
    return [catalogue.names(entries, *group) +
            [r["name"] for r in helpers if r["kind"] in group] for group in rule.needs]


def grep_files(files, words, whole_words=True, cwd=None):
    """The subset of files that mention one of words (as a whole word);
    relative paths are relative to cwd."""
    if not files or not words:
        return set()
    with tempfile.NamedTemporaryFile("w", suffix=".words", delete=False) as w:
        w.write("\n".join(words) + "\n")
    hits = set()
    flags = "-lwF" if whole_words else "-lF"
    try:
        for i in range(0, len(files), 2000):
            chunk = files[i:i + 2000]
            out = subprocess.run(["grep", flags, "-f", w.name, "--"] + chunk,
                                 capture_output=True, text=True, errors="surrogateescape",
                                 cwd=cwd)
            if out.returncode > 1:
                raise EngineError("grep failed: %s" % out.stderr.strip())
            hits.update(out.stdout.splitlines())
    finally:
        os.unlink(w.name)
    return hits


def prefilter(rule, files, entries, cwd=None):
    keep = list(files)
    for words in needed_words(rule, entries):
        got = grep_files(keep, words, cwd=cwd)
        keep = [f for f in keep if f in got]
    return keep


def within_size(files, cwd=None):
    """(the files spatch is given, [(file, reason)] for those above MAX_BYTES)."""
    keep, big = [], []
    for f in files:
        size = os.path.getsize(os.path.join(cwd or "", f))
        if size > MAX_BYTES:
            big.append((f, "%.1f MiB is above the size spatch is given (--max-size %d)" %
                        (size / (1 << 20), MAX_BYTES >> 20)))
        else:
            keep.append(f)
    return keep, big


class Batch:
    def __init__(self, rule, files, timeout, env, virtuals=(), cwd=None):
        self.rule, self.files, self.timeout, self.env = rule, files, timeout, env
        self.virtuals, self.cwd = virtuals, cwd
        self.stdout = ""
        self.incomplete = []   # [(file, reason)]


def _parse_errors(stderr, incomplete, timeout, files):
    """spatch --parse-error-msg names each file it could not fully parse and
    prints the offending lines after 'BAD:!!!!!'.  Under --file-groups a
    group that times out or raises does not stop the run: spatch says
    'EXN: <exception> in <file>' and goes on with the next group."""
    cur = None
    for line in stderr.splitlines():
        stopped = [f for f in files if line.startswith("EXN: ") and line.endswith(" in " + f)]
        if stopped:
            exn = line[len("EXN: "):-len(" in " + stopped[0])]
            why = ("analysis timed out after %d s" % timeout if exn.endswith("Timeout")
                   else "Coccinelle stopped on this file: %s" % exn[:200])
            incomplete.append((stopped[0], why))
            cur = None
            continue
        m = re.match(r"^ = error in (.+); set verbose_parsing", line)
        if m:
            cur = m.group(1)
            incomplete.append((cur, "Coccinelle could not parse part of this file"))
        elif cur and line.startswith("BAD:!!!!! "):
            bad = line[len("BAD:!!!!! "):].strip()
            incomplete[-1] = (cur, "Coccinelle could not parse part of this file, near: %s"
                              % bad[:80])
            cur = None


def _as_arg(f):
    """A file name spatch cannot take for an option ('-my file.c')."""
    return "./" + f if f.startswith("-") else f


def _restore_names(text, files):
    """What spatch printed, with the names _as_arg() changed given back:
    the callers find findings, facts and errors by the names they gave."""
    for f in files:
        if f.startswith("-"):
            text = text.replace("./" + f, f)
    return text


def _spatch_cmd(rule, files, timeout, virtuals, groups):
    """spatch's command line; groups: a file naming each file as a group of
    its own.  Files named together on the command line are one group, and
    a rule's bindings flow across a group's files: which helpers a file
    saw would depend on its batch-mates."""
    cocci = os.path.join(COCCI_DIR, rule.cocci)
    with open(cocci, encoding="utf-8") as f:
        declared = set(re.findall(r"^virtual (\w+)", f.read(), re.M))
    extra = [x for v in virtuals if v in declared for x in ("-D", v)]
    python = ["--python", SPATCH_PYTHON] if SPATCH_PYTHON else []
    inputs = ["--file-groups", groups] if groups else [_as_arg(f) for f in files]
    return ([SPATCH, "--sp-file", cocci, "-D", "report", "-D", "mmcheck", "--no-show-diff",
             "--parse-error-msg", "--timeout", str(timeout)] + python + extra +
            header_options(cocci) + inputs)


def _file_groups(files):
    """A temporary --file-groups file with one group per file (None for
    one file)."""
    if len(files) < 2:
        return None
    with tempfile.NamedTemporaryFile("w", suffix=".groups", delete=False,
                                     errors="surrogateescape") as g:
        g.write("".join(_as_arg(f) + "\n\n" for f in files))
    return g.name


def _fatal(stderr):
    """spatch's own account of why it stopped, one line."""
    lines = [l for l in stderr.splitlines() if l.startswith("Fatal error")]
    lines = lines or stderr.strip().splitlines() or ["no message"]
    return lines[-1][:200]


def run_batch(batch):
    """Run one batch.  When spatch stops on a file (a timeout, or an error
    such as its Python failing on a file name that is not UTF-8), the
    batch is split until the file is alone: that file is reported as not
    analysed, the others' findings are kept."""
    if len(batch.files) > 1 and any("\n" in f for f in batch.files):
        return _split(batch)    # no --file-groups line can name it
    groups = _file_groups(batch.files)
    try:
        out = subprocess.run(_spatch_cmd(batch.rule, batch.files, batch.timeout,
                                         batch.virtuals, groups),
                             capture_output=True, text=True, errors="surrogateescape",
                             env=batch.env, cwd=batch.cwd,
                             timeout=batch.timeout * len(batch.files) + 60)
        rc = out.returncode
        stdout, stderr = (_restore_names(t, batch.files) for t in (out.stdout, out.stderr))
    except subprocess.TimeoutExpired:
        rc, stdout, stderr = -1, "", "timeout (we abort)"
    finally:
        if groups:
            os.unlink(groups)
    if rc == 0:
        batch.stdout = stdout
        _parse_errors(stderr, batch.incomplete, batch.timeout, batch.files)
        return batch
    if "Fatal error" not in stderr and "timeout (we abort)" not in stderr:
        # not a file's fault: a broken rule or installation
        tail = "\n".join(l for l in stderr.splitlines()
                         if not l.startswith(("HANDLING", "init_defs")))
        raise EngineError("spatch failed on %s (exit %d):\n%s" % (batch.rule.cocci, rc,
                                                                   tail[-2000:]))
    if len(batch.files) == 1:
        why = ("analysis timed out after %d s" % batch.timeout
               if "timeout (we abort)" in stderr or "Common.Timeout" in stderr
               else "Coccinelle stopped on this file: %s" % _fatal(stderr))
        batch.incomplete.append((batch.files[0], why))
        return batch
    return _split(batch)


def _split(batch):
    """The batch run file by file."""
    for f in batch.files:
        sub = run_batch(Batch(batch.rule, [f], batch.timeout, batch.env, batch.virtuals,
                              batch.cwd))
        batch.stdout += sub.stdout
        batch.incomplete += sub.incomplete
    return batch


def run_files(rule, files, jobs, timeout, env, virtuals, cwd=None):
    """(concatenated output, incomplete) of rule over files, in batches."""
    batches = [Batch(rule, files[i:i + BATCH_FILES], timeout, env, virtuals, cwd)
               for i in range(0, len(files), BATCH_FILES)]
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        done = list(pool.map(run_batch, batches))
    return "".join(b.stdout for b in done), [x for b in done for x in b.incomplete]


def printed_needles(text):
    """[(a, b)]: the seeds' needles, pairs of texts a file must both hold."""
    out = set()
    for line in text.splitlines():
        if line.startswith("MMCHECK-NEEDLES "):
            out.update(tuple(n) for n in json.loads(line[len("MMCHECK-NEEDLES "):]))
    return sorted(out)


def grep_matches(files, words, cwd=None, whole_words=False):
    """{file: set of the words it contains} (plain substrings, or whole words)."""
    found = {}
    if not files or not words:
        return found
    with tempfile.NamedTemporaryFile("w", suffix=".words", delete=False) as w:
        w.write("\n".join(words) + "\n")
    try:
        for i in range(0, len(files), 2000):
            out = subprocess.run(["grep", "-owHFZ" if whole_words else "-oHFZ", "-f", w.name,
                                  "--"] + files[i:i + 2000],
                                 capture_output=True, text=True, errors="surrogateescape",
                                 cwd=cwd)
            if out.returncode > 1:
                raise EngineError("grep failed: %s" % out.stderr.strip())
            # "file\0word\n": a file name may hold a newline, a word not
            for m in re.finditer(r"([^\0]*)\0([^\n]*)\n", out.stdout):
                found.setdefault(m.group(1), set()).add(m.group(2))
    finally:
        os.unlink(w.name)
    return found


def files_with_pairs(files, pairs, cwd=None):
    """The files holding both texts of some pair."""
    have = grep_matches(files, sorted({x for p in pairs for x in p if x}), cwd)
    return {f for f, words in have.items()
            if any(a in words and (not b or b in words) for a, b in pairs)}


def focus_files(rule, files, entries, cwd=None):
    """Files matching the rule's FOCUS: a KIND_path glob or a KIND_type struct."""
    globs = [re.compile("^(\\./)?" + re.escape(g).replace("\\*", ".*"))
             for g in catalogue.names(entries, *[k for k in rule.focus if k.endswith("_path")])]
    types = catalogue.names(entries, *[k for k in rule.focus if k.endswith("_type")])
    named = grep_files(files, ["struct " + t for t in types] +
                       [t for t in types if t.endswith("_t")], whole_words=False, cwd=cwd)
    return {f for f in files if f in named or any(g.match(f) for g in globs)}


def seed_files(rule, files, entries, virtuals, cwd=None):
    """Of files (prefiltered), those a cross-file rule reads first: they
    define what the rest is matched against (the lock rule: _bh users in
    its focus)."""
    seeds = grep_files(files, catalogue.names(entries, *rule.seed), cwd=cwd)
    if rule.focus and "all_locks" not in virtuals:
        seeds &= focus_files(rule, sorted(seeds), entries, cwd)
    return [f for f in files if f in seeds]


def facts_of(rule, files, jobs, timeout, virtuals, cwd=None):
    """(facts text, incomplete): a cross-file rule's facts of files, for
    merge_facts() (each batch prints MMCHECK-FACTS and MMCHECK-NEEDLES)."""
    env = dict(os.environ, MMCHECK_FACTS_OUT="1")
    return run_files(rule, files, jobs, timeout, env, virtuals, cwd)


def run_rule(rule, files, jobs, timeout, entries, virtuals, cwd=None):
    """(report text, [(file, reason)]) for one rule over files."""
    todo, big = within_size(prefilter(rule, files, entries, cwd), cwd)
    if rule.scope == "file":
        text, inc = run_files(rule, todo, jobs, timeout, dict(os.environ), virtuals, cwd)
        return text, big + inc
    # Cross-file rule: the seed files first; of the rest only those that
    # hold a needle pair the seeds printed can match them.  Then one merge.
    first = seed_files(rule, todo, entries, virtuals, cwd)
    text, incomplete = facts_of(rule, first, jobs, timeout, virtuals, cwd)
    rest = [f for f in todo if f not in set(first)]
    wanted = files_with_pairs(rest, printed_needles(text), cwd)
    more, inc = facts_of(rule, [f for f in rest if f in wanted], jobs, timeout, virtuals, cwd)
    return merge_facts(rule, text + more, timeout, virtuals), big + incomplete + inc


def mentions(rules, files, entries, cwd=None):
    """{file: the catalogue names of the rules' NEEDS and Summaries kinds it
    mentions}: one grep of the run's files for every file rule, where each
    rule's prefilter would grep the whole run once or more."""
    words = set()
    for rule in rules:
        words.update(w for group in needed_words(rule, entries) for w in group)
        words.update(catalogue.names(entries, *summary_kinds(rule)))
    return grep_matches(files, sorted(words), cwd, whole_words=True)


def mentioning(files, have, groups):
    """Of files, those that mention a name of every group (have: mentions())."""
    groups = [set(g) for g in groups]
    return [f for f in files if all(have.get(f, set()) & g for g in groups)]


def helper_files(rule, files, entries, have, cwd=None):
    """(files, called): the files whose helpers the rule is asked about
    (-D summaries), and the names its candidate files call without defining
    them.  Candidates are the files that would qualify with such a helper
    (summaries.py)."""
    kinds = summary_kinds(rule)
    if not kinds:
        return [], set()
    callers = mentioning(files, have, [catalogue.names(entries, *g) for g in rule.needs
                                       if not set(g) & set(kinds)])
    called = summaries.called_elsewhere(callers, cwd)
    words = catalogue.names(entries, *kinds)
    leaf = mentioning(files, have, [words]) if called else []
    return summaries.defining(leaf, called, words, cwd), called


def helper_rows(rules, files, entries, have, jobs, timeout, virtuals, cwd=None):
    """({rule id: summary rows}, incomplete): what the helpers of other
    files that each rule's candidate files call do, in the rule's terms;
    one spatch run per file, all rules in one pool."""
    batches, called = [], {}
    for rule in rules:
        todo, called[rule.id] = helper_files(rule, files, entries, have, cwd)
        batches += [Batch(rule, [f], timeout, dict(os.environ),
                          tuple(virtuals) + ("summaries",), cwd)
                    for f in within_size(todo, cwd)[0]]
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        done = list(pool.map(run_batch, batches))
    rows = {rule.id: summaries.rows("".join(b.stdout for b in done if b.rule is rule),
                                    called[rule.id]) for rule in rules}
    return rows, [x for b in done for x in b.incomplete]


def with_helpers(tmp, rule, rows, have, cwd=None):
    """(environment, mentions): the rule's run given its summary rows (a
    file in tmp), and have with the helpers' names each file mentions."""
    env = dict(os.environ)
    if not rows:
        return env, have
    env["MMCHECK_SUMMARIES_IN"] = os.path.join(tmp, rule.id + ".json")
    with open(env["MMCHECK_SUMMARIES_IN"], "w") as f:
        json.dump(rows, f)
    known = grep_matches(list(have), [r["name"] for r in rows], cwd, True)
    return env, {f: have[f] | known.get(f, set()) for f in have}


def merge_facts(rule, facts_text, timeout, virtuals):
    """One spatch run on an empty file whose finalize reads all facts."""
    with tempfile.TemporaryDirectory(prefix="mmcheck-") as tmp:
        facts = os.path.join(tmp, "facts")
        empty = os.path.join(tmp, "empty.c")
        with open(facts, "w") as f:
            f.write(facts_text)
        open(empty, "w").close()
        env = dict(os.environ, MMCHECK_FACTS_IN=facts)
        env.pop("MMCHECK_FACTS_OUT", None)
        batch = Batch(rule, [empty], timeout, env, virtuals)
        run_batch(batch)
        return batch.stdout


def analyse(rules, files, jobs, timeout, colmap, virtuals=(), cwd=None, helpers=True):
    """All findings of the chosen rules over files; virtuals: extra -D names
    (passed to the rules that declare them); relative paths are relative
    to cwd; helpers: follow the helpers of other files of the run
    (helper_rows()).  The file rules' batches share one pool: a few files
    checked by several rules keep every CPU busy."""
    entries = catalogue.load_api()
    by_id = {r.id: r for r in catalogue.load_rules()}
    file_rules = [r for r in rules if r.scope == "file"]
    have = mentions(file_rules, files, entries, cwd)
    rows, incomplete = (helper_rows(file_rules, files, entries, have, jobs, timeout, virtuals,
                                    cwd) if helpers else ({}, []))
    with tempfile.TemporaryDirectory(prefix="mmcheck-") as tmp:
        todo, envs = {}, {}
        for rule in file_rules:
            mine = rows.get(rule.id, [])
            envs[rule.id], have = with_helpers(tmp, rule, mine, have, cwd)
            todo[rule.id] = within_size(mentioning(files, have,
                                                   needed_words(rule, entries, mine)), cwd)
        batches = [Batch(rule, small[i:i + BATCH_FILES], timeout, envs[rule.id], virtuals, cwd)
                   for rule in file_rules
                   for small in [todo[rule.id][0]]
                   for i in range(0, len(small), BATCH_FILES)]
        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            done = list(pool.map(run_batch, batches))
    findings = [fd for b in done for fd in parse_report(b.stdout, "cocci", by_id, colmap)]
    incomplete += [x for big in todo.values() for x in big[1]]
    incomplete += [x for b in done for x in b.incomplete]
    for rule in rules:
        if rule.scope == "run":
            text, inc = run_rule(rule, files, jobs, timeout, entries, virtuals, cwd)
            findings += parse_report(text, "cocci", by_id, colmap)
            incomplete += inc
    # spatch also complains about its own standard.h: keep the inputs only.
    inputs = set(files)
    return findings, sorted({(f, why) for f, why in incomplete if f in inputs})


def split_facts(text):
    """{file: (facts line, needles)}: a cross-file rule's batch output cut
    into what each file contributed, so that facts can be kept per file
    (the change mode's cache).  Every fact names its file first; a
    batch's needles are credited to each file of the batch (more files are
    then read for them, never fewer)."""
    per_file, batch_files = {}, set()
    for line in text.splitlines():
        if line.startswith("MMCHECK-FACTS "):
            d = json.loads(line[len("MMCHECK-FACTS "):])
            batch_files = set()
            for kind, rows in d.items():
                for row in rows:
                    f = row[0][0] if kind == "typed" else row[0]
                    per_file.setdefault(f, {k: [] for k in d})[kind].append(row)
                    batch_files.add(f)
        elif line.startswith("MMCHECK-NEEDLES "):
            for f in batch_files:
                per_file[f].setdefault("needles", []).extend(
                    json.loads(line[len("MMCHECK-NEEDLES "):]))
    out = {}
    for f, d in per_file.items():
        needles = [tuple(n) for n in d.pop("needles", [])]
        out[f] = ("MMCHECK-FACTS " + json.dumps(d), sorted(set(needles)))
    return out


def carry_facts(old_line, path, keep, line_of):
    """A file's facts line, carried to its new version: only the facts at
    the lines keep(line) accepts, their lines moved by line_of(line), under
    path.  Facts without a line (softirq callbacks, file-local locks) are
    kept whole."""
    if not old_line:
        return ""
    d = json.loads(old_line[len("MMCHECK-FACTS "):])
    out = {k: [] for k in d}
    for kind, rows in d.items():
        for row in rows:
            if kind == "typed":
                (f, line, *rest), value = row
                if keep(line):
                    out[kind].append([[path, line_of(line)] + rest, value])
            elif kind in ("acq", "bhoff"):
                if keep(row[1]):
                    out[kind].append([path, line_of(row[1])] + row[2:])
            else:
                out[kind].append([path] + row[1:])
    return "MMCHECK-FACTS " + json.dumps(out)
