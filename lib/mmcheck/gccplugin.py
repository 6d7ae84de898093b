"""The GCC engine: compiles each .c file with the mmcheck plugin loaded and
reads GCC's own diagnostics back (the flow is compiled.py's).  The plugin
translates GIMPLE into the shared C core (gcc-plugin/, core/)."""
import os

from . import catalogue, compiled
from .compiled import EngineError, lock_findings, parse  # noqa: F401 (tools use them)

PLUGIN_DIR = os.path.join(catalogue.TOP, "gcc-plugin")
GCC = os.environ.get("MMCHECK_GCC", "gcc")
# One plugin per compiler: a plugin only loads into the GCC it was built for.
# Each is named mmcheck.so (GCC cuts a plugin's option name at its first '-').
PLUGIN = os.path.join(PLUGIN_DIR, "mmcheck.so" if GCC == "gcc" else
                      os.path.join(os.path.basename(GCC), "mmcheck.so"))


def ensure_plugin():
    """Build the plugin when it is missing or older than its sources."""
    compiled.build(PLUGIN_DIR, PLUGIN, "the GCC plugin", "TARGET_GCC=" + GCC)


FACTS_OPTION = "-fplugin-arg-mmcheck-facts="


def command(cflags):
    def cmd(path, facts_dir):
        facts = [FACTS_OPTION + facts_dir] if facts_dir else []
        return [GCC, "-c", "-o", os.devnull, "-fdiagnostics-plain-output",
                "-fplugin=" + PLUGIN] + facts + cflags + [path]
    return cmd


def analyse(rules, files, jobs, timeout, cflags, all_locks=False, build=None):
    ensure_plugin()
    return compiled.analyse("gcc", command(cflags), rules, files, jobs, timeout, all_locks,
                            build, FACTS_OPTION)
