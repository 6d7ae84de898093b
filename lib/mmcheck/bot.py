"""mmcheck-bot: answer each patch of a mailing list with the warnings it
introduces, as the 0-day bot does.  The mail is read by mail.py, each
series is applied in a throwaway worktree by apply.py, each patch is
checked against the one before by the change engine (change.py, the same
one behind 'mmcheck --commit' and the pre-commit hook), and the answers
are written by reply.py (mail), sarif.py and patchwork.py.

A run is stateless apart from the optional inbox state (inbox.py), so any
number of runs can share one repository: each has its own worktree, and
the change engine's cache is written atomically.
"""
import hashlib
import os
import shlex
import subprocess
import sys
import time

from . import VERSION, apply, atomic, catalogue, change, factcache, gitview, ledger, mail, patchwork
from . import reply, sandbox, sarif
from .cocci import spatch_version

EXIT_CLEAN, EXIT_FOUND, EXIT_ERROR = 0, 1, 2


def log(text):
    print("mmcheck-bot: %s" % text, file=sys.stderr, flush=True)


def sender_of(root, args):
    """Who the replies come from: --from, else git config mmcheck.bot.*."""
    frm = args.sender or gitview.config(root, "mmcheck.bot.from", "mmcheck bot <mmcheck-bot@localhost>")
    found = mail.addresses([frm])
    if not found:
        raise mail.MailError("the bot's From address (%s) is not a plain address" % frm)
    name, addr = found[0]
    reply_to = gitview.config(root, "mmcheck.bot.replyTo")
    if reply_to and not mail.ADDR_RE.match(reply_to):
        raise mail.MailError("mmcheck.bot.replyTo (%s) is not a plain address" % reply_to)
    return reply.Sender(name or "mmcheck bot", addr, reply_to,
                        gitview.config(root, "mmcheck.bot.archive", "https://lore.kernel.org/r/"),
                        gitview.config(root, "mmcheck.bot.tree"))


class Result:
    """What became of one series: its summary words and its exit status."""

    def __init__(self, series):
        self.series, self.words, self.status = series, [], EXIT_CLEAN
        self.replies = self.warnings = 0


class Bot:
    def __init__(self, args, root, rules):
        self.args, self.root, self.rules = args, root, rules
        self.sender = sender_of(root, args)
        self.cache = factcache.Cache(root, "cocci", spatch_version)
        self.suppress = [e for p in args.suppress for e in ledger.load(p)]
        self.server = None
        url, token = gitview.config(root, "mmcheck.patchwork.url"), gitview.config(root, "mmcheck.patchwork.token")
        if url and token:
            self.server = patchwork.Server(url, token, gitview.config(root, "mmcheck.patchwork.project"))
        self.tool = {"version": VERSION, "engine_version": self.engine_version()}

    def engine_version(self):
        if self.args.engine == "cocci":
            return "spatch %s" % (spatch_version() or "?")
        return "%s, kbuild's flags" % self.args.engine

    def run(self, series):
        status = EXIT_CLEAN
        with apply.Worktree(self.root, sparse=self.args.engine == "cocci") as wt:
            for s in series:
                t0 = time.monotonic()
                r = Result(s)
                try:
                    self.one(s, wt, r)
                except (gitview.GitError, sandbox.SandboxError, OSError) as e:
                    r.words.append("failed: %s" % e)
                    r.status = EXIT_ERROR
                except Exception as e:   # one series' bug must not stop the others
                    r.words.append("failed: internal error: %s: %s" % (type(e).__name__, e))
                    r.status = EXIT_ERROR
                print("mmcheck-bot: %s: %s (%.1f s)" % (s.name, "; ".join(r.words),
                                                       time.monotonic() - t0), flush=True)
                status = max(status, r.status)
        return status

    def base(self, s):
        """(commit, how it was chosen) for a series."""
        if s.base:
            try:
                return gitview.resolve(self.root, s.base), "base from the series' base-commit: trailer"
            except gitview.GitError:
                missing = "base-commit %s is not in this repository" % s.base[:12]
        else:
            missing = "no base-commit: trailer"
        if self.args.base:
            return gitview.resolve(self.root, self.args.base), "%s; base given by the bot's " \
                "--base" % missing
        return gitview.resolve(self.root, "HEAD"), "%s; checked on the bot's HEAD" % missing

    def one(self, s, wt, r):
        if s.missing:
            r.words.append("not checked: patch%s %s of %d missing" % (
                "es" if len(s.missing) > 1 else "", ",".join(map(str, s.missing)),
                s.ordered[0].total))
            return
        for p in s.ordered:
            why = apply.unsafe(p.body)
            if why:
                r.words.append("not applied: patch %d/%d %s" % (p.number, p.total, why))
                return
        base, how = self.base(s)
        done = self.apply_and_check(s, wt, base, r)
        if done is None:
            return
        commits, outcomes = done
        r.words.append("%d patch%s on %s%s" % (len(commits), "es" if len(commits) > 1 else "",
                                               base[:12], "" if s.base and how.startswith("base from")
                                               else " (%s)" % how))
        parents = [base] + commits[:-1]
        runs, stem = [], "%s" % hashlib.sha1(s.first.msgid.encode()).hexdigest()[:12]
        for p, parent, commit, o in zip(s.ordered, parents, commits, outcomes):
            runs.append(sarif.run(o.new, self.rules, o.blocking, self.args.engine, VERSION,
                                  wt.path, commit, {"patch": p.msgid}))
            self.answer(s, p, wt, parent, commit, base, how, o, "%s-%d" % (stem, p.number), r)
        if self.args.format == "sarif":
            self.write("%s.sarif" % stem, sarif.log(runs).encode())
        if not r.warnings:
            r.words.append("no new warnings")
        else:
            r.words.append("%d new warning%s, %d repl%s %s" % (
                r.warnings, "" if r.warnings == 1 else "s", r.replies,
                "y" if r.replies == 1 else "ies",
                "printed" if self.args.dry_run else
                "sent" if self.args.sendmail else "written"))

    def apply_and_check(self, s, wt, base, r):
        """(commits, Outcomes) of a series applied on base, or None when a
        patch does not apply (said in r).  cocci reads the patches from
        git, so each is checked (against the one before) while the next
        applies; the compiled engines build the worktree, so they wait for
        the whole series."""
        from concurrent.futures import ThreadPoolExecutor
        wt.reset(base, set().union(*(apply.diff_paths(p.body) for p in s.ordered)))
        commits, pending = [], []
        with ThreadPoolExecutor(max_workers=max(1, self.args.jobs)) as pool:
            for p in s.ordered:
                try:
                    commits.append(wt.am(p.raw, p.number))
                except apply.ApplyError as e:
                    for f in pending:
                        f.cancel()
                    r.words.append("not applied: patch %d/%d does not apply to %s: %s"
                                   % (p.number, p.total, base[:12], e))
                    return None
                if self.args.engine == "cocci":
                    pending.append(pool.submit(self.check, wt, p, (base, *commits)[-2],
                                               commits[-1]))
            if self.args.engine != "cocci":
                pending = [pool.submit(self.check, wt, *x)
                           for x in zip(s.ordered, [base] + commits[:-1], commits)]
            return commits, [f.result() for f in pending]

    def check(self, wt, p, parent, commit):
        a = self.args
        opts = change.Options(a.jobs, a.timeout, ("all_locks",) if a.all_locks else (),
                              a.partial_ok, a.engine, None, from_git=True)
        label = "patch %d/%d" % (p.number, p.total)
        if a.engine != "cocci":
            o = sandbox.check_compiled(a, wt.path, parent, commit, label, self.rules)
        else:
            o = change.check(wt.path, gitview.Side("tree", parent),
                             gitview.Side("tree", commit), self.rules, opts, self.cache, label)
        o.new, _ = ledger.suppress(o.new, self.suppress, ("false-alarm",))
        return o

    def answer(self, s, p, wt, parent, commit, base, how, o, name, r):
        """The reply, the Patchwork check and the log lines of one patch."""
        for n in o.notes:
            log("%s: patch %d/%d: note: %s" % (p.where, p.number, p.total, n))
        if o.blocking:
            for f, why in o.blocking:
                log("%s: patch %d/%d: %s: not fully analysed: %s [mmcheck-incomplete]"
                    % (p.where, p.number, p.total, f, why))
            r.words.append("patch %d/%d not fully analysed" % (p.number, p.total))
            if not self.args.partial_ok:
                r.status = EXIT_ERROR
        c = self.checked(s, p, wt, parent, commit, base, how, o) if o.new else None
        if o.blocking and not self.args.partial_ok:
            chk = patchwork.check("fail", "not fully analysed: %s" % o.blocking[0][0])
        elif o.new:
            chk = patchwork.check("warning", "%d new mmcheck warning%s" % (
                len(o.new), "" if len(o.new) == 1 else "s"),
                reply.link(self.sender, reply.reply_id(c, self.sender)) + "/")
        elif o.blocking:      # --partial-ok: not a failure, never a success either
            chk = patchwork.check("warning", "no new mmcheck warnings, but not fully analysed: %s"
                                  % o.blocking[0][0])
        else:
            chk = patchwork.check("success", "no new mmcheck warnings")
        if c is not None:
            self.deliver(reply.compose(c, self.sender, self.tool), name + ".eml")
            r.warnings += len(o.new)
            r.replies += 1
            r.status = max(r.status, EXIT_FOUND)
        self.post(p, chk, name, r)

    def checked(self, s, p, wt, parent, commit, base, how, o):
        files = {}
        for path in sorted({fd.file for fd in o.new}):
            old = _show(wt.path, parent, path)
            new = _show(wt.path, commit, path)
            d = change.FileDiff(old, new)
            files[path] = (d.new_lines, d.added)
        return reply.Checked(p, s, commit, base, how, o.new, files, self.args.engine)

    def deliver(self, data, name):
        if self.args.dry_run:
            sys.stdout.write(data.decode("utf-8", "replace"))
            return
        if self.args.sendmail:
            try:
                out = subprocess.run(shlex.split(self.args.sendmail), input=data,
                                     capture_output=True, timeout=120)
            except (OSError, subprocess.TimeoutExpired) as e:
                raise OSError("--sendmail: %s" % e)
            if out.returncode:
                raise OSError("--sendmail exited %d: %s" % (
                    out.returncode, out.stderr.decode("utf-8", "replace").strip()[:200]))
            return
        self.write(name, data)

    def post(self, p, chk, name, r):
        if self.args.dry_run:
            return
        self.write(name + ".check.json", (patchwork_json(chk)).encode())
        if self.server is not None:
            try:
                pid = self.server.post(p.msgid, chk)
                log("%s: patch %d/%d: Patchwork check '%s' posted to patch %d"
                    % (p.where, p.number, p.total, chk["state"], pid))
            except patchwork.PatchworkError as e:
                log("%s: patch %d/%d: Patchwork: %s" % (p.where, p.number, p.total, e))
                r.status = EXIT_ERROR

    def write(self, name, data):
        """A file in the output directory, replaced whole or not at all."""
        os.makedirs(self.args.outdir, exist_ok=True)
        atomic.write(os.path.join(self.args.outdir, name), data)


def patchwork_json(chk):
    import json
    return json.dumps(chk, indent=2, sort_keys=True) + "\n"


def _show(root, commit, path):
    out = gitview.git(root, "cat-file", "blob", "%s:%s" % (commit, path), check=False)
    return out if out else None


def parsed(items):
    """Message objects of (where, raw, origin) items; unreadable ones logged."""
    for where, raw, origin in items:
        try:
            m = mail.Message(raw, where)
        except Exception as e:   # the email package's many ways to give up
            log("%s: skipped: unreadable message (%s)" % (where, type(e).__name__))
            continue
        m.origin = origin
        yield m


def from_sources(sources, stdin):
    for src in sources:
        for where, raw in mail.read(src, stdin, log):
            yield where, raw, None


def main(args, stdin):
    """Run the bot as args say; its exit status."""
    root = gitview.toplevel(args.repo)
    rules = catalogue.rules_for(args.engine, args.rules)
    bot = Bot(args, root, rules)
    if not args.inbox:
        series = mail.series_of(parsed(from_sources(args.sources, stdin)), log)
        return finish(bot.run(series), series)
    from . import inbox
    with inbox.State(args.state) as state:
        mine = state.of(args.inbox)
        waited = len(mine.get("pending", []))
        items = inbox.new_messages(args.inbox, mine)
        series = mail.series_of(parsed(items), log)
        status = bot.run(series)
        waiting = [m.origin for s in series if s.missing for m in [s.cover] + s.ordered
                   if m is not None and m.origin]
        mine["pending"] = waiting[-inbox.PENDING_MAX:]
        if status < EXIT_ERROR or args.partial_ok:
            state.save()
        else:
            log("%s: not updated: a series failed; the next run reads its messages again"
                % args.state)
        fresh = len(items) - waited
        log("%s: %d new message%s read%s" % (args.inbox, fresh, "" if fresh == 1 else "s",
                                             ", %d waiting from before" % waited if waited else ""))
    return finish(status, series)


def finish(status, series):
    log("%d series checked; exit %d" % (len(series), status))
    return status
