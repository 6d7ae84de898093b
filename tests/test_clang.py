"""mmcheck-clang on bad input: a flag libclang rejects, a file that does not
parse (clang's own errors, exit 2, no facts written), and libclang missing
at run time (one line from the front door)."""
import os
import shutil
import subprocess
import tempfile
import unittest

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CHECKER = os.path.join(TOP, "clang-checks", "mmcheck-clang")
MMCHECK = os.path.join(TOP, "bin", "mmcheck")
INCLUDE = ["-I", os.path.join(TOP, "testdata", "include"), "-include", "mmcheck-kernel.h"]
CASE = os.path.join(TOP, "testdata", "undo-pair", "bug-err-variable.c")


class BadInput(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        subprocess.run(["make", "-s", "-C", os.path.dirname(CHECKER)], check=True)

    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="mmcheck-clang-")
        self.facts = os.path.join(self.dir, "facts")
        os.mkdir(self.facts)

    def tearDown(self):
        shutil.rmtree(self.dir)

    def check(self, *args):
        return subprocess.run([CHECKER, "--mmcheck-facts=" + self.facts] + list(args),
                              capture_output=True, text=True)

    def test_facts_of_a_good_file(self):
        r = self.check(*INCLUDE + [CASE])
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(len(os.listdir(self.facts)), 1)

    def test_dump_ir(self):
        """MMCHECK_DUMP_IR=1 prints each function's core IR, and changes
        nothing else: the same exit status and facts."""
        r = subprocess.run([CHECKER, "--mmcheck-facts=" + self.facts] + INCLUDE + [CASE],
                           capture_output=True, text=True,
                           env=dict(os.environ, MMCHECK_DUMP_IR="1"))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertRegex(r.stderr, r"(?m)^\w+:\n  B0:\n")
        self.assertIn("if nonzero v=", r.stderr)
        self.assertEqual(len(os.listdir(self.facts)), 1)

    def test_rejected_flag(self):
        r = self.check(*INCLUDE + ["-fno-such-flag-at-all", CASE])
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn("error: unknown argument", r.stderr)
        self.assertEqual(os.listdir(self.facts), [])

    def test_file_that_does_not_parse(self):
        bad = os.path.join(self.dir, "bad.c")
        with open(bad, "w") as f:
            f.write("void f(void)\n{\n\tspin_lock(&undeclared->lock);\n}\nint g(void) {\n")
        r = self.check(*INCLUDE + [bad])
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn("bad.c:3:13: error: use of undeclared identifier 'undeclared'", r.stderr)
        self.assertNotIn("warning:", r.stderr)
        self.assertEqual(os.listdir(self.facts), [])

    def test_missing_input(self):
        r = self.check(*INCLUDE)
        self.assertEqual((r.returncode, r.stderr.count("\n")), (1, 1), r.stderr)
        self.assertIn("no input file", r.stderr)

    def test_libclang_gone(self):
        """The loader's failure, as it prints it, is one line of the front door."""
        fake = os.path.join(self.dir, "mmcheck-clang")
        with open(fake, "w") as f:
            f.write("#!/bin/sh\necho '%s: error while loading shared libraries: "
                    "libclang-19.so.19: cannot open shared object file: No such file or "
                    "directory' >&2\nexit 127\n" % fake)
        os.chmod(fake, 0o755)
        r = subprocess.run([MMCHECK, "-e", "clang", CASE], capture_output=True, text=True,
                           env=dict(os.environ, MMCHECK_CLANG=fake, MMCHECK_PREBUILT="1"))
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertEqual(r.stderr.count("\n"), 1, r.stderr)
        self.assertIn("cannot load libclang (libclang-19.so.19)", r.stderr)
        self.assertNotIn("Traceback", r.stderr)


if __name__ == "__main__":
    unittest.main()
