"""The GCC plugin as a compiler user meets it: it never changes generated
code, and bad options or input give a clear error, never an ICE.
Skipped when this GCC has no plugin headers (make deps installs them)."""
import json
import os
import subprocess
import sys
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

    def test_kernel_builds_make_the_plugin_first(self):
        """A kernel build with the host plugin (tools/check-lock-kernel,
        check-plugin-kernel) never takes a plugin older than the core it
        links: kbuild.plugin_for() makes it, as it did the cross ones."""
        sys.path.insert(0, os.path.join(TOP, "lib"))
        from mmcheck import kbuild
        os.utime(PLUGIN, (0, 0))
        self.assertEqual(kbuild.plugin_for(), PLUGIN)
        self.assertGreater(os.path.getmtime(PLUGIN), 0)

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

    def test_json_diagnostics_nest_the_notes(self):
        out = gcc("-c", "-o", os.devnull, "-fdiagnostics-format=json", "-fplugin=" + PLUGIN,
                  *INCLUDE, CASES[0])
        doc = json.loads(out.stderr)
        self.assertEqual([d["kind"] for d in doc], ["warning"])
        self.assertIn("[mm-rmap-before-flush]", doc[0]["message"])
        self.assertEqual([c["kind"] for c in doc[0]["children"]], ["note", "note"])

    def facts_of(self, src, d, extra=()):
        obj = os.path.join(d, os.path.basename(src) + ".o")
        out = gcc("-O2", "-c", "-o", obj, "-fplugin=" + PLUGIN,
                  "-fplugin-arg-mmcheck-facts=section", *INCLUDE, *extra, src)
        self.assertEqual(out.returncode, 0, out.stderr)
        dump = obj + ".facts"
        subprocess.run(["objcopy", "--dump-section", ".mmcheck.facts=" + dump, obj, os.devnull],
                       check=True)
        with open(dump) as f:
            return [line.split("\t") for line in f.read().splitlines()]

    def test_lock_facts_in_a_section(self):
        case = os.path.join(TOP, "testdata", "lock-bh", "bug-s390-context-lock")
        with tempfile.TemporaryDirectory() as d:
            gmap = self.facts_of(os.path.join(case, "gmap.c"), d)
            pgalloc = self.facts_of(os.path.join(case, "pgalloc.c"), d)
            flags = subprocess.run(["readelf", "-S", "-W", os.path.join(d, "gmap.c.o")],
                                   capture_output=True, text=True).stdout
        self.assertEqual(gmap[0][0], "mmcheck-facts")
        self.assertEqual(gmap[-1][:2], ["end", str(len(gmap) - 2)])
        self.assertRegex(gmap[-1][2], "^[0-9a-f]{16}$")     # the checksum
        acq = [(r[1], r[2], r[3], r[4]) for r in gmap + pgalloc if r[0] == "acq"]
        lock = "struct mm_struct::context.lock"
        self.assertIn(("gmap_attach", lock, "plain", "bh-on"), acq)
        self.assertIn(("gmap_detach", lock, "plain", "bh-on"), acq)
        self.assertIn(("page_table_take", lock, "bh", "bh-on"), acq)
        line = next(l for l in flags.splitlines() if ".mmcheck.facts" in l)
        self.assertNotIn(" A", line.split("PROGBITS")[1])   # never loaded

    def test_facts_do_not_change_code(self):
        src = os.path.join(TOP, "testdata", "lock-bh", "bug-s390-context-lock", "gmap.c")
        with tempfile.TemporaryDirectory() as d:
            plain = self.text_section(src, [], d, "plain")
            checked = self.text_section(src, ["-fplugin=" + PLUGIN,
                                              "-fplugin-arg-mmcheck-facts=section"], d, "facts")
            self.assertEqual(plain, checked)

    def test_facts_with_internal_calls(self):
        """-ftrivial-auto-var-init=zero (kernel configs use it) makes
        internal calls without a callee: no ICE, the same calls through
        pointers as without it."""
        src = os.path.join(TOP, "testdata", "lock-bh", "bug-member-call-softirq.c")
        with tempfile.TemporaryDirectory() as d:
            plain = self.facts_of(src, d)
            init = self.facts_of(src, d, ["-ftrivial-auto-var-init=zero"])
        self.assertIn(("walk_continue", "*walker.func"),
                      [(r[1].split("@")[0], r[2]) for r in init if r[0] == "call"])
        self.assertEqual(sorted(map(tuple, plain)), sorted(map(tuple, init)))

    def test_facts_name_their_tree(self):
        src = os.path.join(TOP, "testdata", "lock-bh", "bug-s390-context-lock", "gmap.c")
        with tempfile.TemporaryDirectory() as d:
            facts = self.facts_of(src, d, ["-fplugin-arg-mmcheck-tree=build-42"])
        self.assertEqual(facts[0][:3], ["mmcheck-facts", "9", "build-42"])

    def test_facts_directory_not_writable(self):
        out = gcc("-c", "-o", os.devnull, "-fplugin=" + PLUGIN,
                  "-fplugin-arg-mmcheck-facts=/nonexistent/facts", *INCLUDE, CASES[0])
        self.assertCleanError(out, "/nonexistent/facts", "not a writable directory")

    def test_disable_a_rule(self):
        out = gcc("-c", "-o", os.devnull, "-fplugin=" + PLUGIN,
                  "-fplugin-arg-mmcheck-disable=mm-rmap-before-flush", *INCLUDE, CASES[0])
        self.assertNotIn("warning:", out.stderr)

    def test_wno_rule(self):
        """-Wno-RULE as for GCC's own warnings; -Werror still fails on the rest."""
        out = gcc("-c", "-o", os.devnull, "-fplugin=" + PLUGIN, "-Wno-mm-rmap-before-flush",
                  *INCLUDE, CASES[0])
        self.assertEqual((out.returncode, out.stderr), (0, ""))
        out = gcc("-Werror", "-c", "-o", os.devnull, "-fplugin=" + PLUGIN,
                  "-Wno-mm-undo-missing", *INCLUDE, CASES[0])
        self.assertNotEqual(out.returncode, 0)
        self.assertIn("[mm-rmap-before-flush]", out.stderr)

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
