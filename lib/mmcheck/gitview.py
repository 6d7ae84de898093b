"""What a change is, in git's terms: the two sides to compare (a commit, the
index, the working tree, or nothing before the first commit), the C files
that differ between them, and their contents.  Only git plumbing, run with
argument lists (never a shell); paths come back from git relative to the
top of the work tree and are checked before anything is written under them.
"""
import os
import subprocess

EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"
C_FILES = (".c", ".h")


class GitError(Exception):
    pass


def git(root, *args, data=None, check=True):
    """git's standard output (bytes); GitError with its message on failure."""
    try:
        out = subprocess.run(["git", "-C", root] + list(args), input=data, capture_output=True)
    except OSError as e:
        raise GitError("cannot run git: %s" % e.strerror)
    if check and out.returncode:
        raise GitError(out.stderr.decode("utf-8", "replace").strip() or
                       "git %s failed" % args[0])
    return out.stdout


def config(root, key, default=None):
    """A git config value of the repository at root, or default."""
    out = git(root, "config", "--get", key, check=False).decode("utf-8", "replace").strip()
    return out or default


def toplevel(cwd="."):
    """The top of the work tree around cwd, or GitError."""
    try:
        out = subprocess.run(["git", "-C", cwd, "rev-parse", "--show-toplevel"],
                             capture_output=True, text=True)
    except OSError as e:
        raise GitError("cannot run git: %s" % e.strerror)
    if out.returncode or not out.stdout.strip():
        raise GitError("not inside a git work tree (%s)" % os.path.abspath(cwd))
    return out.stdout.strip()


def resolve(root, rev):
    """The commit id of rev, or GitError."""
    out = git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", rev + "^{commit}",
              check=False)
    if not out.strip():
        raise GitError("'%s' is not a commit" % rev)
    return out.decode().strip()


def parent(root, commit):
    """A commit's first parent, or the empty tree for a root commit (a merge
    is checked against its first parent, as 'git log -p --first-parent')."""
    out = git(root, "rev-parse", "--verify", "--quiet", commit + "^1", check=False)
    return out.decode().strip() or EMPTY_TREE


def head_or_empty(root):
    out = git(root, "rev-parse", "--verify", "--quiet", "HEAD", check=False)
    return out.decode().strip() or EMPTY_TREE


def range_commits(root, spec):
    """The commits of A..B, oldest first (merges included)."""
    if ".." not in spec:
        raise GitError("--range takes A..B")
    out = git(root, "rev-list", "--reverse", "--end-of-options", spec)
    return out.decode().split()


class Side:
    """One side of a change: kind 'tree' (a commit or tree id), 'index' or
    'worktree'."""

    def __init__(self, kind, rev=None):
        self.kind, self.rev = kind, rev

    def __str__(self):
        return {"index": "the index", "worktree": "the working tree"}.get(
            self.kind, (self.rev or "")[:12])


class Change:
    """One file that differs: paths before and after (None when it did not
    exist), blob ids, and why it is skipped if it is."""

    def __init__(self, status, old, new, old_blob, new_blob, old_mode, new_mode):
        self.status, self.old, self.new = status, old, new
        self.old_blob, self.new_blob = old_blob, new_blob
        self.old_mode, self.new_mode = old_mode, new_mode
        self.skip = None

    @property
    def path(self):
        return self.new or self.old


def _diff_args(before, after):
    if after.kind == "index":
        return ["diff-index", "--cached", before.rev]
    if after.kind == "worktree":
        return ["diff-index", before.rev]
    return ["diff-tree", "-r", before.rev, after.rev]


def changes(root, before, after, paths=()):
    """The files that differ between two sides (only under paths, relative
    to root, when given), renames paired (git's default similarity), each
    marked skip when it is not a C file, a submodule, a symlink or unsafe
    to write."""
    spec = ["--"] + [":(top,literal)" + p for p in paths] if paths else []
    raw = git(root, *_diff_args(before, after), "-z", "-M", *spec)
    fields = raw.split(b"\0")
    out, i = [], 0
    while i < len(fields) - 1:
        meta = fields[i].decode()
        if not meta.startswith(":"):
            i += 1
            continue
        old_mode, new_mode, old_blob, new_blob, status = meta[1:].split()
        if status[0] in "RC":
            old, new = fields[i + 1], fields[i + 2]
            i += 3
        else:
            old = new = fields[i + 1]
            i += 2
        old, new = old.decode("utf-8", "surrogateescape"), new.decode("utf-8", "surrogateescape")
        c = Change(status[0], None if status[0] == "A" else old,
                   None if status[0] == "D" else new, old_blob, new_blob, old_mode, new_mode)
        c.skip = _skip_reason(c)
        out.append(c)
    return out


def _skip_reason(c):
    if not any(p and p.endswith(C_FILES) for p in (c.old, c.new)):
        return "not a C file"
    for mode in (c.old_mode, c.new_mode):
        if mode == "160000":
            return "a submodule"
        if mode == "120000":
            return "a symbolic link"
    if not all(safe_path(p) for p in (c.old, c.new) if p):
        return "a path that leaves the tree"
    return None


def safe_path(path):
    """A path git gave may be written under a work directory: relative, no
    '..' component, no '.git' component."""
    parts = path.split("/")
    return bool(path) and not os.path.isabs(path) and \
        not any(p in ("", ".", "..") or p.lower() == ".git" for p in parts)


def commit_files(root, parent, files, message, env=None):
    """A commit on parent with files ({path: bytes, or None to delete})
    written, made by plumbing alone (no checkout, no index of the user's
    touched): the benchmarks and kernel checks make their patches so."""
    import tempfile
    fd, index = tempfile.mkstemp(prefix="mmcheck-index-")
    os.close(fd)
    os.unlink(index)
    env = dict(env or os.environ, GIT_INDEX_FILE=index)
    run = lambda *a, data=None: subprocess.run(["git", "-C", root] + list(a), input=data,
                                               env=env, check=True, capture_output=True).stdout
    try:
        run("read-tree", parent)
        for path, data in sorted(files.items()):
            if data is None:
                run("update-index", "--force-remove", "--", path)
                continue
            blob = run("hash-object", "-w", "--stdin", data=data).decode().strip()
            run("update-index", "--add", "--cacheinfo", "100644,%s,%s" % (blob, path))
        tree = run("write-tree").decode().strip()
        return run("commit-tree", tree, "-p", parent, "-m", message).decode().strip()
    except subprocess.CalledProcessError as e:
        raise GitError(e.stderr.decode("utf-8", "replace").strip())
    finally:
        if os.path.exists(index):
            os.unlink(index)


def read_blobs(root, blobs):
    """{blob id: bytes} through one 'git cat-file --batch'."""
    blobs = [b for b in dict.fromkeys(blobs) if b and set(b) != {"0"}]
    if not blobs:
        return {}
    out = git(root, "cat-file", "--batch", data=("\n".join(blobs) + "\n").encode())
    got, pos = {}, 0
    for b in blobs:
        end = out.index(b"\n", pos)
        header = out[pos:end].split()
        if len(header) < 3 or header[1] != b"blob":
            raise GitError("%s is not a blob" % b)
        size = int(header[2])
        got[b] = out[end + 1:end + 1 + size]
        pos = end + 1 + size + 1
    return got


def content(root, side, change, which):
    """The bytes of one side of a change ('old' or 'new'); None when that
    side has no such file."""
    path = change.old if which == "old" else change.new
    if path is None:
        return None
    if which == "new" and side.kind == "worktree":
        try:
            with open(os.path.join(root, path), "rb") as f:
                return f.read()
        except OSError:
            return None
    blob = change.old_blob if which == "old" else change.new_blob
    if set(blob) == {"0"}:
        blob = git(root, "ls-files", "-s", "--", path).split()[1].decode()
    return read_blobs(root, [blob])[blob]


def list_files(root, side, paths=None):
    """{path: blob id} of the C files on one side (a tree or the index);
    of paths only, when given (a tree)."""
    if side.kind == "tree":
        if side.rev == EMPTY_TREE:
            return {}
        spec = ["--"] + [":(top,literal)" + p for p in paths] if paths is not None else []
        if paths is not None and not paths:
            return {}
        raw = git(root, "ls-tree", "-r", "-z", "--full-tree", side.rev, *spec)
        rows = (r.split(b"\t", 1) for r in raw.split(b"\0") if r)
        files = {}
        for meta, path in rows:
            mode, kind, blob = meta.split()
            p = path.decode("utf-8", "surrogateescape")
            if kind == b"blob" and mode in (b"100644", b"100755"):
                if p.endswith(C_FILES):
                    files[p] = blob.decode()
        return files
    raw = git(root, "ls-files", "-s", "-z")
    files = {}
    for r in raw.split(b"\0"):
        if not r:
            continue
        meta, path = r.split(b"\t", 1)
        mode, blob, stage = meta.split()
        p = path.decode("utf-8", "surrogateescape")
        if mode in (b"100644", b"100755") and p.endswith(C_FILES):
            files[p] = blob.decode()
    return files


def dirty(root, rev):
    """The paths whose working-tree content differs from rev's (or the
    index's when rev is None), and those a sparse checkout left off the
    disk (skip-worktree): all of them are read from git, not from disk."""
    args = ["diff-index", "--name-only", "-z", rev] if rev else ["diff-files", "--name-only", "-z"]
    out = {p.decode("utf-8", "surrogateescape") for p in git(root, *args).split(b"\0") if p}
    for row in git(root, "ls-files", "-t", "-z").split(b"\0"):
        if row.startswith(b"S "):
            out.add(row[2:].decode("utf-8", "surrogateescape"))
    return out
