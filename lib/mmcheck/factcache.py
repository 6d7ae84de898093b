"""The change mode's cache: what the checks found in one version of one
file, kept by git's blob id, so that a tree is read once and each later
check reads only the files a change touched.

It lives in the repository's common git directory (shared by worktrees,
untouched by branch switches: a blob is the same on every branch), under
one folder per engine signature (the catalogue, the rules and the
semantic patches, and the engine's version): a change to any of them
starts a new folder and never reads stale results.  Each entry is one
small JSON file written to a temporary name and renamed into place, so
two checks at once never see half an entry; the worst they do is compute
the same entry twice.
"""
import hashlib
import json
import os

from . import atomic, catalogue, gitview


def blob_id(data):
    """git's blob id of data (what 'git hash-object' prints)."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def _digest_files(h, top):
    for root, dirs, names in os.walk(top):
        dirs.sort()
        for n in sorted(names):
            if n.endswith((".cocci", ".tsv")):
                with open(os.path.join(root, n), "rb") as f:
                    h.update(n.encode() + b"\0" + f.read())


FORMAT = 2   # of the entries: a new layout must not read old ones


def signature(engine, version):
    """What the cached results depend on besides the file itself."""
    h = hashlib.sha256(("%s %s %d\0" % (engine, version, FORMAT)).encode())
    _digest_files(h, os.path.join(catalogue.TOP, "catalogue"))
    _digest_files(h, os.path.join(catalogue.TOP, "semantic-patches"))
    return h.hexdigest()[:16]


class Cache:
    """version: a function that names the engine's version, asked only when
    the cache is first used (a change with no C file never asks)."""

    def __init__(self, root, engine, version):
        self.root, self.engine, self.version = root, engine, version
        self._dir = None
        self.hits = self.misses = 0

    @property
    def dir(self):
        if self._dir is None:
            common = gitview.git(self.root, "rev-parse", "--git-common-dir").decode().strip()
            common = os.path.join(self.root, common) if not os.path.isabs(common) else common
            sig = signature(self.engine, self.version())
            self._dir = os.path.join(common, "mmcheck", "%s-%s" % (self.engine, sig))
        return self._dir

    def _path(self, kind, key):
        name = hashlib.sha256(json.dumps(key).encode("utf-8", "surrogateescape")).hexdigest()
        return os.path.join(self.dir, kind, name[:2], name + ".json")

    def get(self, kind, key):
        try:
            with open(self._path(kind, key), encoding="utf-8") as f:
                value = json.load(f)
        except (OSError, ValueError):
            self.misses += 1
            return None
        self.hits += 1
        return value

    def put(self, kind, key, value):
        path = self._path(kind, key)
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            atomic.write(path, json.dumps(value))
        except OSError:
            pass   # a cache that cannot be written only costs time
