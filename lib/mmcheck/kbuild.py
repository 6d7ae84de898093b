"""Building part of a kernel tree out of tree, with and without the mmcheck
GCC plugin: what the plugin's kernel check and its benchmark share."""
import collections
import hashlib
import os
import subprocess
import sys
import tempfile

from . import catalogue

PLUGIN = os.path.join(catalogue.TOP, "gcc-plugin", "mmcheck.so")


class BuildError(Exception):
    pass


def make(tree, out, *args, env=None):
    cmd = ["make", "-s", "-C", tree, "O=" + out] + list(args)
    return subprocess.run(cmd, capture_output=True, text=True, env=env)


def configure(tree, out, arch="x86_64", cross="", llvm=""):
    """defconfig with CONFIG_WERROR off (a finding must not stop the build),
    then 'prepare', so that timing covers only the directory built.  llvm:
    kbuild's LLVM= ("-19": clang-19, ld.lld-19...), for a clang build."""
    os.makedirs(out, exist_ok=True)
    extra = (["ARCH=" + arch] + (["CROSS_COMPILE=" + cross] if cross else []) +
             (["LLVM=" + llvm] if llvm else []))
    for step in (["defconfig"], None, ["olddefconfig"], ["prepare"]):
        if step is None:
            r = subprocess.run([os.path.join(tree, "scripts", "config"), "--file",
                                os.path.join(out, ".config"), "--disable", "WERROR"],
                               capture_output=True, text=True)
        else:
            r = make(tree, out, *(extra + step))
        if r.returncode:
            raise BuildError("%s: %s failed:\n%s" % (tree, step or "scripts/config",
                                                      r.stderr[-2000:]))
    return extra


# Runs one command and prints its wall time, the CPU time (user + system)
# of all its descendants and the largest RSS among them; a process of its
# own per build, since RUSAGE_CHILDREN only ever grows within one process.
MEASURE = ("import resource, subprocess, sys, time\n"
           "t = time.monotonic()\n"
           "rc = subprocess.run(sys.argv[1:]).returncode\n"
           "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
           "print('MMCHECK-MEASURE', time.monotonic() - t, u.ru_utime + u.ru_stime,"
           " u.ru_maxrss, rc)\n")

# One measured run: wall seconds, CPU seconds, peak RSS in MB, its stderr.
Run = collections.namedtuple("Run", "secs cpu peak err")


def plugin_for(cross=""):
    """The plugin built for the compiler kbuild will run: the host gcc's,
    or for CROSS_COMPILE the one built against that cross compiler.  Made
    first either way: a plugin older than the core it links would write
    facts the analysis reads differently (a catalogue row the old core
    does not know as the analysis's drops call edges)."""
    make = ["make", "-s", "-C", os.path.join(catalogue.TOP, "gcc-plugin")]
    if not cross:
        subprocess.run(make, check=True)
        return PLUGIN
    major = subprocess.run([cross + "gcc", "-dumpversion"], capture_output=True,
                           text=True).stdout.strip().split(".")[0]
    gcc = "%sgcc-%s" % (cross, major)
    subprocess.run(make + ["TARGET_GCC=" + gcc], check=True)
    return os.path.join(catalogue.TOP, "gcc-plugin", gcc, "mmcheck.so")


def plugin_flags(so):
    """Load the plugin with its lock facts on, as a whole-tree run uses it."""
    return "-fplugin=%s -fplugin-arg-mmcheck-facts=section" % so


def measure(cmd, what, ok=(0,), log=None):
    """Run cmd and measure it (a Run).  ok: the exit codes that are not a
    failure.  log: a file its stderr is appended to as it goes (a run cut
    short keeps what it said), and Run.err is all of that file."""
    with open(log, "a") if log else open(os.devnull) as err:
        r = subprocess.run([sys.executable, "-c", MEASURE] + cmd, stdout=subprocess.PIPE,
                           stderr=err if log else subprocess.PIPE, text=True,
                           env=dict(os.environ, LC_ALL="C"))
    if log:
        with open(log, errors="replace") as f:
            r.stderr = f.read()
    line = [l for l in r.stdout.splitlines() if l.startswith("MMCHECK-MEASURE ")]
    if not line:
        raise BuildError("%s: no measurement:\n%s" % (what, r.stderr[-3000:]))
    _, secs, cpu, rss, rc = line[-1].split()
    if int(rc) not in ok:
        raise BuildError("%s failed:\n%s" % (what, r.stderr[-3000:]))
    return Run(float(secs), float(cpu), int(rss) // 1024, r.stderr)


def build_dir(tree, out, subdir, extra, plugin, jobs):
    """Build subdir; return its Run (peak: the largest compiler).  The
    objects are removed first so every file is compiled.  plugin: False, or
    True for gcc-plugin/mmcheck.so, or the path of another build of it."""
    for root, _, names in os.walk(os.path.join(out, subdir)):
        for n in names:
            if n.endswith(".o"):
                os.unlink(os.path.join(root, n))
    kcflags = plugin_flags(plugin_for() if plugin is True else plugin) if plugin else ""
    return measure(["make", "-s", "-C", tree, "O=" + out] + extra +
                   ["-j%d" % jobs, "KCFLAGS=" + kcflags, subdir + "/"], "building " + subdir)


def check_dir(tree, out, subdir, extra, checker, jobs, cf="", kcflags=""):
    """make C=2 CHECK=checker over subdir, whose objects are up to date, so
    only the checker runs: its Run (peak: the largest checker).  kcflags:
    the KCFLAGS the objects were built with (a plugin build's), so that
    kbuild sees them up to date."""
    run = measure(["make", "-s", "-C", tree, "O=" + out] + extra +
                  ["-j%d" % jobs, "C=2", "CHECK=" + checker, "CF=" + cf,
                   "KCFLAGS=" + kcflags, subdir + "/"],
                  "checking %s with %s" % (subdir, checker))
    # Newer kernels test the checker first (scripts/checker-valid.sh) and,
    # when it fails, build on with a warning and check nothing.
    if "is not available or not up to date" in run.err:
        raise BuildError("checking %s: the kernel refused %s as too old a sparse "
                         "(scripts/checker-valid.sh), so nothing was checked" % (subdir, checker))
    return run


def applicable(out, rules):
    """The rules that apply to the configuration built in out: where the
    mmu_gather never defers a TLB flush (catalogue no_deferred_flush, s390)
    the rmap-tlb family has no deferred clear to start from."""
    try:
        with open(os.path.join(out, ".config")) as f:
            config = f.read()
    except OSError:
        return rules
    off = {e.keys.get("off") for e in catalogue.load_api() if e.kind == "no_deferred_flush" and
           "\n%s=y\n" % e.name in "\n" + config}
    return [r for r in rules if r.family not in off]


def text_of(obj, objcopy="objcopy"):
    """The .text section of one object, prefixed by objcopy's exit status.
    Into a file: objcopy's binary output to /dev/stdout on a pipe comes out
    empty, or not, as it pleases (every .text then looks "equal")."""
    with tempfile.TemporaryDirectory(prefix="mmcheck-text-") as tmp:
        dump = os.path.join(tmp, "text.bin")
        r = subprocess.run([objcopy, "-O", "binary", "--only-section=.text", obj, dump],
                           capture_output=True)
        text = b""
        if r.returncode == 0 and os.path.exists(dump):
            with open(dump, "rb") as f:
                text = f.read()
        return b"%d:" % r.returncode + text


def text_sections(out, subdir, objcopy="objcopy"):
    """{object: sha256 of its .text} of every object built under subdir."""
    found = {}
    for root, _, names in os.walk(os.path.join(out, subdir)):
        for n in names:
            if n.endswith(".o") and not n.endswith(".mod.o"):
                obj = os.path.join(root, n)
                found[os.path.relpath(obj, out)] = hashlib.sha256(
                    text_of(obj, objcopy)).hexdigest()
    return found
