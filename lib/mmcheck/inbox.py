"""Watching a list the way kernel people mirror one: a public-inbox
archive (v2: INBOX/git/N.git epochs; v1: the inbox is one bare git
repository), cloned from lore with 'public-inbox-clone' or 'grok-pull', or
filled locally by 'public-inbox-mda'.  Each message is a commit whose tree
holds it as the blob 'm'.

A state file remembers, per inbox and epoch, the last commit read, and
the messages of series still waiting for their other patches; a run reads
only what is new since then.  The file is replaced atomically after a run
and locked while one runs, so two bots on one state never read the same
message twice and a crash loses nothing but the run in progress.
"""
import fcntl
import json
import os
import re

from . import atomic, gitview

EPOCH_RE = re.compile(r"^(\d+)\.git$")
PENDING_MAX = 2000


class InboxError(Exception):
    pass


def epochs(inbox):
    """[(name, git dir)] of a v2 inbox in order, or the v1 inbox itself."""
    top = os.path.join(inbox, "git")
    if os.path.isdir(top):
        found = sorted((int(m.group(1)), n) for n in os.listdir(top)
                       for m in [EPOCH_RE.match(n)] if m)
        return [(n, os.path.join(top, n)) for _, n in found]
    if os.path.isfile(os.path.join(inbox, "HEAD")):
        return [("v1", inbox)]
    raise InboxError("%s: not a public-inbox archive (no git/N.git, no HEAD)" % inbox)


def _git(gitdir, *args, data=None, check=True):
    return gitview.git(".", "--git-dir=" + gitdir, *args, data=data, check=check)


def _messages(gitdir, commits):
    """[(commit, raw message)] of commits that add a message (blob 'm')."""
    if not commits:
        return []
    out = _git(gitdir, "cat-file", "--batch", data="".join("%s:m\n" % c for c in commits).encode())
    got, pos = [], 0
    for c in commits:
        end = out.index(b"\n", pos)
        header = out[pos:end].split()
        if len(header) >= 2 and header[1] == b"missing":
            pos = end + 1
            continue                   # a deletion or another kind of commit
        size = int(header[2])
        got.append((c, out[end + 1:end + 1 + size]))
        pos = end + 1 + size + 1
    return got


class State:
    """The state file, locked from open to close; use with 'with'."""

    def __init__(self, path):
        self.path = os.path.abspath(path)
        self.lock = open(self.path + ".lock", "a")
        fcntl.flock(self.lock, fcntl.LOCK_EX)
        try:
            with open(self.path, encoding="utf-8") as f:
                self.data = json.load(f)
        except FileNotFoundError:
            self.data = {}
        except (OSError, ValueError) as e:
            self.lock.close()
            raise InboxError("%s: unreadable state (%s); move it away to start over"
                             % (path, e))
        if not isinstance(self.data.get("inboxes", {}), dict):
            self.lock.close()
            raise InboxError("%s: not an mmcheck-bot state file" % path)
        self.data.setdefault("inboxes", {})

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.lock.close()

    def of(self, inbox):
        return self.data["inboxes"].setdefault(os.path.abspath(inbox),
                                               {"epochs": {}, "pending": []})

    def save(self):
        atomic.write(self.path, json.dumps(self.data, indent=1, sort_keys=True), durable=True)


def new_messages(inbox, mine):
    """[(where, raw, origin)] of the pending messages, then those new since
    the last run, oldest first; mine (the inbox's state) gets the new tips."""
    out = []
    by_epoch = {}
    for epoch, commit in mine.get("pending", []):
        by_epoch.setdefault(epoch, []).append(commit)
    for name, gitdir in epochs(inbox):
        tip = _git(gitdir, "rev-parse", "--verify", "--quiet", "HEAD", check=False).decode().strip()
        if not tip:
            continue
        last = mine["epochs"].get(name)
        spec = ["%s..%s" % (last, tip)] if last else [tip]
        fresh = _git(gitdir, "rev-list", "--reverse", *spec).decode().split()
        old = [c for c in by_epoch.get(name, []) if re.match(r"^[0-9a-f]{40,64}$", c)]
        for c, raw in _messages(gitdir, old + fresh):
            out.append(("%s:%s:%s" % (os.path.basename(inbox.rstrip("/")), name, c[:12]), raw,
                        [name, c]))
        mine["epochs"][name] = tip
    return out
