"""mmcheck-bot end to end: a real repository (tests/botrepo.py), the mails
of testdata/bot/ as an mbox, a maildir, one message, stdin, 'b4 am' output
and a public-inbox archive filled by public-inbox-mda; replies compared
byte for byte (apart from Date:) with tests/golden/bot/; SARIF checked by
the official validator; a Patchwork check posted to a local HTTP server.
Run: python3 -m unittest tests/test_bot.py.  MMCHECK_BLESS=1 rewrites the
golden replies (review the diff: a golden reply is a claim)."""
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import unittest
from http.server import BaseHTTPRequestHandler, HTTPServer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from botrepo import BotRepo, expected_base  # noqa: E402

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BOT = os.path.join(TOP, "bin", "mmcheck-bot")
MMCHECK = os.path.join(TOP, "bin", "mmcheck")
DATA = os.path.join(TOP, "testdata", "bot")
GOLDEN = os.path.join(TOP, "tests", "golden", "bot")
SERIES = os.path.join(DATA, "v3-series.mbox")
COVER = "cover.1700100000.git.zoe@example.org"
PATCH2 = "57d26976771368c8be3ef67b8ce4b8ed940f3bdd.1700100000.git.zoe@example.org"
CACHE = os.environ.get("MMCHECK_CACHE", os.path.expanduser("~/.cache/mmcheck"))


def read(path):
    with open(path, "rb") as f:
        return f.read()


def split_mbox(path):
    """The messages of an mbox, without their 'From ' lines."""
    return [m for m in re.split(rb"^From [^\n]*\n", read(path), flags=re.M) if m.strip()]


def sarif_validator():
    for p in (os.path.join(CACHE, "npm", "node_modules", ".bin", "sarif-multitool"),
              shutil.which("sarif-multitool")):
        if p and os.path.exists(p):
            return p
    return None


def undated(data):
    return re.sub(rb"^Date: .*\r?\n", b"Date: DATE\n", data, count=1, flags=re.M)


class Bot(unittest.TestCase):
    def setUp(self):
        self.repo = BotRepo(self)
        self.out = os.path.join(self.repo.dir, "out")

    def bot(self, *args, data=None, cwd=None):
        return subprocess.run([BOT] + list(args), cwd=cwd or self.repo.root, env=self.repo.env,
                              input=data, capture_output=True, timeout=900)

    def worktrees(self):
        return self.repo.git("worktree", "list", "--porcelain").stdout.count("worktree ")

    def replies(self, out=None):
        return sorted(glob.glob(os.path.join(out or self.out, "*.eml")))

    def assertGolden(self, out=None):
        got = self.replies(out)
        names = [os.path.basename(p) for p in got]
        if os.environ.get("MMCHECK_BLESS"):
            os.makedirs(GOLDEN, exist_ok=True)
            for p in got:
                with open(p, "rb") as f, open(os.path.join(GOLDEN, os.path.basename(p)), "wb") as g:
                    g.write(undated(f.read()))
        self.assertEqual(names, sorted(n for n in os.listdir(GOLDEN) if n.endswith(".eml")))
        for p in got:
            with open(p, "rb") as f, open(os.path.join(GOLDEN, os.path.basename(p)), "rb") as g:
                self.assertEqual(undated(f.read()).decode(), g.read().decode(), p)


class Series(Bot):
    def test_base_is_the_tests_own(self):
        self.assertEqual(self.repo.base, expected_base())

    def test_mbox_replies_match_golden(self):
        r = self.bot("--outdir", self.out, SERIES)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn(b"3 patches on %s; 2 new warnings, 2 replies written"
                      % self.repo.base[:12].encode(), r.stdout)
        self.assertGolden()
        self.assertEqual(self.worktrees(), 1)
        with open(glob.glob(os.path.join(self.out, "*-1.check.json"))[0]) as f:
            self.assertEqual(json.load(f)["state"], "success")
        with open(glob.glob(os.path.join(self.out, "*-2.check.json"))[0]) as f:
            chk = json.load(f)
        self.assertEqual((chk["state"], chk["context"]), ("warning", "mmcheck"))
        self.assertTrue(chk["target_url"].startswith("https://lore.kernel.org/r/mmcheck-"))

    def test_reply_shape(self):
        r = self.bot("--outdir", self.out, SERIES)
        with open(self.replies()[0], "rb") as f:
            data = f.read()
        head, body = data.split(b"\n\n", 1)
        self.assertIn(b"\nIn-Reply-To: <%s>\n" % PATCH2.encode(), head)
        self.assertIn(b"\nReferences: <%s>\n <%s>\n" % (COVER.encode(), PATCH2.encode()), head)
        self.assertIn(b"To: =?utf-8?b?", head)                    # RFC 2047 name
        self.assertIn(b"Subject: Re: [PATCH v3 2/3]", head)
        text = body.decode()
        for line in text.splitlines():
            if not re.match(r"^(>>|  )[@ ]\s*\d+\t|^\S+:\d+ |^  \S+:\d+: note:|^patch link:|"
                            r"^        b4 shazam|^\| Closes:", line):
                self.assertLessEqual(len(line), 80, line)
        self.assertIn("New mmcheck warnings:\nmm/memory.c:27 zap_ptes() warn: ", text)
        self.assertIn(">>@  27\t\t\t\t\tpage_remove_rmap(page, vma, false);", text)
        self.assertIn("| Reported-by: mmcheck bot <mmcheck-bot@localhost>", text)
        self.assertEqual(r.returncode, 1)

    def test_long_message_id_stays_an_id(self):
        """Found on 6.12 (tools/check-bot-kernel): a Message-ID longer than a
        header line came out RFC 2047-encoded, which no mail reader threads."""
        long_id = b"20231116030000.%s.%s@mail.example.org" % (b"x" * 60, b"y" * 40)
        data = read(SERIES).replace(PATCH2.encode(), long_id)
        r = self.bot("--dry-run", "-", data=data)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn(b"\nIn-Reply-To: <%s>\n" % long_id, r.stdout)
        self.assertNotIn(b"=?utf-8?q?=3C", r.stdout)

    def test_dry_run_writes_nothing(self):
        r = self.bot("--dry-run", SERIES)
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stdout.count(b"\nSubject: Re: ") + r.stdout.startswith(b"Subject"), 2)
        self.assertFalse(os.path.exists(os.path.join(self.repo.root, "mmcheck-bot.out")))

    def test_stdin_maildir_and_one_message(self):
        msgs = split_mbox(SERIES)
        r = self.bot("--outdir", os.path.join(self.out, "stdin"), "-", data=read(SERIES))
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertGolden(os.path.join(self.out, "stdin"))
        md = os.path.join(self.repo.dir, "Maildir")
        for d in ("cur", "new", "tmp"):
            os.makedirs(os.path.join(md, d))
        for i, m in enumerate(reversed(msgs)):          # arrival order must not matter
            with open(os.path.join(md, "new", "17001000%02d.M%d.host" % (i, i)), "wb") as f:
                f.write(m)
        r = self.bot("--outdir", os.path.join(self.out, "md"), md)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertGolden(os.path.join(self.out, "md"))
        one = os.path.join(self.repo.dir, "one.eml")
        with open(one, "wb") as f:
            f.write(msgs[1])
        r = self.bot("--outdir", os.path.join(self.out, "one"), one)
        self.assertIn(b"not checked: patches 2,3 of 3 missing", r.stdout)
        self.assertEqual(r.returncode, 0, r.stderr)

    def test_sendmail(self):
        sink = os.path.join(self.repo.dir, "sent")
        os.makedirs(sink)
        sendmail = os.path.join(self.repo.dir, "sendmail")
        with open(sendmail, "w") as f:
            f.write("#!/bin/sh\n# a sendmail-compatible sink: -t -oi, the message on stdin\n"
                    "[ \"$1 $2\" = \"-t -oi\" ] || exit 64\n"
                    "cat > \"%s/$(date +%%s%%N).eml\"\n" % sink)
        os.chmod(sendmail, 0o755)
        r = self.bot("--sendmail", "%s -t -oi" % sendmail, SERIES)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn(b"2 replies sent", r.stdout)
        self.assertEqual(len(os.listdir(sink)), 2)
        r = self.bot("--sendmail", "/bin/false", SERIES)
        self.assertEqual(r.returncode, 2)
        self.assertIn(b"--sendmail exited 1", r.stdout)

    def test_sender_rules_and_suppressions(self):
        """--from and git config mmcheck.bot.*; -r narrows the rules (one
        the engine lacks is an error, not a clean run); --suppress."""
        self.repo.git("config", "mmcheck.bot.replyTo", "mm-checks@example.org")
        self.repo.git("config", "mmcheck.bot.tree", "akpm/mm mm-unstable")
        r = self.bot("--dry-run", "--from", "Checker Bot <checker@example.org>", "-r", "lock-bh",
                     SERIES)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn(b"From: Checker Bot <checker@example.org>", r.stdout)
        self.assertIn(b"Reply-To: mm-checks@example.org", r.stdout)
        self.assertIn(b"Message-ID: <mmcheck-", r.stdout)
        self.assertIn(b"@example.org>", r.stdout)
        self.assertIn(b"tree:          akpm/mm mm-unstable", r.stdout)
        self.assertEqual(r.stdout.count(b"New mmcheck warnings:"), 1)     # the lock one only
        self.assertIn(b"1 new warning, 1 reply printed", r.stdout)
        r = self.bot("--dry-run", "-r", "mm-debug", SERIES)
        self.assertEqual(r.returncode, 2)
        self.assertIn(b"engine cocci does not implement mm-debug", r.stderr)
        ledger = os.path.join(self.repo.dir, "judged.ledger")
        with open(ledger, "w") as f:
            f.write("mm-lock-bh-mixed  arch/s390/mm/gmap.c  gmap_attach  false-alarm  "
                    "never in softirq here\n")
        r = self.bot("--dry-run", "--suppress", ledger, SERIES)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn(b"1 new warning, 1 reply printed", r.stdout)
        r = self.bot("--dry-run", "--from", "not an address", SERIES)
        self.assertEqual(r.returncode, 2)
        self.assertIn(b"is not a plain address", r.stderr)

    def test_base_fallbacks(self):
        data = read(SERIES).replace(self.repo.base.encode(), b"0123456789abcdef" * 2 +
                                                 b"01234567")
        r = self.bot("--dry-run", "-", data=data)
        self.assertIn(b"[base-commit 0123456789ab is not in this repository; checked on the bot's "
                      b"HEAD]", r.stdout)
        r = self.bot("--dry-run", "--base", self.repo.base, "-", data=data)
        self.assertIn(b"base given by the bot's --base]", r.stdout)

    def test_not_applying_sends_nothing(self):
        self.repo.write("mm/memory.c", "/* rewritten */\n")
        self.repo.commit("rewrite")
        data = read(SERIES).replace(b"base-commit: " + self.repo.base.encode(), b"")
        r = self.bot("--outdir", self.out, "-", data=data)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertRegex(r.stdout, rb"not applied: patch 1/3 does not apply to [0-9a-f]{12}: ")
        self.assertEqual(self.replies(), [])
        self.assertEqual(self.worktrees(), 1)

    def test_b4_am_output(self):
        b4 = shutil.which("b4")
        if not b4:
            self.skipTest("b4 not installed (make deps)") if not os.environ.get("CI") else \
                self.fail("b4 missing")
        self.repo.git("config", "--global", "user.email", "runner@example.org")
        self.repo.git("config", "--global", "user.name", "Bot Runner")
        outdir = os.path.join(self.repo.dir, "b4")
        os.makedirs(outdir)
        r = subprocess.run([b4, "am", "-m", SERIES, "-o", outdir, COVER], cwd=self.repo.root,
                           env=self.repo.env, capture_output=True, timeout=300)
        self.assertEqual(r.returncode, 0, r.stderr)
        mbx = glob.glob(os.path.join(outdir, "*.mbx"))
        cover = glob.glob(os.path.join(outdir, "*.cover"))
        r = self.bot("--outdir", self.out, cover[0], mbx[0])   # the cover has base-commit:
        self.assertEqual(r.returncode, 1, r.stderr)
        # b4 drops To: and Cc:, so the replies have no Cc:; the rest is the same
        for p in self.replies():
            with open(p, "rb") as f, open(os.path.join(GOLDEN, os.path.basename(p)), "rb") as g:
                self.assertEqual(f.read().split(b"\n\n", 1)[1], g.read().split(b"\n\n", 1)[1])
        self.assertEqual(len(self.replies()), 2)


class Sarif(Bot):
    def validate(self, path):
        tool = sarif_validator()
        if tool is None:
            if os.environ.get("CI"):
                self.fail("sarif-multitool missing: make deps installs it")
            self.skipTest("sarif-multitool not installed (make deps)")
        log = path + ".validation.sarif"
        r = subprocess.run([tool, "validate", path, "-o", log, "--log", "ForceOverwrite"],
                           capture_output=True, text=True, timeout=300)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        with open(log) as f:
            problems = [(x["level"], x["ruleId"], x["message"]) for run in json.load(f)["runs"]
                        for x in run.get("results", []) if x.get("level") in ("error", "warning")]
        self.assertEqual(problems, [])

    def test_bot_sarif(self):
        r = self.bot("--outdir", self.out, "-f", "sarif", SERIES)
        self.assertEqual(r.returncode, 1, r.stderr)
        path = glob.glob(os.path.join(self.out, "*.sarif"))[0]
        with open(path) as f:
            doc = json.load(f)
        self.assertEqual(doc["version"], "2.1.0")
        self.assertEqual([len(run["results"]) for run in doc["runs"]], [0, 1, 1])
        res = doc["runs"][1]["results"][0]
        self.assertEqual(res["ruleId"], "mm-rmap-before-flush")
        self.assertEqual(len(res["codeFlows"][0]["threadFlows"][0]["locations"]), 3)
        self.assertRegex(res["partialFingerprints"]["mmcheck/v1"], "^[0-9a-f]{32}$")
        self.validate(path)

    def test_front_door_sarif(self):
        src = os.path.join(self.repo.dir, "src")
        shutil.copytree(os.path.join(TOP, "testdata", "rmap-tlb"), src)
        out = os.path.join(self.repo.dir, "front.sarif")
        r = subprocess.run([MMCHECK, "-f", "sarif", "-o", out, "--partial-ok", src],
                           capture_output=True, text=True, timeout=900)
        self.assertIn(r.returncode, (0, 1), r.stderr)
        with open(out) as f:
            doc = json.load(f)
        self.assertGreater(len(doc["runs"][0]["results"]), 3)
        self.validate(out)
        self.repo.write("mm/memory.c", read(os.path.join(TOP, "testdata", "rmap-tlb",
                                                         "bug-zap-6.1-shape.c")).decode())
        self.repo.git("add", "-A")
        r = self.repo.mmcheck("--staged", "-f", "sarif")
        self.assertEqual(r.returncode, 1, r.stderr)
        path = os.path.join(self.repo.dir, "staged.sarif")
        with open(path, "w") as f:
            f.write(r.stdout)
        self.validate(path)


class PatchworkHandler(BaseHTTPRequestHandler):
    """Patchwork's REST API as far as the bot uses it, checking what it is sent."""
    seen = []

    def log_message(self, *args):
        pass

    def reply(self, code, doc):
        data = json.dumps(doc).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.headers.get("Authorization") != "Token s3cret":
            return self.reply(403, {"detail": "bad token"})
        m = re.match(r"^/api/1\.1/patches/\?msgid=([^&]+)&project=linux-mm$", self.path)
        if not m:
            return self.reply(404, {})
        from urllib.parse import unquote
        pid = {PATCH2: 102}.get(unquote(m.group(1)), 100)
        self.reply(200, [{"id": pid, "msgid": "<%s>" % unquote(m.group(1))}])

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        ok = (self.headers.get("Authorization") == "Token s3cret" and
              self.headers.get("Content-Type") == "application/json" and
              re.match(r"^/api/1\.1/patches/\d+/checks/$", self.path) and
              set(body) == {"state", "target_url", "context", "description"})
        self.seen.append((self.path, body, bool(ok)))
        self.reply(201 if ok else 400, body)


class Patchwork(Bot):
    def test_post_checks(self):
        server = HTTPServer(("127.0.0.1", 0), PatchworkHandler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        self.addCleanup(server.server_close)
        self.addCleanup(server.shutdown)
        PatchworkHandler.seen = []
        url = "http://127.0.0.1:%d" % server.server_port
        for k, v in (("url", url), ("token", "s3cret"), ("project", "linux-mm")):
            self.repo.git("config", "mmcheck.patchwork." + k, v)
        r = self.bot("--outdir", self.out, SERIES)
        self.assertEqual(r.returncode, 1, r.stderr)
        seen = PatchworkHandler.seen
        self.assertEqual([ok for _, _, ok in seen], [True] * 3)
        self.assertEqual(seen[1][0], "/api/1.1/patches/102/checks/")
        self.assertEqual([b["state"] for _, b, _ in seen], ["success", "warning", "warning"])
        self.repo.git("config", "mmcheck.patchwork.token", "wrong")
        r = self.bot("--outdir", self.out, SERIES)
        self.assertEqual(r.returncode, 2)
        self.assertIn(b"Patchwork: GET patches/: HTTP 403", r.stderr)


class PublicInbox(Bot):
    """A real public-inbox v2 archive: public-inbox-init, messages delivered
    by public-inbox-mda, the bot reading what is new since its last run."""

    def setUp(self):
        super().setUp()
        if not shutil.which("public-inbox-mda"):
            if os.environ.get("CI"):
                self.fail("public-inbox missing: make deps installs it")
            self.skipTest("public-inbox not installed (make deps)")
        self.inbox = os.path.join(self.repo.dir, "inbox")
        self.env = dict(self.repo.env, PI_CONFIG=os.path.join(self.repo.dir, "pi-config"))
        subprocess.run(["public-inbox-init", "-V2", "linux-mm", self.inbox,
                        "http://example.org/linux-mm", "linux-mm@kvack.org"], env=self.env,
                       check=True, capture_output=True)
        subprocess.run(["git", "config", "-f", self.env["PI_CONFIG"],
                        "publicinboxmda.spamcheck", "none"], check=True)
        self.state = os.path.join(self.repo.dir, "bot-state.json")

    def deliver(self, raw):
        subprocess.run(["public-inbox-mda"], input=raw, check=True, capture_output=True,
                       env=dict(self.env, ORIGINAL_RECIPIENT="linux-mm@kvack.org"))

    def watch(self, out):
        return self.bot("--inbox", self.inbox, "--state", self.state, "--outdir", out)

    def test_new_since_last_run(self):
        msgs = split_mbox(SERIES)
        for m in msgs[:3]:                       # the cover and two patches arrive
            self.deliver(m)
        r = self.watch(os.path.join(self.out, "1"))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(b"not checked: patch 3 of 3 missing", r.stdout)
        self.assertIn(b"3 new messages read", r.stderr)
        self.deliver(msgs[3])                    # the last one comes later
        r = self.watch(os.path.join(self.out, "2"))
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn(b"1 new message read", r.stderr)
        self.assertGolden(os.path.join(self.out, "2"))
        r = self.watch(os.path.join(self.out, "3"))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(b"0 new messages read", r.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.out, "3")))
        with open(self.state) as f:
            self.assertEqual(json.load(f)["inboxes"][self.inbox]["pending"], [])


HOSTILE = {   # testdata/bot/hostile/NAME: (exit status, what the log says)
    "absolute-path.eml": (0, b"not applied: patch 1/1 a diff path without its a/ or b/ prefix "
                             b"(/etc/motd)"),
    "dotdot-path.eml": (0, b"not applied: patch 1/1 a path outside the tree or in .git "
                           b"(../../etc/motd)"),
    "dotgit-path.eml": (0, b"a path outside the tree or in .git (.git/hooks/post-checkout)"),
    "symlink.eml": (0, b"not applied: patch 1/1 creates or changes a symbolic link"),
    "malformed-mime.eml": (0, b"not applied: patch 1/1 does not apply to "),
    "no-message-id.eml": (0, b"skipped: no usable Message-ID"),
    "base64-body.eml": (1, b"1 new warning, 1 reply written"),
    "qp-body.eml": (1, b"1 new warning, 1 reply written"),
    "wrong-charset.eml": (1, b"1 new warning, 1 reply written"),
    "forged-base.eml": (1, b"1 patch on 7ba53cfc9bb8 (base-commit 000000000000 is not in this "
                           b"repository; checked on the bot's HEAD)"),
    "crlf-subject.eml": (1, b"1 new warning, 1 reply written"),
}


class Hostile(Bot):
    """The malicious-mail corpus: each gets a clear line, the bot goes on,
    nothing leaks (worktree, temporary files), no header is injected."""

    def setUp(self):
        super().setUp()
        self.tmp = os.path.join(self.repo.dir, "tmp")
        os.makedirs(self.tmp)
        self.repo.env["TMPDIR"] = self.tmp

    def tearDown(self):
        self.assertEqual(os.listdir(self.tmp), [])
        self.assertEqual(self.worktrees(), 1)

    def test_each(self):
        for name, (status, said) in sorted(HOSTILE.items()):
            out = os.path.join(self.out, name)
            r = self.bot("--outdir", out, os.path.join(DATA, "hostile", name))
            self.assertEqual(r.returncode, status, name + r.stderr.decode())
            self.assertIn(said, r.stdout + r.stderr, name)
            self.assertNotIn(b"Traceback", r.stderr)
            for p in self.replies(out):
                head, body = read(p).split(b"\n\n", 1)
                self.assertNotRegex(head, rb"(?im)^bcc:")
                self.assertIn(b"arch/s390/mm/gmap.c:5 gmap_attach() warn: lock struct "
                              b"mm_struct::context.lock taken with BH enabled", body)
        self.assertFalse(os.path.exists("/tmp/owned"))

    def test_all_at_once_and_the_series_still_answered(self):
        big = os.path.join(self.repo.dir, "big.mbox")
        with open(big, "wb") as f:
            f.write(b"From mmcheck Thu Jan  1 00:00:00 1970\n")
            f.write(split_mbox(SERIES)[1].replace(b"\n---\n", b"\n" + b"x" * 1000 + b"\n", 1)
                    .replace(b"\n\n", b"\n\n" + (b"y" * 999 + b"\n") * 53000, 1))
            for m in split_mbox(SERIES):
                f.write(b"From mmcheck Thu Jan  1 00:00:00 1970\n" + m)
            for i in range(500):          # a thread of 500 replies
                f.write(b"From mmcheck Thu Jan  1 00:00:00 1970\nMessage-Id: <r%d@example.org>\n"
                        b"In-Reply-To: <%s>\nFrom: someone@example.org\nSubject: Re: [PATCH v3 "
                        b"2/3] mm: drop the rmap of clean file pages early\n\n> quoted\nreply "
                        b"%d\n\n" % (i, PATCH2.encode(), i))
        self.assertGreater(os.path.getsize(big), 50 << 20)
        hostile = sorted(glob.glob(os.path.join(DATA, "hostile", "*.eml")))
        r = self.bot("--outdir", self.out, *hostile, big)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn(b"big.mbox#1: skipped: larger than 10 MiB", r.stderr)
        self.assertIn(b"[PATCH v3 0/3] mm: zap_ptes() clean-ups: 3 patches on", r.stdout)
        self.assertEqual(r.stdout.count(b"\n"), 11)        # a summary line per series
        self.assertEqual(len(self.replies()), 6 + 2 - 1)    # crlf/forged/3 encodings, the series

    def test_binary_diff(self):
        self.repo.git("checkout", "-q", "-b", "topic")
        self.repo.write("firmware/mm.bin", "\0\1\2binary\0", mode="w")
        self.repo.write("mm/memory.c", read(os.path.join(self.repo.root, "mm/memory.c")).decode()
                        + "/* firmware loaded elsewhere */\n")
        self.repo.commit("mm: add firmware")
        mbox = self.repo.git("format-patch", "--binary", "--thread", "--stdout", "master").stdout
        self.assertIn("GIT binary patch", mbox)
        self.repo.git("checkout", "-q", "master")
        r = self.bot("--outdir", self.out, "-", data=mbox.encode())
        self.assertEqual(r.returncode, 0, r)
        self.assertIn(b"1 patch on %s (no base-commit: trailer; checked on the bot's HEAD); no new "
                      b"warnings" % self.repo.base[:12].encode(), r.stdout)


class Untrusted(Bot):
    """-e gcc runs the patched tree's kbuild: refused without
    --build-untrusted, and with it confined to bubblewrap."""

    def setUp(self):
        super().setUp()
        self.owned = [os.path.join(self.repo.dir, "owned"), os.path.join(self.repo.root, "owned"),
                      "/tmp/mmcheck-owned-%d" % os.getpid()]
        inc = os.path.join(TOP, "testdata", "include")
        self.build = os.path.join(self.repo.dir, "build")
        os.makedirs(self.build)
        with open(os.path.join(self.build, "compile_commands.json"), "w") as f:
            json.dump([{"directory": self.repo.root, "file": "mm/memory.c",
                        "command": "gcc -I %s -include mmcheck-kernel.h -c -o mm/memory.o "
                                   "mm/memory.c" % inc}], f)
        self.repo.write("Makefile", "%.o:\n\t@true\n")
        self.repo.commit("kbuild stand-in")
        self.repo.git("checkout", "-q", "-b", "evil")
        self.repo.write("Makefile", "X := $(shell %s)\n%%.o:\n\t@echo $(X)\n" % "; ".join(
            "echo owned > %s" % p for p in self.owned))
        from test_change import ZAP
        self.repo.write("mm/memory.c", ZAP)
        self.repo.commit("mm: a patch whose Makefile writes outside the tree")
        self.mbox = self.repo.git("format-patch", "--thread", "--stdout", "master").stdout.encode()
        self.repo.git("checkout", "-q", "master")

    def tearDown(self):
        for p in self.owned:
            self.assertFalse(os.path.exists(p), p)

    def test_refused_without_the_flag(self):
        r = self.bot("-e", "gcc", "--build-dir", self.build, "--outdir", self.out, "-",
                     data=self.mbox)
        self.assertEqual(r.returncode, 2)
        self.assertIn(b"add --build-untrusted", r.stderr)

    def test_the_makefile_does_run_without_the_sandbox(self):
        """What the sandbox stops: the front door's --make outside it."""
        self.repo.git("checkout", "-q", "evil")
        r = self.repo.mmcheck("-e", "gcc", "--build-dir", self.build, "--make", "--commit", "evil")
        self.assertEqual(r.returncode, 1, r.stderr)
        for p in self.owned:
            self.assertTrue(os.path.exists(p), p)
            os.unlink(p)

    def test_sandboxed_build(self):
        if not shutil.which("bwrap"):
            if os.environ.get("CI"):
                self.fail("bubblewrap missing: make deps installs it")
            self.skipTest("bubblewrap not installed (make deps)")
        r = self.bot("-e", "gcc", "--build-untrusted", "--build-dir", self.build,
                     "--outdir", self.out, "-", data=self.mbox)
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        body = read(self.replies()[0]).decode()
        self.assertIn("mm/memory.c:26 zap_ptes() warn: rmap of a dirty file page", body)
        self.assertIn("gcc engine", body)
        self.assertEqual(sorted(os.listdir(self.out)), sorted(
            os.path.basename(p) for p in glob.glob(os.path.join(self.out, "*"))))
        self.assertFalse(glob.glob(os.path.join(self.out, ".sandbox-*")))


class Concurrent(Bot):
    def test_two_runs_on_one_repository(self):
        outs = [os.path.join(self.out, str(i)) for i in range(2)]
        procs = [subprocess.Popen([BOT, "--outdir", o, SERIES], cwd=self.repo.root,
                                  env=self.repo.env, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE) for o in outs]
        for p in procs:
            out, err = p.communicate(timeout=900)
            self.assertEqual(p.returncode, 1, err)
        for o in outs:
            self.assertGolden(o)
        self.assertEqual(self.worktrees(), 1)


if __name__ == "__main__":
    unittest.main()
