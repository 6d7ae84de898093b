"""mmcheck hook install | uninstall: the git pre-commit hook.

The hook goes where git runs hooks ('git rev-parse --git-path hooks', so
core.hooksPath and worktrees are honoured).  A pre-commit hook already
there is kept beside it, byte for byte, and run after mmcheck; uninstall
puts it back exactly.  Settings live in git config, read by the hook each
time, so they change without reinstalling:

    mmcheck.engine     the engine (default cocci)
    mmcheck.rules      rule IDs or families, as -r takes them
    mmcheck.warnOnly   true: report, never block the commit
"""
import os
import shlex

from . import gitview

MARK = "# mmcheck pre-commit hook"
CHAINED = "pre-commit.mmcheck-chained"

SCRIPT = """#!/bin/sh
%(mark)s: written by 'mmcheck hook install', removed by
# 'mmcheck hook uninstall'.  Settings: git config mmcheck.engine,
# mmcheck.rules, mmcheck.warnOnly.  Skip once: git commit --no-verify.
MMCHECK_HOOK=1
export MMCHECK_HOOK
engine=$(git config --get mmcheck.engine || echo cocci)
rules=$(git config --get mmcheck.rules)
%(mmcheck)s --staged -e "$engine" ${rules:+-r "$rules"}
status=$?
if [ $status -ne 0 ] && [ "$(git config --type=bool --get mmcheck.warnOnly)" = true ]; then
	echo "mmcheck: mmcheck.warnOnly is set: not blocking this commit" >&2
	status=0
fi
chained="$(dirname "$0")/%(chained)s"
if [ $status -eq 0 ] && [ -x "$chained" ]; then
	"$chained" "$@"
	status=$?
fi
exit $status
"""


class HookError(Exception):
    pass


def hooks_dir(root):
    d = gitview.git(root, "rev-parse", "--git-path", "hooks").decode().strip()
    return d if os.path.isabs(d) else os.path.join(root, d)


def ours(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return MARK in f.read(4096)
    except OSError:
        return False


def install(root, mmcheck, engine=None, rules=None, warn_only=False):
    """Write the hook (chaining one that is there); set what was asked in
    git config.  Returns the hook's path."""
    d = hooks_dir(root)
    hook = os.path.join(d, "pre-commit")
    os.makedirs(d, exist_ok=True)
    if os.path.lexists(hook) and not ours(hook):
        if os.path.lexists(os.path.join(d, CHAINED)):
            raise HookError("%s exists: a hook was chained already" % os.path.join(d, CHAINED))
        os.rename(hook, os.path.join(d, CHAINED))
    tmp = hook + ".mmcheck-tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(SCRIPT % {"mark": MARK, "mmcheck": shlex.quote(mmcheck), "chained": CHAINED})
    os.chmod(tmp, 0o755)
    os.replace(tmp, hook)
    for key, value in (("mmcheck.engine", engine), ("mmcheck.rules", rules)):
        if value:
            gitview.git(root, "config", key, value)
    if warn_only:
        gitview.git(root, "config", "mmcheck.warnOnly", "true")
    return hook


def uninstall(root):
    """Remove the hook and put back what it chained.  Returns what it did."""
    d = hooks_dir(root)
    hook, chained = os.path.join(d, "pre-commit"), os.path.join(d, CHAINED)
    if not ours(hook):
        raise HookError("%s is not mmcheck's hook: left alone" % hook)
    if os.path.lexists(chained):
        os.replace(chained, hook)
        return "restored the hook it chained: %s" % hook
    os.unlink(hook)
    return "removed %s" % hook
