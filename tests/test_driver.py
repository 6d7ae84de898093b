"""Driver behaviour that the corpus cannot show: exit codes, bad input,
atomic output, suppressions and the ledger.  Run: python3 -m unittest
tests/test_driver.py (make check-driver)."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MMCHECK = os.path.join(TOP, "bin", "mmcheck")
CASE = os.path.join(TOP, "testdata", "undo-pair", "bug-try-to-unmap-6.1.c")
CLEAN = os.path.join(TOP, "testdata", "undo-pair", "ok-remap-added.c")


def run(*args, cwd=None, env=None):
    return subprocess.run([MMCHECK] + list(args), capture_output=True, text=True,
                          cwd=cwd, env=env, timeout=600)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


class ExitCodes(unittest.TestCase):
    def test_clean_is_0(self):
        r = run(CLEAN)
        self.assertEqual((r.returncode, r.stdout), (0, ""))

    def test_finding_is_1_in_gcc_format(self):
        r = run(CASE)
        self.assertEqual(r.returncode, 1)
        first = r.stdout.splitlines()[0]
        self.assertRegex(first, r"^.*bug-try-to-unmap-6\.1\.c:\d+:\d+: warning: .* \[mm-undo-missing\]$")
        self.assertIn(": note: ", r.stdout)

    def test_json_fields(self):
        r = run("-f", "json", CASE)
        doc = json.loads(r.stdout)
        fd = doc["findings"][0]
        for k in ("rule", "family", "file", "line", "column", "function", "message",
                  "engine", "notes"):
            self.assertIn(k, fd)
        self.assertEqual(fd["function"], "unmap_one")
        self.assertTrue(fd["notes"])

    def test_list_checks_names_every_rule(self):
        r = run("--list-checks")
        self.assertEqual(r.returncode, 0)
        for rid in ("mm-rmap-before-flush", "mm-lock-bh-mixed", "mm-undo-missing"):
            self.assertIn(rid, r.stdout)


class BadInput(unittest.TestCase):
    def assertError(self, r, *words):
        self.assertEqual(r.returncode, 2, r.stderr)
        for w in words:
            self.assertIn(w, r.stderr)

    def test_missing_directory(self):
        self.assertError(run("/nonexistent/dir"), "/nonexistent/dir", "no such file")

    def test_non_c_file(self):
        with tempfile.NamedTemporaryFile(suffix=".txt") as f:
            self.assertError(run(f.name), f.name, "not a C source")

    def test_empty_directory(self):
        with tempfile.TemporaryDirectory() as d:
            self.assertError(run(d), d, "no .c or .h files")

    def test_unparsable_code_is_reported_not_silent(self):
        with tempfile.TemporaryDirectory() as d:
            bad = os.path.join(d, "broken.c")
            with open(bad, "w") as f:
                # A _bh acquisition, so the lock rule must parse this file.
                f.write("void f(struct mm_struct *mm)\n{\n\tspin_lock_bh(&mm->context.lock +* );\n}\n")
            r = run(bad)
            self.assertError(r, "broken.c", "could not parse")
            r = run("--partial-ok", bad)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertIn("broken.c", r.stderr)

    def test_sparse_past_its_errors_is_incomplete(self):
        """sparse goes on past an error, as in a C=1 build, and drops what
        it could not evaluate: the driver must not call that complete."""
        with tempfile.TemporaryDirectory() as d:
            bad = os.path.join(d, "undeclared.c")
            with open(bad, "w") as f:
                f.write("void f(spinlock_t *l)\n{\n\tif (!undeclared(l))\n\t\treturn;\n}\n")
            inc = os.path.join(TOP, "testdata", "include")
            r = run("-e", "sparse", "--cflags", "-I %s -include mmcheck-kernel.h" % inc, bad)
            self.assertError(r, "undeclared.c", "past its errors")

    def test_binary_file_is_not_clean(self):
        """/bin/ls saved as ls.c: exit 2 under every engine, never 0."""
        with tempfile.TemporaryDirectory() as d:
            shutil.copy("/bin/ls", os.path.join(d, "ls.c"))
            for engine in ("cocci", "gcc", "sparse"):
                r = run("-e", engine, os.path.join(d, "ls.c"))
                self.assertError(r, "ls.c", "binary file")

    def test_file_named_like_an_option(self):
        with tempfile.TemporaryDirectory() as d:
            shutil.copy(CASE, os.path.join(d, "-my file.c"))
            for engine in ("cocci", "sparse"):
                r = run("-e", engine, "--cflags", "-I %s -include mmcheck-kernel.h"
                        % os.path.join(TOP, "testdata", "include"), "-my file.c", cwd=d)
                self.assertEqual(r.returncode, 1, r.stderr)
                self.assertIn("./-my file.c:26:25: warning:", r.stdout)

    def test_timeout_loses_one_file_only(self):
        """spatch aborts a whole run on a timeout; the driver must keep the
        other files' findings and name the file that timed out."""
        with tempfile.TemporaryDirectory() as d:
            body = ("void f%d(struct mm_struct *mm)\n{\n\tspin_lock_bh(&mm->context.lock);\n"
                    "\tmm->context.flush_mm = %d;\n\tspin_unlock_bh(&mm->context.lock);\n}\n")
            with open(os.path.join(d, "slow.c"), "w") as f:
                f.write("".join(body % (i, i) for i in range(6000)))
            case = os.path.join(TOP, "testdata", "lock-bh", "bug-local-pointer.c")
            with open(case) as src, open(os.path.join(d, "fast.c"), "w") as dst:
                dst.write(src.read())
            r = run("--timeout", "1", "-r", "lock-bh", "slow.c", "fast.c", cwd=d)
            self.assertError(r, "slow.c", "timed out")
            self.assertIn("fast.c:6:9: warning:", r.stdout)

    def test_bad_format_and_rule(self):
        self.assertError(run("-f", "xml", CASE), "invalid choice")
        self.assertError(run("-r", "no-such-rule", CASE), "no-such-rule")
        self.assertError(run("-e", "nope", CASE), "unknown engine")

    def test_missing_spatch(self):
        env = dict(os.environ, SPATCH="/nonexistent/spatch")
        self.assertError(run(CASE, env=env), "spatch")

    def test_bad_ledger(self):
        with tempfile.NamedTemporaryFile("w", suffix=".ledger") as f:
            f.write("mm-undo-missing x.c fn maybe because\n")
            f.flush()
            self.assertError(run("--suppress", f.name, CASE), f.name, "verdict")


class OtherFiles(unittest.TestCase):
    """Coccinelle reads one file at a time; the driver hands it the helpers
    that other files of the run define (lib/mmcheck/summaries.py)."""
    ZAP = ("void drop(struct page *page, struct vm_area_struct *vma);\n"
           "void zap(struct mmu_gather *tlb, struct vm_area_struct *vma, struct page *page,\n"
           "\t pte_t *pte, unsigned long addr)\n{\n"
           "\tpte_t ptent = ptep_get_and_clear_full(tlb->mm, addr, pte, tlb->fullmm);\n\n"
           "\tif (pte_dirty(ptent))\n\t\tset_page_dirty(page);\n"
           "\tdrop(page, vma);\n\ttlb_flush_mmu(tlb);\n}\n")
    HELPER = ("%svoid drop(struct page *page, struct vm_area_struct *vma)\n{\n"
              "\tpage_remove_rmap(page, vma, false);\n}\n")

    def check(self, helper, comment=""):
        with tempfile.TemporaryDirectory() as d:
            with open(os.path.join(d, "zap.c"), "w") as f:
                f.write(comment + self.ZAP)
            with open(os.path.join(d, "helper.c"), "w") as f:
                f.write(helper)
            return run("-e", "cocci", "-r", "mm-rmap-before-flush", "helper.c", "zap.c", cwd=d)

    def test_helper_of_another_file(self):
        r = self.check(self.HELPER % "")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn("zap.c:9:9: warning: rmap of a dirty file page removed by drop()", r.stdout)
        self.assertIn("helper.c:1:6: note: drop() removes the rmap of its first argument",
                      r.stdout)

    def test_static_function_of_another_file_is_no_helper(self):
        """Nor does a batch-mate's static function leak into a file: each
        file is its own spatch group."""
        helper = self.HELPER % "static " + self.ZAP.replace("void zap(", "void zap_here(")
        # The comment puts zap.c in the rule's prefilter, in helper.c's batch.
        r = self.check(helper, "/* drop() is not page_remove_rmap() */\n")
        self.assertNotIn("zap.c:", r.stdout)
        self.assertIn("helper.c:", r.stdout)   # its own caller, through the rule's helper


class Output(unittest.TestCase):
    def test_output_file_is_atomic(self):
        with tempfile.TemporaryDirectory() as d:
            out = os.path.join(d, "report.txt")
            with open(out, "w") as f:
                f.write("old report\n")
            r = run("-o", out, "/nonexistent")
            self.assertEqual(r.returncode, 2)
            self.assertEqual(read(out), "old report\n")
            self.assertEqual(os.listdir(d), ["report.txt"])
            r = run("-o", out, CASE)
            self.assertEqual(r.returncode, 1)
            self.assertIn("[mm-undo-missing]", read(out))


class PatchMode(unittest.TestCase):
    """The lock rule's patch mode offers the s390 fix: plain -> _bh for the
    member paths named with -D bh_paths, and nothing else."""

    def test_converts_only_named_paths(self):
        cocci = os.path.join(TOP, "semantic-patches", "locks", "lock_bh_mixed.cocci")
        case = os.path.join(TOP, "testdata", "lock-bh", "bug-s390-context-lock", "gmap.c")
        out = subprocess.run(["spatch", "--very-quiet", "-D", "patch", "-D", "bh_paths=context.lock",
                              "--sp-file", cocci, case], capture_output=True, text=True, timeout=300)
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertEqual(out.stderr, "")
        added = [l for l in out.stdout.splitlines() if l.startswith("+\t")]
        # gmap.c's two lock/unlock pairs, and the pair in the tlbflush.h it
        # includes (the s390 fix converted that header too)
        self.assertEqual(len(added), 6, out.stdout)
        self.assertTrue(all("_bh(" in l for l in added), out.stdout)


class Ledger(unittest.TestCase):
    def ledger(self, verdict):
        f = tempfile.NamedTemporaryFile("w", suffix=".ledger", delete=False)
        f.write("# test\nmm-undo-missing  bug-try-to-unmap-6.1.c  unmap_one  %s  test entry\n" % verdict)
        f.close()
        self.addCleanup(os.unlink, f.name)
        return f.name

    def test_suppress_false_alarm(self):
        r = run("--suppress", self.ledger("false-alarm"), CASE)
        self.assertEqual((r.returncode, r.stdout), (0, ""))

    def test_suppress_keeps_real(self):
        self.assertEqual(run("--suppress", self.ledger("real"), CASE).returncode, 1)

    def test_baseline_drops_known(self):
        self.assertEqual(run("--baseline", self.ledger("real"), CASE).returncode, 0)

    def test_expect_agrees(self):
        r = run("--expect", self.ledger("real"), CASE, cwd=os.path.dirname(CASE))
        self.assertEqual(r.returncode, 0, r.stdout)
        self.assertIn("0 unexpected, 0 missing", r.stdout)

    def test_expect_only_the_rules_that_ran(self):
        r = run("-r", "rmap-tlb", "--expect", self.ledger("real"), CASE, cwd=os.path.dirname(CASE))
        self.assertEqual(r.returncode, 0, r.stdout)
        self.assertIn("0 in the ledger", r.stdout)

    def test_expected_by_rule_directory_and_build(self):
        sys.path.insert(0, os.path.join(TOP, "lib"))
        from mmcheck import ledger
        with tempfile.NamedTemporaryFile("w", suffix=".ledger") as f:
            f.write("mm-undo-missing  mm/rmap.c         unmap_one  real         in the build\n"
                    "mm-undo-missing  mm/huge_memory.c  split      false-alarm  not compiled\n"
                    "mm-undo-missing  fs/exec.c         exec       real         other directory\n"
                    "mm-lock-bh-mixed mm/rmap.c         lock       real         other rule\n")
            f.flush()
            files = lambda es: [e.file for e in es]
            rules = {"mm-undo-missing"}
            self.assertEqual(files(ledger.expected(f.name, rules, ["mm"])),
                             ["mm/rmap.c", "mm/huge_memory.c"])
            self.assertEqual(files(ledger.expected(f.name, rules, ["mm"], {"mm/rmap.o": 1})),
                             ["mm/rmap.c"])

    def test_expect_reports_unexplained(self):
        with tempfile.NamedTemporaryFile("w", suffix=".ledger") as f:
            f.write("# empty\n")
            f.flush()
            r = run("--expect", f.name, CASE)
            self.assertEqual(r.returncode, 1)
            self.assertIn("unexpected:", r.stdout)


class CatalogueRows(unittest.TestCase):
    """The keys of the BH workqueue rows are checked where the catalogue is
    read: a flag's bit must fit the flags' 64 bits, an allocator must say
    which argument holds them."""

    def load(self, text):
        sys.path.insert(0, os.path.join(TOP, "lib"))
        from mmcheck import catalogue
        with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False) as f:
            f.write(text)
        self.addCleanup(os.remove, f.name)
        return catalogue, f.name

    def test_bh_workqueue_rows(self):
        catalogue, path = self.load("bh_workqueue\tWQ_BH\tbit=0\n"
                                    "bh_workqueue\tsystem_bh_wq\n"
                                    "bh_workqueue_alloc\talloc_workqueue\targ=2\n")
        self.assertEqual(len(catalogue.load_api(path)), 3)
        for bad in ("bh_workqueue\tWQ_BH\tbit=64\n", "bh_workqueue_alloc\talloc_workqueue\n"):
            catalogue, path = self.load(bad)
            with self.assertRaises(catalogue.CatalogueError):
                catalogue.load_api(path)


class Install(unittest.TestCase):
    """make install: every program, found through PREFIX/bin, finds the
    installed catalogue and runs without the source tree's Makefiles."""
    def test_installed_engines_run(self):
        with tempfile.TemporaryDirectory() as prefix:
            out = subprocess.run(["make", "-s", "-C", TOP, "install", "PREFIX=" + prefix],
                                 capture_output=True, text=True, timeout=600)
            self.assertEqual(out.returncode, 0, out.stderr)
            case = os.path.join(TOP, "testdata", "lock-bh", "bug-trylock-mix.c")
            inc = "-I %s -include mmcheck-kernel.h" % os.path.join(TOP, "testdata", "include")
            engines = [("cocci", "bin/mmcheck"), ("gcc", "lib/mmcheck/gcc-plugin/mmcheck.so"),
                       ("sparse", "bin/mmcheck-sparse"), ("clang", "bin/mmcheck-clang")]
            for engine, program in engines:
                if not os.path.exists(os.path.join(prefix, program)):
                    continue	# not built here: make install said SKIP
                r = subprocess.run([os.path.join(prefix, "bin", "mmcheck"), "--all-locks",
                                    "-e", engine, "--cflags", inc, case], cwd=prefix,
                                   capture_output=True, text=True, timeout=600)
                self.assertEqual(r.returncode, 1, engine + ": " + r.stderr)
                self.assertIn("bug-trylock-mix.c:11:9: warning:", r.stdout, engine)
            r = subprocess.run([os.path.join(prefix, "bin", "mmcheck-locks"), prefix],
                               capture_output=True, text=True)
            self.assertEqual(r.returncode, 2)
            self.assertIn("no lock facts found", r.stderr)


if __name__ == "__main__":
    unittest.main()
