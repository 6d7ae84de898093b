"""The Coccinelle engine: runs the semantic patches over files with spatch.

spatch aborts a whole run when one file times out (even under --jobs), so
this driver schedules its own batches: a batch that times out is split and
retried file by file, and only the file that really times out is reported
as not analysed.  Rules of SCOPE run (the lock rule) print facts per batch;
one last spatch run over those facts does the cross-file matching, so the
matching code lives only in the .cocci.
"""
import json
import os
import re
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor

from . import catalogue
from .findings import parse_report

COCCI_DIR = os.path.join(catalogue.TOP, "semantic-patches")
BATCH_FILES = 16
SPATCH = os.environ.get("SPATCH", "spatch")


class EngineError(Exception):
    pass


def spatch_version():
    try:
        out = subprocess.run([SPATCH, "--version"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    m = re.search(r"spatch version (\S+)", out.stdout + out.stderr)
    return m.group(1) if m else None


def header_options(cocci):
    """The '// Options:' line of a rule, as scripts/coccicheck reads it."""
    with open(cocci, encoding="utf-8") as f:
        for line in f:
            if line.startswith("// Options:"):
                return line.split(":", 1)[1].split()
    return []


def needed_words(rule, entries):
    """[[names...], ...]: a file must mention a name of every group."""
    return [catalogue.names(entries, *group) for group in rule.needs]


def grep_files(files, words, whole_words=True):
    """The subset of files that mention one of words (as a whole word)."""
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
                                 capture_output=True, text=True)
            if out.returncode > 1:
                raise EngineError("grep failed: %s" % out.stderr.strip())
            hits.update(out.stdout.splitlines())
    finally:
        os.unlink(w.name)
    return hits


def prefilter(rule, files, entries):
    keep = list(files)
    for words in needed_words(rule, entries):
        got = grep_files(keep, words)
        keep = [f for f in keep if f in got]
    return keep


class Batch:
    def __init__(self, rule, files, timeout, env):
        self.rule, self.files, self.timeout, self.env = rule, files, timeout, env
        self.stdout = ""
        self.incomplete = []   # [(file, reason)]


def _parse_errors(stderr, incomplete):
    """spatch --parse-error-msg names each file it could not fully parse and
    prints the offending lines after 'BAD:!!!!!'."""
    cur = None
    for line in stderr.splitlines():
        m = re.match(r"^ = error in (.+); set verbose_parsing", line)
        if m:
            cur = m.group(1)
            incomplete.append((cur, "Coccinelle could not parse part of this file"))
        elif cur and line.startswith("BAD:!!!!! "):
            bad = line[len("BAD:!!!!! "):].strip()
            incomplete[-1] = (cur, "Coccinelle could not parse part of this file, near: %s"
                              % bad[:80])
            cur = None


def _spatch_cmd(rule, files, timeout):
    cocci = os.path.join(COCCI_DIR, rule.cocci)
    return ([SPATCH, "--sp-file", cocci, "-D", "report", "-D", "mmcheck", "--no-show-diff",
             "--parse-error-msg", "--timeout", str(timeout)] + header_options(cocci) + files)


def run_batch(batch):
    """Run one batch; on a timeout split it until the guilty file is alone."""
    try:
        out = subprocess.run(_spatch_cmd(batch.rule, batch.files, batch.timeout),
                             capture_output=True, text=True, env=batch.env,
                             timeout=batch.timeout * len(batch.files) + 60)
        rc, stdout, stderr = out.returncode, out.stdout, out.stderr
    except subprocess.TimeoutExpired:
        rc, stdout, stderr = -1, "", "timeout (we abort)"
    if rc == 0:
        batch.stdout = stdout
        _parse_errors(stderr, batch.incomplete)
        return batch
    if "timeout" in stderr.lower():
        if len(batch.files) == 1:
            batch.incomplete.append((batch.files[0], "analysis timed out after %d s" % batch.timeout))
            return batch
        for f in batch.files:
            sub = run_batch(Batch(batch.rule, [f], batch.timeout, batch.env))
            batch.stdout += sub.stdout
            batch.incomplete += sub.incomplete
        return batch
    tail = "\n".join(l for l in stderr.splitlines() if not l.startswith(("HANDLING", "init_defs")))
    raise EngineError("spatch failed on %s (exit %d):\n%s" % (batch.rule.cocci, rc, tail[-2000:]))


def run_files(rule, files, jobs, timeout, env):
    """(concatenated output, incomplete) of rule over files, in batches."""
    batches = [Batch(rule, files[i:i + BATCH_FILES], timeout, env)
               for i in range(0, len(files), BATCH_FILES)]
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        done = list(pool.map(run_batch, batches))
    return "".join(b.stdout for b in done), [x for b in done for x in b.incomplete]


def printed_needles(text):
    out = set()
    for line in text.splitlines():
        if line.startswith("MMCHECK-NEEDLES "):
            out.update(json.loads(line[len("MMCHECK-NEEDLES "):]))
    return sorted(out)


def run_rule(rule, files, jobs, timeout, entries):
    """(report text, [(file, reason)]) for one rule over files."""
    todo = prefilter(rule, files, entries)
    if rule.scope == "file":
        return run_files(rule, todo, jobs, timeout, dict(os.environ))
    # Cross-file rule: the seed files first; of the rest only those that
    # mention a needle the seeds printed can match them.  Then one merge.
    env = dict(os.environ, MMCHECK_FACTS_OUT="1")
    seeds = grep_files(todo, catalogue.names(entries, *rule.seed))
    first = [f for f in todo if f in seeds]
    text, incomplete = run_files(rule, first, jobs, timeout, env)
    rest = [f for f in todo if f not in seeds]
    wanted = grep_files(rest, printed_needles(text), whole_words=False)
    more, inc = run_files(rule, [f for f in rest if f in wanted], jobs, timeout, env)
    return merge_facts(rule, text + more, timeout), incomplete + inc


def merge_facts(rule, facts_text, timeout):
    """One spatch run on an empty file whose finalize reads all facts."""
    with tempfile.TemporaryDirectory(prefix="mmcheck-") as tmp:
        facts = os.path.join(tmp, "facts")
        empty = os.path.join(tmp, "empty.c")
        with open(facts, "w") as f:
            f.write(facts_text)
        open(empty, "w").close()
        env = dict(os.environ, MMCHECK_FACTS_IN=facts)
        env.pop("MMCHECK_FACTS_OUT", None)
        batch = Batch(rule, [empty], timeout, env)
        run_batch(batch)
        return batch.stdout


def analyse(rules, files, jobs, timeout, colmap):
    """All findings of the chosen rules over files."""
    entries = catalogue.load_api()
    by_id = {r.id: r for r in catalogue.load_rules()}
    findings, incomplete = [], []
    for rule in rules:
        text, inc = run_rule(rule, files, jobs, timeout, entries)
        findings += parse_report(text, "cocci", by_id, colmap)
        incomplete += inc
    # spatch also complains about its own standard.h: keep the inputs only.
    inputs = set(files)
    return findings, [(f, why) for f, why in incomplete if f in inputs]
