"""The clang engine: runs clang-checks/mmcheck-clang (the analysis over
libclang's AST) over each .c file with the compiler flags it is given, as
'make LLVM=1 C=1' would, and reads its diagnostics back (the flow is
compiled.py's).  MMCHECK_CLANG names another build of it (mmcheck-clang-16,
against the oldest libclang it supports)."""
import os
import re
import subprocess

from . import catalogue, compiled

CHECKER_DIR = os.path.join(catalogue.TOP, "clang-checks")
CHECKER = os.environ.get("MMCHECK_CLANG") or os.path.join(CHECKER_DIR, "mmcheck-clang")


def ensure_checker():
    version = os.path.basename(CHECKER).rpartition("-")[2]
    compiled.build(CHECKER_DIR, CHECKER, "mmcheck-clang (needs libclang-19-dev: make deps)",
                   *(["LLVM_VERSION=" + version] if version.isdigit() else []))
    loads()


def loads():
    """mmcheck-clang links libclang: when the library is gone (a package
    removed after the build), one line that says which and what to do,
    not a failure per file."""
    try:
        r = subprocess.run([CHECKER, "--mmcheck-help"], capture_output=True, text=True,
                           errors="replace")
    except OSError as e:
        raise compiled.EngineError("mmcheck-clang cannot run (%s): %s" % (CHECKER, e.strerror))
    if r.returncode == 0:
        return
    line = next((l for l in r.stderr.splitlines() if l.strip()), "exit %d" % r.returncode)
    lib = re.search(r"shared libraries: ([^:]+):", line)
    if lib:
        raise compiled.EngineError("mmcheck-clang cannot load libclang (%s): install it again "
                                   "(make deps), or rebuild mmcheck-clang (make clang)"
                                   % lib.group(1))
    raise compiled.EngineError("mmcheck-clang does not run: " + line)


FACTS_OPTION = compiled.CHECKER_FACTS


def command(cflags):
    return compiled.checker_command(CHECKER, cflags)


def analyse(rules, files, jobs, timeout, cflags, all_locks=False, build=None):
    ensure_checker()
    return compiled.analyse("clang", command(cflags), rules, files, jobs, timeout, all_locks,
                            build, FACTS_OPTION)
