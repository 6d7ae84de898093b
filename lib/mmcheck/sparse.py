"""The sparse engine: runs sparse-checks/mmcheck-sparse (a checker linked
against Debian's libsparse) over each .c file, as 'make C=1' would, and
reads its diagnostics back (the flow is compiled.py's)."""
import os

from . import catalogue, compiled

CHECKER_DIR = os.path.join(catalogue.TOP, "sparse-checks")
CHECKER = os.path.join(CHECKER_DIR, "mmcheck-sparse")


def ensure_checker():
    compiled.build(CHECKER_DIR, CHECKER, "mmcheck-sparse (needs sparse's source: make deps)")


FACTS_OPTION = compiled.CHECKER_FACTS


def command(cflags):
    return compiled.checker_command(CHECKER, cflags)


def analyse(rules, files, jobs, timeout, cflags, all_locks=False, build=None):
    ensure_checker()
    return compiled.analyse("sparse", command(cflags), rules, files, jobs, timeout, all_locks,
                            build, FACTS_OPTION)
