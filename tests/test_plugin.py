"""The GCC plugin as a compiler user meets it: it never changes generated
code, and bad options or input give a clear error, never an ICE.
Skipped when this GCC has no plugin headers (make deps installs them)."""
import os
import subprocess
import tempfile
import unittest

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLUGIN = os.path.join(TOP, "gcc-plugin", "mmcheck.so")
INCLUDE = ["-I", os.path.join(TOP, "testdata", "include"), "-include", "mmcheck-kernel.h"]
CASES = [os.path.join(TOP, "testdata", d, f) for d, f in (
    ("rmap-tlb", "bug-zap-6.1-shape.c"), ("rmap-tlb", "ok-zap-6.12-shape.c"),
    ("undo-pair", "bug-try-to-unmap-6.1.c"), ("lock-bh", "bug-guard-plain.c"))]


def plugin_headers():
    out = subprocess.run(["gcc", "-print-file-name=plugin"], capture_output=True, text=True)
    return os.path.exists(os.path.join(out.stdout.strip(), "include", "gcc-plugin.h"))


def gcc(*args):
    return subprocess.run(["gcc"] + list(args), capture_output=True, text=True, timeout=300,
                          env=dict(os.environ, LC_ALL="C"))


@unittest.skipUnless(plugin_headers(), "no GCC plugin headers")
class Plugin(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        out = subprocess.run(["make", "-s", "-C", os.path.join(TOP, "gcc-plugin")],
                             capture_output=True, text=True)
        assert out.returncode == 0, out.stderr

    def text_section(self, src, extra, d, name):
        obj = os.path.join(d, name + ".o")
        out = gcc("-O2", "-c", "-o", obj, *INCLUDE, *extra, src)
        self.assertEqual(out.returncode, 0, out.stderr)
        binary = os.path.join(d, name + ".text")
        subprocess.run(["objcopy", "-O", "binary", "--only-section=.text", obj, binary], check=True)
        with open(binary, "rb") as f:
            return f.read()

    def test_generated_code_is_unchanged(self):
        with tempfile.TemporaryDirectory() as d:
            for src in CASES:
                plain = self.text_section(src, [], d, "plain")
                checked = self.text_section(src, ["-fplugin=" + PLUGIN], d, "checked")
                self.assertEqual(plain, checked, src)

    def test_findings_are_gcc_warnings_with_notes(self):
        out = gcc("-c", "-o", os.devnull, "-fplugin=" + PLUGIN, *INCLUDE, CASES[0])
        self.assertEqual(out.returncode, 0)
        self.assertIn("warning: rmap of a dirty file page removed by page_remove_rmap()", out.stderr)
        self.assertIn("note: PTE cleared here", out.stderr)
        out = gcc("-Werror", "-c", "-o", os.devnull, "-fplugin=" + PLUGIN, *INCLUDE, CASES[0])
        self.assertNotEqual(out.returncode, 0)
        self.assertIn("error: rmap of a dirty file page", out.stderr)

    def test_disable_a_rule(self):
        out = gcc("-c", "-o", os.devnull, "-fplugin=" + PLUGIN,
                  "-fplugin-arg-mmcheck-disable=mm-rmap-before-flush", *INCLUDE, CASES[0])
        self.assertNotIn("warning:", out.stderr)

    def assertCleanError(self, out, *words):
        self.assertNotEqual(out.returncode, 0)
        self.assertNotIn("internal compiler error", out.stderr)
        for w in words:
            self.assertIn(w, out.stderr)

    def test_unknown_option(self):
        out = gcc("-c", "-o", os.devnull, "-fplugin=" + PLUGIN, "-fplugin-arg-mmcheck-bogus=1",
                  *INCLUDE, CASES[0])
        self.assertCleanError(out, "unknown option", "bogus")

    def test_unreadable_catalogue(self):
        out = gcc("-c", "-o", os.devnull, "-fplugin=" + PLUGIN,
                  "-fplugin-arg-mmcheck-catalogue=/nonexistent/mm-api.tsv", *INCLUDE, CASES[0])
        self.assertCleanError(out, "/nonexistent/mm-api.tsv")

    def test_code_gcc_rejects(self):
        with tempfile.NamedTemporaryFile("w", suffix=".c") as f:
            f.write("void f(struct mm_struct *mm) { spin_lock(&mm->context.lock +* ); }\n")
            f.flush()
            out = gcc("-c", "-o", os.devnull, "-fplugin=" + PLUGIN, *INCLUDE, f.name)
            self.assertCleanError(out, "error:")


if __name__ == "__main__":
    unittest.main()
