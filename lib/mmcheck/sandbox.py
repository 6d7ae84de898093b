"""Running what a stranger's patch controls inside bubblewrap.

The gcc and sparse engines compile the patched tree with its kbuild's
flags, and with 'mmcheck --make' they first run the patched Makefiles for
the changed objects: code from the patch.  The bot runs that whole check
(the front door's change mode, '--commit C -f json') inside bwrap: every
file system read-only, /tmp private, no network or other namespaces shared,
a copy of the build directory inside the bot's output directory the only
writable path, and address-space, file-size and CPU limits from prlimit.
What comes out is the JSON report, read as data.
"""
import json
import os
import shutil
import subprocess

from . import catalogue, gitview
from .change import Outcome
from .findings import Finding

HIDDEN = ("/root", "/home", "/etc/ssh", "/etc/shadow", "/etc/gshadow", "/var/mail", "/run/user")
MEMORY = 4 << 30           # address space of each process in the sandbox
FILE_SIZE = 1 << 30        # the largest file it may write


class SandboxError(Exception):
    pass


def bwrap_argv(binds_ro, binds_rw, cwd, cpu_seconds):
    """bwrap and prlimit around a command: what may be read, what written."""
    if not shutil.which("bwrap"):
        raise SandboxError("--build-untrusted needs bubblewrap (bwrap): make deps installs it")
    argv = ["bwrap", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc",
            "--tmpfs", "/tmp"]
    # what a compiler told to '#include "/root/.ssh/id_rsa"' must not find
    for d in HIDDEN:
        if os.path.isdir(d):
            argv += ["--tmpfs", d]
        elif os.path.exists(d):
            argv += ["--ro-bind", "/dev/null", d]
    for d in binds_ro:
        argv += ["--ro-bind", d, d]
    for d in binds_rw:
        argv += ["--bind", d, d]
    argv += ["--unshare-all", "--die-with-parent", "--new-session", "--chdir", cwd,
             "--setenv", "HOME", binds_rw[0], "--setenv", "TMPDIR", "/tmp",
             "--setenv", "MMCHECK_PREBUILT", "1", "--",
             "prlimit", "--as=%d" % MEMORY, "--fsize=%d" % FILE_SIZE, "--cpu=%d" % cpu_seconds,
             "--"]
    return argv


def check_compiled(args, tree, parent, commit, label, rules):
    """The change engine's Outcome of one patch (parent..commit in the
    worktree tree) under gcc or sparse, run in the sandbox."""
    from . import gccplugin, sparse
    gccplugin.ensure_plugin() if args.engine == "gcc" else sparse.ensure_checker()
    scratch = os.path.abspath(os.path.join(args.outdir, ".sandbox-%d" % os.getpid()))
    shutil.rmtree(scratch, ignore_errors=True)
    build = os.path.join(scratch, "build")
    try:
        shutil.copytree(args.build_dir, build, symlinks=True)
        common = gitview.git(tree, "rev-parse", "--path-format=absolute",
                             "--git-common-dir").decode().strip()
        repo = os.path.dirname(common.rstrip("/"))
        cmd = [os.path.join(catalogue.TOP, "bin", "mmcheck"), "-e", args.engine, "--build-dir",
               build, "--make", "--commit", commit, "-f", "json", "-j", str(args.jobs),
               "--timeout", str(args.timeout), "-r", ",".join(r.id for r in rules)]
        if args.partial_ok:
            cmd.append("--partial-ok")
        argv = bwrap_argv([repo, tree, catalogue.TOP], [scratch], tree, args.timeout * 4) + cmd
        try:
            r = subprocess.run(argv, capture_output=True, timeout=args.timeout * 4 + 60)
        except subprocess.TimeoutExpired:
            raise SandboxError("%s: the sandboxed check took longer than %d s"
                               % (label, args.timeout * 4 + 60))
        return outcome(r, label, parent, commit)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def outcome(r, label, parent, commit):
    """An Outcome from the sandboxed front door's JSON report and notes."""
    err = r.stderr.decode("utf-8", "replace")
    try:
        doc = json.loads(r.stdout.decode("utf-8", "replace"))
        if r.returncode not in (0, 1, 2) or not isinstance(doc, dict):
            raise ValueError
    except ValueError:
        last = err.strip().splitlines()[-1:] or ["no output"]
        raise SandboxError("%s: the sandboxed check failed (exit %d): %s"
                           % (label, r.returncode, last[0][:200]))
    o = Outcome(label)
    o.new = [Finding.from_dict(d) for d in doc.get("findings", [])]
    o.blocking = [(i["file"], i["reason"]) for i in doc.get("incomplete", [])]
    o.notes = [line[len("mmcheck: note: "):] for line in err.splitlines()
               if line.startswith("mmcheck: note: ")]
    return o
