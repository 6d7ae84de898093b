"""What the compiled engines share: each runs a compiler-like tool per .c
file (GCC with the plugin, or mmcheck-sparse), reads its diagnostics, and
for the whole-run lock rules hands the lock facts the tool wrote to
locks/mmcheck-locks.  The analysis itself is the shared C core (core/)."""
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

LOCKS = os.path.join(catalogue.TOP, "locks", "mmcheck-locks")

DIAG = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<kind>warning|note|error): "
                  r"(?P<text>.*)$")
IN_FUNCTION = re.compile(r"^(?P<file>[^:]+): In function '(?P<fn>[^']+)':$")
RULE = re.compile(r"^(?P<msg>.*) \[(?P<rule>mm-[a-z0-9-]+)\]$")


class EngineError(Exception):
    pass


def build(directory, target, what, *make_args):
    """make in directory, one mmcheck at a time (the corpus runs many at
    once); an EngineError naming what could not be built.  An installed
    mmcheck has no Makefile: there target must have been installed."""
    if os.environ.get("MMCHECK_PREBUILT") and os.path.exists(target):
        return      # built before (the bot's sandbox sees a read-only tree)
    if not os.path.exists(os.path.join(directory, "Makefile")):
        if not os.path.exists(target):
            raise EngineError("%s is not installed (%s): build it and run make install "
                              "again" % (what, target))
        return
    with open(os.path.join(directory, ".build-lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        out = subprocess.run(["make", "-s", "-C", directory] + list(make_args),
                             capture_output=True, text=True)
    if out.returncode:
        raise EngineError("cannot build %s:\n%s" % (what, (out.stderr or out.stdout).strip()))


def parse(text, rules_by_id, engine="gcc"):
    """Findings from gcc-style diagnostics: a warning with a rule ID, then
    its notes."""
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
                cur = Finding(rule.id, where[0], where[1], where[2], r.group("msg"), engine,
                              rule.family, rule.severity)
                cur.function = function
                findings.append(cur)
        elif m.group("kind") == "note" and cur is not None:
            cur.notes.append(where + (m.group("text"),))
    return findings


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


def lock_findings(facts, rules, all_locks, extra=("--partial-ok",), engine="gcc",
                  incomplete=None):
    """The whole-tree analysis over the facts the tools left: facts, a
    directory (or list of them) of .facts files or of objects built with
    the plugin's facts=section.  It reports the lock rules, and what the
    path rules find with the helpers of other files (core/crossunit.c); of
    those, the rules in rules.  A function it could not check whole is
    (file, problem) in incomplete, or an EngineError if there is no list."""
    build(os.path.dirname(LOCKS), LOCKS, "mmcheck-locks")
    dirs = [facts] if isinstance(facts, str) else list(facts)
    out = subprocess.run([LOCKS, "-f", "json"] + list(extra) + dirs,
                         capture_output=True, text=True, errors="surrogateescape")
    if out.returncode not in (0, 1):
        raise EngineError("mmcheck-locks failed: " + out.stderr.strip()[-500:])
    by_id = {r.id: r for r in rules}
    entries = catalogue.load_api()
    findings = []
    for d in json.loads(out.stdout)["findings"]:
        if d["rule"] == "mmcheck-incomplete":
            problem = "%s (%s:%d)" % (d["message"], d["file"], d["line"])
            if incomplete is None:
                raise EngineError(problem)
            incomplete.append((d["file"], problem))
            continue
        rule = by_id.get(d["rule"])
        if not rule:
            continue
        fd = Finding(rule.id, d["file"], d["line"], d["column"], d["message"], engine,
                     rule.family, rule.severity)
        fd.notes = [(n["file"], n["line"], n["column"], n["message"]) for n in d["notes"]]
        fd.function = d.get("function", "")
        if rule.scope == "file" or (one_arch(fd) and (all_locks or in_focus(fd, entries))):
            findings.append(fd)
    return findings


def past_errors(text):
    """The files mmcheck-sparse checked past sparse's own errors, as in a
    C=1 build: what sparse dropped is missing from findings and facts."""
    return sorted(set(l.split(":")[0] for l in text.splitlines()
                      if l.endswith("[mmcheck-incomplete]")))


def run_one(cmd, timeout, what):
    """(diagnostics, problem or None) of one tool run."""
    return run_one_in(cmd, None, timeout, what)


def run_one_in(cmd, cwd, timeout, what):
    """run_one() in the directory cwd (a kernel build's, for its flags)."""
    try:
        # surrogateescape: what the compiler quotes of the source (a BOM,
        # Latin-1) and non-UTF-8 file names come back as they were
        out = subprocess.run(cmd, capture_output=True, text=True, errors="surrogateescape",
                             timeout=timeout, cwd=cwd, env=dict(os.environ, LC_ALL="C"))
    except subprocess.TimeoutExpired:
        return "", "%s timed out after %d s" % (what, timeout)
    first = next((l for l in out.stderr.splitlines() if ": error: " in l), out.stderr.strip())
    if out.returncode:
        return out.stderr, "%s could not check this file: %s" % (what, first[:200])
    if past_errors(out.stderr):
        return out.stderr, "%s checked this file past its errors: %s" % (what, first[:200])
    return out.stderr, None


# A checker program's facts option (mmcheck-sparse, mmcheck-clang).
CHECKER_FACTS = "--mmcheck-facts="


def checker_command(checker, cflags):
    """command(path, facts_dir) for a checker program, as 'make C=1' runs it."""
    def cmd(path, facts_dir):
        return [checker] + ([CHECKER_FACTS + facts_dir] if facts_dir else []) + cflags + [path]
    return cmd


def with_build(engine, build, facts_option):
    """(path, facts_dir) -> (argv, cwd) with the flags the build
    compiled path with (its compile_commands.json or kbuild's .cmd files),
    run from the build's directory as kbuild runs them; (None, reason) for
    a file the build does not compile."""
    from types import SimpleNamespace
    from .change import compiler_argv
    opts = SimpleNamespace(engine=engine, build=build)

    def cmd(path, facts_dir):
        rel = os.path.relpath(os.path.abspath(path), build.root)
        got = build.command(rel)
        if not got:
            return None, "not compiled by the build in %s" % build.dir
        argv = compiler_argv(opts, build.root, got[0], rel, os.path.abspath(path))
        # after the compiler, and after GCC's -fplugin= (its arguments follow it)
        at = 1 + max([i for i, a in enumerate(argv) if a.startswith("-fplugin=")], default=0)
        return argv[:at] + ([facts_option + facts_dir] if facts_dir else []) + argv[at:], got[1]
    return cmd


def analyse(engine, command, rules, files, jobs, timeout, all_locks, build=None,
            facts_option=None):
    """Run command(path, facts_dir) over every .c file, then the lock
    analysis when a whole-run rule is selected.  build: a buildflags.Build
    whose flags each file is compiled with instead (with_build(), which
    gives the engine facts_option + DIR).  A file the build does not
    compile is not analysed, and said so."""
    by_id = {r.id: r for r in rules}
    sources = [f for f in files if f.endswith(".c")]
    # the lock rules, and the path rules' helpers in other files
    whole = [r for r in rules if r.scope == "run" or engine in r.engines]
    with_flags = with_build(engine, build, facts_option) if build else \
        (lambda f, facts: (command(f, facts), None))

    def one(path, facts):
        argv, cwd = with_flags(path, facts)
        return run_one_in(argv, cwd, timeout, engine) if argv else ("", cwd)

    with tempfile.TemporaryDirectory(prefix="mmcheck-facts-") as facts_dir:
        facts = facts_dir if whole else None
        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            results = list(pool.map(lambda f: one(f, facts), sources))
        findings, incomplete = [], []
        for path, (text, problem) in zip(sources, results):
            findings += parse(text, by_id, engine)
            if problem:
                incomplete.append((path, problem))
        if whole and any(n.endswith(".facts") for n in os.listdir(facts_dir)):
            findings += lock_findings(facts_dir, whole, all_locks, engine=engine,
                                      incomplete=incomplete)
    return findings, incomplete
