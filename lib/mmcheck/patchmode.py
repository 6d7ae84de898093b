"""mmcheck --staged, --diff, --commit and --range: which changes to ask the
change engine (change.py) about, and how to print its answers: the new
findings in gcc's format, then one line saying what was checked, how long
it took and, under the hook, how to bypass it."""
import os
import shutil
import sys

from . import VERSION, buildflags, catalogue, change, cocci, compiled, factcache, gitview, ledger
from .cocci import SPATCH, spatch_version
from .findings import format_gcc, format_json

EXIT_CLEAN, EXIT_FOUND, EXIT_ERROR = 0, 1, 2


def changes_asked(root, args):
    """[(label, before Side, after Side)] for the mode in args."""
    T = gitview.Side
    if args.change == "staged":
        return [("index against HEAD", T("tree", gitview.head_or_empty(root)), T("index"))]
    if args.change == "diff":
        try:
            rev = gitview.resolve(root, args.diff)
        except gitview.GitError as e:
            raise gitview.GitError("%s (put PATHs before --diff, or write --diff=REV)" % e)
        return [("working tree against %s" % args.diff, T("tree", rev), T("worktree"))]
    commits = [gitview.resolve(root, args.commit)] if args.change == "commit" else \
        gitview.range_commits(root, args.range)
    out = []
    for c in commits:
        subject = gitview.git(root, "log", "-1", "--format=%s", c).decode("utf-8", "replace")
        out.append(("commit %s (\"%s\")" % (c[:12], subject.strip()[:60]),
                    T("tree", gitview.parent(root, c)), T("tree", c)))
    return out


def shown(fd, root):
    """A finding with its paths relative to the current directory, as an
    editor opening them from here wants them."""
    rel = lambda p: os.path.relpath(os.path.join(root, p))
    fd.file = rel(fd.file)
    fd.notes = [(rel(f), ln, c, t) for f, ln, c, t in fd.notes]
    return fd


def engine_and_build(args, root):
    """The engine to run and, for gcc and sparse, the build whose flags
    they compile with: --build-dir, git config mmcheck.buildDir, or the
    tree itself.  With no build to read, the cocci engine, said in one line."""
    if args.engine == "cocci":
        return "cocci", None
    hint = args.build_dir or gitview.config(root, "mmcheck.buildDir")
    build = buildflags.find(root, hint)
    if build is None:
        print("mmcheck: note: no kernel build to read kbuild's flags from (--build-dir, git "
              "config mmcheck.buildDir, or a build in the tree): checking with the cocci "
              "engine", file=sys.stderr)
        return "cocci", None
    return args.engine, build


def main(args, select_rules, die):
    if not shutil.which(SPATCH):
        die("spatch (Coccinelle) not found; install it with 'make deps' or set SPATCH")
    try:
        rules = select_rules(args)
        baseline = [e for path in args.baseline for e in ledger.load(path)]
        suppress = [e for path in args.suppress for e in ledger.load(path)]
        root = gitview.toplevel()
        asked = changes_asked(root, args)
        engine, build = engine_and_build(args, root)
        cache = factcache.Cache(root, "cocci", spatch_version)
    except (catalogue.CatalogueError, ledger.LedgerError, gitview.GitError) as e:
        die(str(e))
    if engine != args.engine:
        args.engine = engine
        try:
            rules = select_rules(args)
        except catalogue.CatalogueError as e:
            die(str(e))
    if getattr(args, "make", False) and build is not None:
        run_make(root, build, asked)
    paths = [os.path.relpath(os.path.abspath(p), root) for p in args.paths]
    if any(p == ".." or p.startswith("../") for p in paths):
        die("a PATH outside the work tree (%s)" % root)
    opts = change.Options(args.jobs, args.timeout, ("all_locks",) if args.all_locks else (),
                          args.partial_ok, engine, build, [p for p in paths if p != "."])
    status, outcomes = EXIT_CLEAN, []
    for label, before, after in asked:
        try:
            o = change.check(root, before, after, rules, opts, cache, label)
        except (gitview.GitError, cocci.EngineError, compiled.EngineError) as e:
            die(str(e))
        o.new, _ = ledger.suppress(o.new, suppress, ("false-alarm",))
        o.new, _ = ledger.suppress(o.new, baseline, ledger.VERDICTS)
        for fd in o.new + o.fixed:
            shown(fd, root)
        outcomes.append(o)
        status = max(status, report(o, args, len(asked) > 1, root))
    if args.format == "json":
        sys.stdout.write(format_json([fd for o in outcomes for fd in o.new],
                                     [(f, r) for o in outcomes for f, r in o.blocking], 0))
    elif args.format == "sarif":
        from . import sarif
        sys.stdout.write(sarif.log(sarif.run(o.new, rules, o.blocking, engine, VERSION, root,
                                             props={"change": o.label}) for o in outcomes))
    return status


def run_make(root, build, asked):
    """kbuild for the objects of the changed .c files: the tree's own
    Makefiles run (the bot runs this only inside its sandbox).  A failed
    make is a note; the flags the build has are used."""
    import subprocess
    objs = sorted({c.path[:-2] + ".o" for _, before, after in asked
                   for c in gitview.changes(root, before, after) if c.path.endswith(".c")
                   and not c.skip})
    if not objs:
        return
    try:
        r = subprocess.run(["make", "-C", root, "O=" + build.dir, "-k", "-s"] + build.make_args() +
                           objs,
                           capture_output=True, timeout=3600)
    except (OSError, subprocess.TimeoutExpired) as e:
        print("mmcheck: note: make: %s" % e, file=sys.stderr)
        return
    if r.returncode:
        last = r.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        print("mmcheck: note: make O=%s exited %d: %s" % (build.dir, r.returncode, last[0][:160]),
              file=sys.stderr)
    build.__init__(build.root, build.dir)     # read what make wrote


def report(o, args, several, root):
    """Print one change's answer; its exit status."""
    if args.format not in ("json", "sarif"):
        if several and (o.new or o.blocking or (args.show_fixed and o.fixed)):
            print("%s:" % o.label)
        sys.stdout.write(format_gcc(o.new, notes=not args.no_notes))
        if args.show_fixed:
            for fd in o.fixed:
                print("%s:%d:%d: note: fixed by this change: %s [%s]" % (
                    fd.file, fd.line, fd.col, fd.message, fd.rule))
    kind = "warning" if args.partial_ok else "error"
    for f, reason in o.blocking:
        print("%s: %s: %s (a changed line is in it) [mmcheck-incomplete]" % (
            os.path.relpath(os.path.join(root, f)), kind, reason), file=sys.stderr)
    for n in o.notes:
        print("mmcheck: note: %s" % n, file=sys.stderr)
    bypass = "; bypass: git commit --no-verify" if os.environ.get("MMCHECK_HOOK") else ""
    print("mmcheck: %s: %d C file%s checked (%s) in %.1f s: %d new finding%s%s%s" % (
        o.label, o.files, "" if o.files == 1 else "s", args.engine, o.seconds, len(o.new),
        "" if len(o.new) == 1 else "s",
        ", %d fixed" % len(o.fixed) if args.show_fixed else "", bypass), file=sys.stderr)
    if o.blocking and not args.partial_ok:
        return EXIT_ERROR
    return EXIT_FOUND if o.new else EXIT_CLEAN
