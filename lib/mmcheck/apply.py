"""Applying a stranger's series without touching the user's checkout: one
throwaway worktree per bot run ('git worktree add --detach' in a temporary
directory), reset to each series' base, 'git am -3' patch by patch, and
removed when the run ends, also on an error or an interrupt.

Before git sees a patch, its diff headers are read here: a path that is
absolute, climbs out with '..', names '.git', or a symbolic link the patch
would create refuses the whole series with a one-line reason.  git has its
own checks; these come first so the reason is ours and nothing is written.
git runs with the repository's hooks switched off and a fixed identity:
nothing the user configured for their own commits runs on a patch.
"""
import os
import re
import shutil
import tempfile

from . import gitview

PATH_LINE = re.compile(r"^(?:diff --git (?P<a>\S+) (?P<b>\S+)|(?:---|\+\+\+) (?P<f>\S+)"
                       r"|(?:rename|copy) (?:from|to) (?P<r>.+)"
                       r"|(?:new file|deleted file|new|old) mode (?P<mode>\d+))\s*$", re.M)
IDENTITY = ["-c", "user.name=mmcheck-bot", "-c", "user.email=mmcheck-bot@localhost",
            "-c", "core.hooksPath=/dev/null", "-c", "commit.gpgSign=false",
            "-c", "am.keepcr=false", "-c", "core.autocrlf=false"]


class ApplyError(Exception):
    pass


def _headers(body):
    """(path in the tree or None, why it may not be applied or None) of
    each path a diff's headers name."""
    for m in PATH_LINE.finditer(body):
        if m.group("mode") == "120000":
            yield None, "creates or changes a symbolic link"
        for g in ("a", "b", "f", "r"):
            path = m.group(g)
            if not path or path == "/dev/null":
                continue
            if g in ("a", "b", "f"):
                if path[:2] not in ("a/", "b/"):
                    yield None, "a diff path without its a/ or b/ prefix (%s)" % path[:80]
                    continue
                path = path[2:]
            if not gitview.safe_path(path):
                yield None, "a path outside the tree or in .git (%s)" % path[:80]
            else:
                yield path, None


def unsafe(body):
    """Why the diff in a patch's text may not be applied, or None."""
    return next((why for _, why in _headers(body) if why), None)


def diff_paths(body):
    """The paths in the tree a patch's diff names (old and new)."""
    return {path for path, why in _headers(body) if path}


def _pattern(path):
    """A sparse-checkout line matching exactly path (gitignore syntax)."""
    return "/" + re.sub(r"([\\*?\[\]!# ])", r"\\\1", path)


class Worktree:
    """A detached worktree of root, in a directory of its own; use with
    'with'.  git's own record of it goes too when it is closed.

    sparse: only the files a series touches are written to disk (a sparse
    checkout set for this worktree alone, through '-c core.sparseCheckout'
    and its own info/sparse-checkout: the repository's config is not
    touched).  The change engine reads every other file from git.  On 6.12
    a whole checkout took 11.6 to 16.7 s and its removal 5.3 to 11.6 s on
    this project's 2-core machine; the sparse one 0.2 s.  The compiled
    engines build the tree, so they get the whole checkout."""

    def __init__(self, root, sparse=False):
        self.root, self.sparse = root, sparse
        self.dir = tempfile.mkdtemp(prefix="mmcheck-bot-")
        self.path = os.path.join(self.dir, "tree")
        self.mail = os.path.join(self.dir, "mail")
        os.mkdir(self.mail)
        self.made = False

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def git(self, *args, data=None, check=True):
        sparse = ["-c", "core.sparseCheckout=true"] if self.sparse else []
        return gitview.git(self.path, *IDENTITY, *sparse, *args, data=data, check=check)

    def reset(self, base, paths=()):
        """The worktree at base, clean, whatever the last series left;
        sparse, it holds only paths on disk."""
        if self.sparse:
            return self._reset_sparse(base, paths)
        if not self.made:
            gitview.git(self.root, "worktree", "add", "--detach", "--quiet", self.path, base)
            self.made = True
            return
        # files a series added are tracked, so checking out the base removes
        # them; 'git am' leaves nothing untracked ('git clean' over a kernel
        # costs a second a series)
        self.git("am", "--abort", check=False)
        self.git("checkout", "--quiet", "--detach", "--force", base)

    def _reset_sparse(self, base, paths):
        if not self.made:
            gitview.git(self.root, "worktree", "add", "--detach", "--quiet", "--no-checkout",
                        self.path, base)
            self.made = True
        else:
            self.git("am", "--abort", check=False)
            self.git("update-ref", "--no-deref", "HEAD", base)
        gitdir = self.git("rev-parse", "--absolute-git-dir").decode().strip()
        os.makedirs(os.path.join(gitdir, "info"), exist_ok=True)
        with open(os.path.join(gitdir, "info", "sparse-checkout"), "w", encoding="utf-8",
                  errors="surrogateescape") as f:
            f.write("".join(_pattern(p) + "\n" for p in sorted(paths)) or "!/*\n")
        self.git("read-tree", "--reset", "-u", "HEAD")

    def am(self, raw, n):
        """Apply one patch mail with 'git am -3'; the new commit's id, or
        ApplyError with git's first line of complaint."""
        path = os.path.join(self.mail, "%04d.eml" % n)
        with open(path, "wb") as f:
            f.write(raw)
        try:
            self.git("am", "-3", "--quiet", "--no-gpg-sign", path)
        except gitview.GitError as e:
            self.git("am", "--abort", check=False)
            if "cannot convert" not in str(e):
                raise ApplyError(_first_line(str(e)))
            # a charset git does not know: the message's bytes as they are
            try:
                self.git("am", "-3", "--quiet", "--no-gpg-sign", "--no-utf8", path)
            except gitview.GitError as e:
                self.git("am", "--abort", check=False)
                raise ApplyError(_first_line(str(e)))
        return self.git("rev-parse", "HEAD").decode().strip()

    def close(self):
        if self.made:
            gitview.git(self.root, "worktree", "remove", "--force", self.path, check=False)
            gitview.git(self.root, "worktree", "prune", check=False)
        shutil.rmtree(self.dir, ignore_errors=True)


def _first_line(text):
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith(("hint:", "Applying:", "Using index info")):
            return line[:160]
    return "git am failed"
