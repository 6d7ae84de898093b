"""The hostile corpus (testdata/hostile/): odd, broken and hostile input
through every engine of the front door.  Each input states what each
engine must answer: an exit status (0 clean, 1 findings, 2 not analysed
or bad input) and a word of the message.  Whatever it is, never a
traceback, never an internal error, and never exit 0 for what was not
analysed.  Run: python3 -m unittest tests/test_hostile.py (make test)."""
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest
from concurrent.futures import ThreadPoolExecutor

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HOSTILE = os.path.join(TOP, "testdata", "hostile")
MMCHECK = os.path.join(TOP, "bin", "mmcheck")
CFLAGS = "-I %s -include mmcheck-kernel.h" % os.path.join(TOP, "testdata", "include")
CASE = os.path.join(TOP, "testdata", "undo-pair", "bug-err-variable.c")


def cases(generated):
    """[(directory, file name as bytes, engine, exit, words)]: the text
    cases' 'hostile-expect:' lines and the generated ones' expect.tsv."""
    found = []
    for name in sorted(os.listdir(HOSTILE)):
        if name.endswith(".c"):
            with open(os.path.join(HOSTILE, name), "rb") as f:
                for m in re.finditer(rb"hostile-expect: (\S+) (\d)(?: (.*?))?\r?$", f.read(),
                                     re.M):
                    found.append((HOSTILE, os.fsencode(name), m.group(1).decode(),
                                  int(m.group(2)), (m.group(3) or b"").decode()))
    with open(os.path.join(generated, "expect.tsv"), "rb") as f:
        for line in f:
            name, engine, code, words = line.rstrip(b"\n").split(b"\t")
            found.append((generated, name, engine.decode(), int(code), words.decode()))
    return found


def run(args, cwd):
    return subprocess.run([os.fsencode(MMCHECK)] + args, capture_output=True, cwd=cwd,
                          timeout=600)


class Hostile(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="mmcheck-hostile-")
        subprocess.run([os.path.join(HOSTILE, "generate"), cls.dir], check=True)
        cls.cases = cases(cls.dir)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir)

    def assertSane(self, r, what):
        err = r.stderr.decode("utf-8", "replace")
        self.assertIn(r.returncode, (0, 1, 2), what)
        self.assertNotIn("Traceback", err, what)
        self.assertNotIn("internal error", err, what)
        return err

    def check_source(self, d, name, engine, code, word):
        """One file through one engine, in gcc and in JSON format."""
        what = "%s under %s" % (name, engine)
        args = [b"-e", engine.encode(), b"--max-size", b"1", b"--cflags", CFLAGS.encode(),
                b"./" + name]
        r = run(args, d)
        err = self.assertSane(r, what)
        self.assertEqual(r.returncode, code, "%s: %s" % (what, err))
        if word:
            self.assertIn(word, err, what)
        if code == 0:
            self.assertEqual((r.stdout, err), (b"", ""), what)
        if code == 1:
            self.assertIn(b": warning: ", r.stdout, what)
        j = run([b"-f", b"json"] + args, d)
        self.assertSane(j, what)
        self.assertEqual(j.returncode, code, what)
        doc = json.loads(j.stdout)
        self.assertEqual(bool(doc["incomplete"]), code == 2, what)

    def test_sources(self):
        jobs = [c for c in self.cases if c[2] != "ledger"]
        self.assertGreater(len(jobs), 30)
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
            failures = list(pool.map(lambda j: self.failure_of(self.check_source, *j), jobs))
        failures = [f for f in failures if f]
        self.assertEqual(failures, [])

    def failure_of(self, check, *args):
        try:
            check(*args)
        except AssertionError as e:
            return str(e)
        return None

    def test_ledgers(self):
        """A ledger that cannot be read is exit 2 and one line, wherever
        it is given."""
        for d, name, engine, code, word in self.cases:
            if engine != "ledger":
                continue
            path = os.path.join(os.fsencode(d), name)
            for args in ([b"--suppress", path], [b"--baseline", path], [b"--expect", path],
                         [b"ledger", b"refresh", path]):
                r = run(args + [os.fsencode(CASE)], d)
                what = b" ".join(args).decode("utf-8", "replace")
                err = self.assertSane(r, what)
                self.assertEqual(r.returncode, code, what)
                self.assertIn(word, err, what)
                self.assertEqual(len(err.splitlines()), 1, err)


if __name__ == "__main__":
    unittest.main()
