"""Ledgers match findings by identity, not by line (lib/mmcheck/fingerprint.py):
an edit above a finding, a point release or a rebase moves lines and changes
nothing else; a renamed function or a changed lock class is a new finding.
Run: python3 -m unittest tests/test_ledger.py (make check-driver)."""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(TOP, "lib"))
from mmcheck import fingerprint, ledger  # noqa: E402
from mmcheck.findings import Finding  # noqa: E402

MMCHECK = os.path.join(TOP, "bin", "mmcheck")
LOCKS = os.path.join(TOP, "testdata", "lock-bh", "bug-s390-context-lock")
MIGRATE = os.path.join(TOP, "testdata", "undo-pair", "bug-try-to-migrate-6.1.c")
CLASS = "struct mm_struct::context.lock"


def run(*args, cwd):
    return subprocess.run([MMCHECK] + list(args), capture_output=True, text=True, cwd=cwd,
                          timeout=600)


def edit(path, old, new, count=-1):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace(old, new, count))


def shift(path, lines=40):
    edit(path, "", "")   # fail early on a missing file
    with open(path, encoding="utf-8") as f:
        text = f.read()
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n" * lines + text)


def finding(line, function="f", message="lock %s taken with BH enabled here" % CLASS):
    fd = Finding("mm-lock-bh-mixed", "a.c", line, 9, message, "cocci")
    fd.function = function
    return fd


class Fingerprint(unittest.TestCase):
    def test_message_key_is_the_catalogues(self):
        self.assertEqual(fingerprint.message_key("mm-lock-bh-mixed", finding(1).message), CLASS)
        self.assertEqual(fingerprint.message_key(
            "mm-undo-missing", "abort path after swap_duplicate() succeeded does not undo it"),
            "swap_duplicate")
        self.assertEqual(fingerprint.message_key("mm-debug", "BH on"), "BH on")

    def test_occurrence_in_line_order(self):
        fds = fingerprint.number([finding(30), finding(10), finding(20, "g")])
        self.assertEqual([fd.occurrence for fd in fds], [2, 1, 1])
        self.assertTrue(fingerprint.fingerprint(fds[0]).endswith("|2"))
        self.assertEqual(len(fingerprint.digest(fds[0])), 32)

    def test_align_keeps_order_and_leaves_the_added_one(self):
        same = lambda x: x
        self.assertEqual(fingerprint.align([10, 20], [50, 60], same, same), [(0, 0), (1, 1)])
        # a finding added between the two: the old ones keep their partners
        self.assertEqual(fingerprint.align([10, 20], [50, 55, 60], same, same), [(0, 0), (1, 2)])
        self.assertEqual(fingerprint.align([10, 20, 30], [12, 31], same, same), [(0, 0), (2, 1)])

    def test_pinned_entries_take_one_finding_each(self):
        entries = [ledger.Entry("mm-lock-bh-mixed", "a.c", ln, "f", "real", "r", "l:%d" % ln)
                   for ln in (10, 20)]
        fds = [finding(50), finding(55), finding(60)]
        unexplained, missing, m = ledger.compare(fds, entries)
        self.assertEqual(([fd.line for fd in unexplained], missing), ([55], []))
        self.assertEqual(sorted((e.line, fd.line) for e, fd in m.moved()), [(10, 50), (20, 60)])


class Shifted(unittest.TestCase):
    """A copy of a corpus case, judged into a ledger, then edited."""

    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="mmcheck-ledger-")
        self.addCleanup(shutil.rmtree, self.dir)
        self.tree = os.path.join(self.dir, "tree")
        shutil.copytree(LOCKS, self.tree)
        shutil.copy(MIGRATE, self.tree)
        r = run("-f", "ledger", "-o", os.path.join(self.dir, "base.ledger"), ".", cwd=self.tree)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.ledger = os.path.join(self.dir, "base.ledger")

    def expect(self):
        return run("--expect", self.ledger, ".", cwd=self.tree)

    def test_baseline_after_a_shift(self):
        for f in ("gmap.c", "tlbflush.h", "bug-try-to-migrate-6.1.c"):
            shift(os.path.join(self.tree, f))
        r = run("--baseline", self.ledger, ".", cwd=self.tree)
        self.assertEqual((r.returncode, r.stdout), (0, ""), r.stderr)
        r = self.expect()
        self.assertEqual(r.returncode, 0, r.stdout)
        self.assertIn("5 findings, 5 in the ledger", r.stdout)
        self.assertIn("moved: gmap.c:6 -> 46 gmap_attach()", r.stdout)
        self.assertIn("moved: bug-try-to-migrate-6.1.c:20 -> 60 migrate_one()", r.stdout)

    def test_renamed_function_is_new(self):
        edit(os.path.join(self.tree, "gmap.c"), "gmap_detach", "gmap_unlink")
        r = run("--baseline", self.ledger, ".", cwd=self.tree)
        self.assertEqual(r.returncode, 1)
        self.assertIn("gmap.c:13:9: warning: lock %s" % CLASS, r.stdout)
        self.assertIn("1 unexpected, 1 missing", self.expect().stdout)

    def test_changed_lock_class_is_new(self):
        for f in ("gmap.c", "pgalloc.c", "tlbflush.h"):
            edit(os.path.join(self.tree, f), "context.lock", "context.pgste_lock")
        r = self.expect()
        self.assertEqual(r.returncode, 1)
        self.assertIn("3 unexpected, 3 missing", r.stdout)

    def test_added_finding_between_two_of_one_identity(self):
        edit(os.path.join(self.tree, "bug-try-to-migrate-6.1.c"),
             "set_huge_pte_at(mm, address, ptep, pteval, 0);	/* BUG */",
             "set_huge_pte_at(mm, address, ptep, pteval, 0);	/* BUG */\n"
             "\t\tif (huge > 1)\n\t\t\tset_pte_at(mm, address, ptep, pteval);\n", 1)
        shift(os.path.join(self.tree, "bug-try-to-migrate-6.1.c"), 3)
        # which of the three is the new one only the patch mode's diff can
        # tell: lines alone say two moved alike and one is extra
        r = self.expect()
        self.assertIn("1 unexpected, 0 missing", r.stdout)

    def test_refresh_writes_the_new_lines(self):
        shift(os.path.join(self.tree, "gmap.c"), 7)
        edit(self.ledger, "baseline: not judged yet", "judged: s390 context.lock", 1)
        r = run("ledger", "refresh", self.ledger, ".", cwd=self.tree)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertIn("refreshed; 5 findings, 0 unexpected, 0 missing", r.stdout)
        with open(self.ledger, encoding="utf-8") as f:
            text = f.read()
        self.assertIn("gmap.c:13", text)
        self.assertIn("gmap.c:20", text)
        self.assertIn("judged: s390 context.lock", text)
        self.assertNotIn("moved:", self.expect().stdout)

    def test_refresh_keeps_what_no_longer_matches(self):
        edit(os.path.join(self.tree, "gmap.c"), "gmap_detach", "gmap_unlink")
        with open(self.ledger, encoding="utf-8") as f:
            before = f.read()
        r = run("ledger", "refresh", self.ledger, ".", cwd=self.tree)
        self.assertEqual(r.returncode, 1)
        self.assertIn("missing: mm-lock-bh-mixed gmap.c:13 gmap_detach", r.stdout)
        with open(self.ledger, encoding="utf-8") as f:
            self.assertEqual(f.read(), before)


class KernelCheckRefresh(unittest.TestCase):
    def test_mmcheck_refresh_rewrites_the_ledger(self):
        """The kernel checks' ledger.check() with MMCHECK_REFRESH=1 brings
        lines and keys to the findings, keeping the reason."""
        from unittest import mock
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "k.ledger")
            with open(path, "w") as f:
                f.write("# judged\nmm-lock-bh-mixed a.c:10 f false-alarm no softirq user\n")
            entries = ledger.load(path)
            with mock.patch.dict(os.environ, {"MMCHECK_REFRESH": "1"}):
                with mock.patch("sys.stdout"):
                    bad = ledger.check([finding(50)], entries, "LOCKS", path, tree=d)
            self.assertFalse(bad)
            with open(path) as f:
                text = f.read()
        self.assertIn("a.c:50 f {%s} false-alarm no softirq user" % CLASS, text)
        self.assertTrue(text.startswith("# judged\n"))


class KernelVersion(unittest.TestCase):
    def test_version_lines(self):
        with tempfile.TemporaryDirectory() as d:
            with open(os.path.join(d, "Makefile"), "w") as f:
                f.write("# SPDX\nVERSION = 6\nPATCHLEVEL = 12\nSUBLEVEL = 118\nEXTRAVERSION =\n")
            path = os.path.join(d, "k.ledger")
            with open(path, "w") as f:
                f.write("# kernel-version: 6.12.57\n")
            self.assertEqual(ledger.tree_version(d), "6.12.118")
            self.assertEqual(ledger.kernel_version(path), "6.12.57")
            lines = ledger.version_lines(path, d)
            self.assertEqual(len(lines), 2)
            self.assertIn("judged on Linux 6.12.57", lines[1])


class BadLedgers(unittest.TestCase):
    """A ledger is input: whatever it holds, one line and exit 2."""

    def bad(self, content):
        with tempfile.NamedTemporaryFile("wb", suffix=".ledger") as f:
            f.write(content)
            f.flush()
            r = run("--baseline", f.name, MIGRATE, cwd=TOP)
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertNotIn("Traceback", r.stderr)
        self.assertTrue(r.stderr.startswith("mmcheck: error: "), r.stderr)

    def test_not_utf8(self):
        self.bad(b"mm-undo-missing a.c f real caf\xe9\n")

    def test_binary(self):
        self.bad(bytes(range(256)) * 4)

    def test_huge_line_number(self):
        self.bad(b"mm-undo-missing a.c:" + b"9" * 5000 + b" f real r\n")

    def test_bad_occurrence_and_key(self):
        self.bad(b"mm-undo-missing a.c f#x real r\n")
        self.bad(b"mm-undo-missing a.c f {unclosed real r\n")


if __name__ == "__main__":
    unittest.main()
