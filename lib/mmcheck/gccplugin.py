"""The GCC engine: compiles each .c file with the mmcheck plugin loaded and
reads GCC's own diagnostics back.  The analysis is the shared C core
(core/); the plugin translates GIMPLE into it (gcc-plugin/)."""
import fcntl
import fnmatch
import json
import os
import re
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor

from . import catalogue
from .findings import Finding

PLUGIN_DIR = os.path.join(catalogue.TOP, "gcc-plugin")
LOCKS = os.path.join(catalogue.TOP, "locks", "mmcheck-locks")
GCC = os.environ.get("MMCHECK_GCC", "gcc")
# One plugin per compiler: a plugin only loads into the GCC it was built for.
PLUGIN = os.path.join(PLUGIN_DIR, "mmcheck.so" if GCC == "gcc" else
                      "mmcheck-%s.so" % os.path.basename(GCC))

DIAG = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<kind>warning|note|error): "
                  r"(?P<text>.*)$")
IN_FUNCTION = re.compile(r"^(?P<file>[^:]+): In function '(?P<fn>[^']+)':$")
RULE = re.compile(r"^(?P<msg>.*) \[(?P<rule>mm-[a-z0-9-]+)\]$")


class EngineError(Exception):
    pass


def ensure_plugin():
    """Build the plugin when it is missing or older than its sources; one
    mmcheck at a time (the corpus runs many at once)."""
    with open(os.path.join(PLUGIN_DIR, ".build-lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        out = subprocess.run(["make", "-s", "-C", PLUGIN_DIR, "TARGET_GCC=" + GCC,
                              "OUT=" + os.path.basename(PLUGIN)],
                             capture_output=True, text=True)
    if out.returncode or not os.path.exists(PLUGIN):
        raise EngineError("cannot build the GCC plugin:\n" + (out.stderr or out.stdout).strip())


def parse(text, rules_by_id):
    findings, function, cur = [], "", None
    for line in text.splitlines():
        m = IN_FUNCTION.match(line)
        if m:
            function = m.group("fn")
            continue
        m = DIAG.match(line)
        if not m:
            continue
        where = (m.group("file"), int(m.group("line")), int(m.group("col")))
        if m.group("kind") == "warning":
            r = RULE.match(m.group("text"))
            cur = None
            if r and r.group("rule") in rules_by_id:
                rule = rules_by_id[r.group("rule")]
                cur = Finding(rule.id, where[0], where[1], where[2], r.group("msg"), "gcc",
                              rule.family, rule.severity)
                cur.function = function
                findings.append(cur)
        elif m.group("kind") == "note" and cur is not None:
            cur.notes.append(where + (m.group("text"),))
    return findings


def ensure_locks():
    out = subprocess.run(["make", "-s", "-C", os.path.dirname(LOCKS)], capture_output=True,
                         text=True)
    if out.returncode or not os.path.exists(LOCKS):
        raise EngineError("cannot build mmcheck-locks:\n" + (out.stderr or out.stdout).strip())


def compile_one(path, cflags, timeout, facts_dir=None):
    cmd = [GCC, "-c", "-o", os.devnull, "-fdiagnostics-plain-output",
           "-fplugin=" + PLUGIN] + cflags + [path]
    if facts_dir:
        cmd.insert(-1, "-fplugin-arg-%s-facts=%s" % (os.path.basename(PLUGIN)[:-3], facts_dir))
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout,
                             env=dict(os.environ, LC_ALL="C"))
    except subprocess.TimeoutExpired:
        return "", "compilation timed out after %d s" % timeout
    if out.returncode:
        first = next((l for l in out.stderr.splitlines() if ": error: " in l), out.stderr.strip())
        return out.stderr, "GCC could not compile this file: " + first[:200]
    return out.stderr, None


def in_focus(fd, entries):
    """The lock rules' default scope, as the Coccinelle rule's: mm's lock
    classes (catalogue mm_type), or a place in an mm_path file."""
    types = catalogue.names(entries, "mm_type")
    globs = catalogue.names(entries, "mm_path")
    cls = re.match(r"^lock (?:struct |union )?(\w+)", fd.message)
    places = [fd.file] + [n[0] for n in fd.notes]
    return (cls and cls.group(1) in types) or any(
        fnmatch.fnmatch(p, g) or fnmatch.fnmatch(p, "*/" + g) for p in places for g in globs)


def one_arch(fd):
    """Places in two architectures' arch/ trees never meet in one kernel
    (the corpus, or a source tree checked whole, compiles them side by side)."""
    arches = {m.group(1) for p in [fd.file] + [n[0] for n in fd.notes]
              for m in [re.search(r"(?:^|/)arch/([^/]+)/", p)] if m}
    return len(arches) <= 1


def lock_findings(facts, rules, all_locks, extra=("--partial-ok",)):
    """The whole-tree lock analysis over the facts the compilations left:
    facts, a directory (or list of them) of .facts files or of objects
    built with facts=section."""
    ensure_locks()
    dirs = [facts] if isinstance(facts, str) else list(facts)
    out = subprocess.run([LOCKS, "-f", "json"] + list(extra) + dirs,
                         capture_output=True, text=True)
    if out.returncode not in (0, 1):
        raise EngineError("mmcheck-locks failed: " + out.stderr.strip()[-500:])
    by_id = {r.id: r for r in rules}
    entries = catalogue.load_api()
    findings = []
    for d in json.loads(out.stdout)["findings"]:
        rule = by_id.get(d["rule"])
        if not rule:
            continue
        fd = Finding(rule.id, d["file"], d["line"], d["column"], d["message"], "gcc",
                     rule.family, rule.severity)
        fd.notes = [(n["file"], n["line"], n["column"], n["message"]) for n in d["notes"]]
        fd.function = d.get("function", "")
        if one_arch(fd) and (all_locks or in_focus(fd, entries)):
            findings.append(fd)
    return findings


def analyse(rules, files, jobs, timeout, cflags, all_locks=False):
    ensure_plugin()
    by_id = {r.id: r for r in rules}
    sources = [f for f in files if f.endswith(".c")]
    whole = [r for r in rules if r.scope == "run"]
    if whole:
        ensure_locks()
    with tempfile.TemporaryDirectory(prefix="mmcheck-facts-") as facts_dir:
        facts = facts_dir if whole else None
        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            results = list(pool.map(lambda f: compile_one(f, cflags, timeout, facts), sources))
        findings, incomplete = [], []
        for path, (text, problem) in zip(sources, results):
            findings += parse(text, by_id)
            if problem:
                incomplete.append((path, problem))
        if whole and any(n.endswith(".facts") for n in os.listdir(facts_dir)):
            findings += lock_findings(facts_dir, whole, all_locks)
    return findings, incomplete
