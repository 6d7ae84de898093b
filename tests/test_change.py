"""The change mode (mmcheck --staged/--diff/--commit/--range) and the
pre-commit hook, on real git repositories made here: a small kernel-like
tree built from the corpus, commits that bring back each seed bug (blocked
with the right rule), benign commits (passed), and the hook installed
beside an existing one, under core.hooksPath, from a worktree, and through
the pre-commit framework.  Run: python3 -m unittest tests/test_change.py."""
import os
import re
import shutil
import stat
import subprocess
import tempfile
import unittest

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MMCHECK = os.path.join(TOP, "bin", "mmcheck")
DATA = os.path.join(TOP, "testdata")


def snippet(rel):
    """A corpus case without its expectations: plain kernel-style code."""
    with open(os.path.join(DATA, rel), encoding="utf-8") as f:
        text = f.read()
    return text.split("/*\n * check-name:")[0]


ZAP = snippet("rmap-tlb/bug-zap-6.1-shape.c")
ZAP_OK = ZAP.replace("\t\tpage_remove_rmap(page, vma, false);\t/* BUG */\n", "")
UNMAP_OK = snippet("undo-pair/ok-remap-added.c")
MIGRATE = snippet("undo-pair/bug-try-to-migrate-6.1.c")     # two old findings
CHAIN_OK = snippet("rmap-tlb/ok-helper-chain-flushed.c")
CHAIN_NO_FLUSH = CHAIN_OK.replace("\t\ttlb_flush_rmaps(tlb, vma);\n", "")
DELAY = ("\t\t\tif (tlb_delay_rmap(tlb)) {\n\t\t\t\tdelay_rmap = true;\n"
         "\t\t\t\t*force_flush = true;\n\t\t\t}\n")
CHAIN_NO_DELAY = CHAIN_NO_FLUSH.replace(DELAY, "\t\t\t*force_flush = true;\n")
GMAP_BH = """/* gmap: the guest address spaces of an mm */
void gmap_attach(struct gmap *gmap, struct mm_struct *mm)
{
	gmap->mm = mm;
	spin_lock_bh(&mm->context.lock);
	list_add(gmap, mm);
	spin_unlock_bh(&mm->context.lock);
}
"""
GMAP_PLAIN = GMAP_BH.replace("spin_lock_bh", "spin_lock").replace("spin_unlock_bh", "spin_unlock")


class Repo:
    """A git repository in a temporary directory, with its own HOME so no
    configuration of the machine's leaks in."""

    def __init__(self, test):
        self.dir = tempfile.mkdtemp(prefix="mmcheck-repo-")
        test.addCleanup(shutil.rmtree, self.dir)
        self.root = os.path.join(self.dir, "linux")
        os.makedirs(self.root)
        self.env = dict(os.environ, HOME=self.dir, GIT_CONFIG_NOSYSTEM="1",
                        GIT_AUTHOR_NAME="A U Thor", GIT_AUTHOR_EMAIL="author@example.org",
                        GIT_COMMITTER_NAME="A U Thor", GIT_COMMITTER_EMAIL="author@example.org",
                        PRE_COMMIT_HOME=os.path.join(self.dir, "pre-commit-cache"))
        self.env.pop("MMCHECK_HOOK", None)
        self.git("init", "-q", "-b", "master")

    def git(self, *args, cwd=None, check=True):
        r = subprocess.run(["git"] + list(args), cwd=cwd or self.root, env=self.env,
                           capture_output=True, text=True)
        if check and r.returncode:
            raise AssertionError("git %s: %s" % (" ".join(args), r.stderr))
        return r

    def write(self, path, text, mode="w"):
        full = os.path.join(self.root, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, mode) as f:
            f.write(text)

    def commit(self, msg, *paths):
        self.git("add", "-A", *paths)
        self.git("commit", "-q", "-m", msg)
        return self.git("rev-parse", "HEAD").stdout.strip()

    def staged(self, *extra):
        """Stage everything and check it."""
        self.git("add", "-A")
        return self.mmcheck("--staged", *extra)

    def mmcheck(self, *args, cwd=None):
        return subprocess.run([MMCHECK] + list(args), cwd=cwd or self.root, env=self.env,
                              capture_output=True, text=True, timeout=600)

    def kernel(self):
        """The base tree: clean code, old findings in mm/rmap.c."""
        self.write("mm/memory.c", ZAP_OK)
        self.write("mm/rmap.c", UNMAP_OK + "\n" + MIGRATE)
        self.write("arch/s390/mm/pgalloc.c", snippet("lock-bh/bug-s390-context-lock/pgalloc.c"))
        self.write("arch/s390/mm/gmap.c", GMAP_BH)
        self.write("Documentation/mm/notes.rst", "Notes\n=====\n")
        return self.commit("Linux base")


def rules_in(text):
    return sorted(set(re.findall(r"warning: .* \[(mm-[a-z-]+)\]$", text, re.M)))


class SeedBugs(unittest.TestCase):
    """Each family's bug, brought back by a staged change, is reported."""

    def setUp(self):
        self.repo = Repo(self)
        self.repo.kernel()

    def staged(self, *extra):
        return self.repo.staged(*extra)

    def test_rmap_before_flush_6_1_shape(self):
        self.repo.write("mm/memory.c", ZAP)
        r = self.staged()
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertEqual(rules_in(r.stdout), ["mm-rmap-before-flush"])
        self.assertIn("mm/memory.c:26:17: warning:", r.stdout)
        self.assertIn("1 C file checked", r.stderr)

    def test_flush_dropped_from_the_caller_of_two_helpers(self):
        """Only the caller changes; the delay is in helpers it calls, whose
        bodies the change mode must read too (tools/mutate-kernel's
        NO_FLUSH_RMAPS on 6.12's zap_pte_range())."""
        self.repo.write("mm/zap.c", CHAIN_OK)
        self.repo.commit("zap: helpers")
        self.repo.write("mm/zap.c", CHAIN_NO_FLUSH)
        r = self.staged()
        self.assertEqual(rules_in(r.stdout), ["mm-delay-rmap-unflushed"], r.stdout + r.stderr)

    def test_delay_added_to_a_helper_whose_caller_never_flushes(self):
        """Only the helper changes; the finding is in its caller's caller."""
        self.assertIn(DELAY, CHAIN_NO_FLUSH)
        self.repo.write("mm/zap.c", CHAIN_NO_DELAY)
        self.repo.commit("zap: no delay")
        self.repo.write("mm/zap.c", CHAIN_NO_FLUSH)
        r = self.staged()
        self.assertEqual(rules_in(r.stdout), ["mm-delay-rmap-unflushed"], r.stdout + r.stderr)
        self.assertIn("mm/zap.c:48:9: warning:", r.stdout)     # in zap_range()

    def test_plain_lock_against_bh_in_an_untouched_file(self):
        self.repo.write("arch/s390/mm/gmap.c", GMAP_PLAIN)
        r = self.staged()
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertEqual(rules_in(r.stdout), ["mm-lock-bh-mixed"])
        self.assertIn("arch/s390/mm/pgalloc.c:4:9: note: taken with spin_lock_bh()", r.stdout)

    def test_undo_dropped_from_an_abort(self):
        self.repo.write("mm/rmap.c", UNMAP_OK.replace(
            "\t\tarch_remap_one(mm, vma, address, pteval);\n", "") + "\n" + MIGRATE)
        r = self.staged()
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertEqual(rules_in(r.stdout), ["mm-undo-missing"])
        self.assertEqual(r.stdout.count("warning:"), 1, r.stdout)   # not the two old ones

    def test_json(self):
        self.repo.write("mm/memory.c", ZAP)
        r = self.staged("-f", "json")
        self.assertEqual(r.returncode, 1)
        self.assertIn('"rule": "mm-rmap-before-flush"', r.stdout)


class Benign(unittest.TestCase):
    """Changes that bring no new finding pass, even in files with old ones."""

    def setUp(self):
        self.repo = Repo(self)
        self.repo.kernel()

    def passes(self, *extra):
        r = self.repo.staged(*extra)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        return r

    def test_comment_only(self):
        self.repo.write("mm/rmap.c", "/* rmap: reverse mappings */\n" + UNMAP_OK + "\n" + MIGRATE)
        self.assertEqual(self.passes().stdout, "")

    def test_code_moved_within_a_file_with_old_findings(self):
        self.repo.write("mm/rmap.c", MIGRATE + "\n\n\n" + UNMAP_OK)
        self.assertEqual(self.passes().stdout, "")

    def test_rename(self):
        self.repo.git("mv", "mm/rmap.c", "mm/rmap_walk.c")
        self.assertEqual(self.passes().stdout, "")

    def test_fix_of_an_old_finding_is_listed_with_show_fixed(self):
        fixed = MIGRATE.replace("\t\tif (huge)\n\t\t\tset_huge_pte_at(mm, address, ptep, pteval, 0);"
                                "\t/* BUG */",
                                "\t\tarch_remap_one(mm, vma, address, pteval);\n\t\tif (huge)\n"
                                "\t\t\tset_huge_pte_at(mm, address, ptep, pteval, 0);", 1)
        self.assertNotEqual(fixed, MIGRATE)
        self.repo.write("mm/rmap.c", UNMAP_OK + "\n" + fixed)
        r = self.passes("--show-fixed")
        self.assertEqual(r.stdout.count("note: fixed by this change:"), 2, r.stdout)
        self.assertIn("2 fixed", r.stderr)

    def test_no_c_file(self):
        self.repo.write("Documentation/mm/notes.rst", "Notes\n=====\n\nMore.\n")
        r = self.passes()
        self.assertIn("0 C files checked", r.stderr)

    def test_deleted_file(self):
        self.repo.git("rm", "-q", "mm/rmap.c")
        self.passes()

    def test_new_file_with_a_space_in_its_name(self):
        self.repo.write("mm/new file.c", UNMAP_OK)
        self.passes()

    def test_submodule(self):
        sub = Repo(self)
        sub.write("lib/x.c", UNMAP_OK)
        sub.commit("sub")
        self.repo.git("-c", "protocol.file.allow=always", "submodule", "add", "-q", sub.root,
                      "drivers/sub.c")
        r = self.passes()
        self.assertIn("drivers/sub.c: not checked: a submodule", r.stderr)

    def test_binary_file(self):
        """Not C source: never passed as clean (the tree mode agrees)."""
        self.repo.write("mm/blob.c", "\0\1\2binary", "w")
        r = self.repo.staged()
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn("mm/blob.c: error: not C source: a binary file", r.stderr)
        self.assertIn("[mmcheck-incomplete]", r.stderr)
        self.assertEqual(self.repo.staged("--partial-ok").returncode, 0)

    def test_file_named_like_an_option(self):
        """'-my gmap.c' reaches spatch as ./-my gmap.c, and its findings and
        lock facts come back under the name git gives (the lock rule's
        facts of it had been dropped)."""
        self.repo.write("-my gmap.c", GMAP_PLAIN)
        r = self.repo.staged()
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertTrue(r.stdout.startswith("-my gmap.c:"), r.stdout)
        self.assertNotIn("./", r.stdout)


BROKEN = "int mm_broken_global = +* ;\n\n"    # Coccinelle cannot parse it


class NotFullyAnalysed(unittest.TestCase):
    """A part of a changed file the engine cannot parse blocks the change
    only when a changed line is in it; elsewhere it is a note."""

    def setUp(self):
        self.repo = Repo(self)
        self.repo.kernel()
        self.repo.write("mm/memory.c", BROKEN + ZAP_OK)
        self.repo.commit("mm: a global Coccinelle cannot parse")

    def test_away_from_the_change_is_a_note(self):
        self.repo.write("mm/memory.c", BROKEN + ZAP)
        self.repo.git("add", "-A")
        r = self.repo.mmcheck("--staged")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn("mm/memory.c: not fully analysed, away from this change", r.stderr)

    def test_untouched_file_the_lock_facts_could_not_read_is_named(self):
        self.repo.write("arch/s390/mm/broken.c", "void f(struct mm_struct *mm)\n{\n"
                        "\tspin_lock_bh(&mm->context.lock +* );\n}\n")
        self.repo.commit("s390: a file Coccinelle cannot parse")
        self.repo.write("arch/s390/mm/gmap.c", "/* gmap */\n" + GMAP_BH)
        r = self.repo.staged()
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("1 untouched file not fully analysed for the lock facts "
                      "(arch/s390/mm/broken.c)", r.stderr)

    def test_in_the_change_blocks(self):
        # (with the rmap removal back, so that the rule must read the function)
        self.repo.write("mm/memory.c", BROKEN + ZAP.replace(
            "\t\t\t\tset_page_dirty(page);\n", "\t\t\t\tset_page_dirty(page +* );\n"))
        self.repo.git("add", "-A")
        r = self.repo.mmcheck("--staged")
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn("mm/memory.c: error: Coccinelle could not parse", r.stderr)
        self.assertIn("(a changed line is in it) [mmcheck-incomplete]", r.stderr)
        self.assertEqual(self.repo.mmcheck("--staged", "--partial-ok").returncode, 0)


class Sides(unittest.TestCase):
    """--staged reads the index, --diff the working tree."""

    def setUp(self):
        self.repo = Repo(self)
        self.base = self.repo.kernel()

    def test_bug_only_unstaged(self):
        self.repo.write("mm/memory.c", ZAP)
        self.assertEqual(self.repo.mmcheck("--staged").returncode, 0)
        self.assertEqual(self.repo.mmcheck("--diff").returncode, 1)

    def test_paths_limit_the_change(self):
        self.repo.write("mm/memory.c", ZAP)
        self.assertEqual(self.repo.mmcheck("arch", "--diff").returncode, 0)
        self.assertEqual(self.repo.mmcheck("mm", "--diff").returncode, 1)
        self.assertEqual(self.repo.mmcheck("memory.c", "--diff=HEAD",
                                           cwd=os.path.join(self.repo.root, "mm")).returncode, 1)
        r = self.repo.mmcheck("--diff", "mm")        # mm taken as the revision
        self.assertEqual(r.returncode, 2)
        self.assertIn("PATHs before --diff", r.stderr)

    def test_bug_staged_and_fixed_only_in_the_working_tree(self):
        self.repo.write("mm/memory.c", ZAP)
        self.repo.git("add", "mm/memory.c")
        self.repo.write("mm/memory.c", ZAP_OK)
        r = self.repo.mmcheck("--staged")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn("mm-rmap-before-flush", r.stdout)
        self.assertEqual(self.repo.mmcheck("--diff").returncode, 0)

    def test_commit_range_detached_and_merge(self):
        self.repo.write("arch/s390/mm/gmap.c", GMAP_PLAIN)
        bad = self.repo.commit("s390/gmap: take context.lock plainly")
        self.repo.write("mm/rmap.c", "/* comment */\n" + UNMAP_OK + "\n" + MIGRATE)
        good = self.repo.commit("mm/rmap: a comment")
        self.assertEqual(self.repo.mmcheck("--commit", bad).returncode, 1)
        self.assertEqual(self.repo.mmcheck("--commit", good).returncode, 0)
        r = self.repo.mmcheck("--range", "%s..%s" % (self.base, good))
        self.assertEqual(r.returncode, 1)
        self.assertIn('commit %s ("s390/gmap: take context.lock plainly"):' % bad[:12], r.stdout)
        self.repo.git("checkout", "-q", "--detach", bad)
        self.assertEqual(self.repo.mmcheck("--diff", "HEAD~1").returncode, 1)
        # a merge is checked against its first parent
        self.repo.git("checkout", "-q", "-b", "side", self.base)
        self.repo.write("mm/memory.c", ZAP)
        self.repo.commit("mm: the 6.1 zap loop")
        self.repo.git("checkout", "-q", "master")
        self.repo.git("merge", "-q", "--no-ff", "-m", "Merge side", "side")
        r = self.repo.mmcheck("--commit", "HEAD")
        self.assertEqual(rules_in(r.stdout), ["mm-rmap-before-flush"])

    def test_initial_commit(self):
        repo = Repo(self)
        repo.write("mm/memory.c", ZAP)
        repo.git("add", "-A")
        r = repo.mmcheck("--staged")
        self.assertEqual(r.returncode, 1, r.stderr)
        first = repo.commit("first")
        self.assertEqual(repo.mmcheck("--commit", first).returncode, 1)

    def test_outside_a_repository_and_bad_revisions(self):
        with tempfile.TemporaryDirectory() as d:
            r = subprocess.run([MMCHECK, "--staged"], cwd=d, capture_output=True, text=True)
        self.assertEqual(r.returncode, 2)
        self.assertIn("not inside a git work tree", r.stderr)
        r = self.repo.mmcheck("--commit", "no-such-rev")
        self.assertEqual((r.returncode, "Traceback" in r.stderr), (2, False))
        self.assertEqual(self.repo.mmcheck("--staged", "--diff").returncode, 2)

    def test_two_checks_at_once_share_the_cache(self):
        self.repo.write("arch/s390/mm/gmap.c", GMAP_PLAIN)
        self.repo.git("add", "-A")
        procs = [subprocess.Popen([MMCHECK, "--staged"], cwd=self.repo.root, env=self.repo.env,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for _ in range(2)]
        outs = [p.communicate(timeout=600) + (p.returncode,) for p in procs]
        self.assertEqual([o[2] for o in outs], [1, 1])
        self.assertEqual(outs[0][0], outs[1][0])


class CompiledEngines(unittest.TestCase):
    """-e gcc, -e sparse and -e clang compile both sides of a changed file with the
    flags of the tree's build (here a compile_commands.json, the format
    the kernel's gen_compile_commands.py writes)."""

    def setUp(self):
        self.repo = Repo(self)
        self.repo.kernel()

    def write_build(self, where=None, extra=""):
        import json
        inc = os.path.join(DATA, "include")
        db = [{"directory": self.repo.root, "file": f,
               "command": "gcc -Wp,-MMD,mm/.x.o.d -I %s -include mmcheck-kernel.h -Werror %s-c "
                          "-o %s %s" % (inc, extra, f[:-2] + ".o", f)}
              for f in ("mm/memory.c", "mm/rmap.c")]
        os.makedirs(where or self.repo.root, exist_ok=True)
        with open(os.path.join(where or self.repo.root, "compile_commands.json"), "w") as f:
            json.dump(db, f)

    def test_gcc_with_kbuild_flags(self):
        self.write_build()
        self.repo.write("mm/memory.c", ZAP)
        self.repo.git("add", "mm")
        for engine in ("gcc", "sparse", "clang"):
            r = self.repo.mmcheck("--staged", "-e", engine)
            self.assertEqual(r.returncode, 1, r.stderr)
            self.assertEqual(rules_in(r.stdout), ["mm-rmap-before-flush"])
            self.assertIn("checked (%s)" % engine, r.stderr)
        self.repo.write("mm/memory.c", ZAP_OK)
        self.repo.write("mm/rmap.c", "/* comment */\n" + UNMAP_OK + "\n" + MIGRATE)
        self.repo.git("add", "mm")
        r = self.repo.mmcheck("--staged", "-e", "sparse")
        self.assertEqual((r.returncode, r.stdout), (0, ""), r.stderr)

    def test_files_with_the_builds_flags(self):
        """Not a change: files checked with the flags of the
        compile_commands.json beside them; a file it lacks is not
        analysed, and said so."""
        self.write_build()
        self.repo.write("mm/memory.c", ZAP)
        for engine in ("gcc", "sparse", "clang"):
            r = self.repo.mmcheck("-e", engine, "-r", "rmap-tlb", "mm/memory.c")
            self.assertEqual(r.returncode, 1, engine + ": " + r.stderr)
            self.assertEqual(rules_in(r.stdout), ["mm-rmap-before-flush"], engine)
            r = self.repo.mmcheck("-e", engine, "arch/s390/mm/pgalloc.c")
            self.assertEqual(r.returncode, 2, engine + ": " + r.stderr)
            self.assertIn("pgalloc.c: error: not compiled by the build", r.stderr)

    def test_build_made_with_the_plugin(self):
        """A kernel built with mmcheck's plugin in KCFLAGS (another copy
        of it): the build's -fplugin is dropped for the engine's own, or
        GCC would refuse the same plugin from two paths."""
        self.write_build(extra="-fplugin=/elsewhere/mmcheck.so "
                               "-fplugin-arg-mmcheck-facts=section ")
        self.repo.write("mm/memory.c", ZAP)
        r = self.repo.mmcheck("-e", "gcc", "mm/memory.c")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertEqual(rules_in(r.stdout), ["mm-rmap-before-flush"])

    def test_what_the_build_does_not_compile_is_read_by_cocci(self):
        self.write_build()
        self.repo.write("mm/internal.h", ZAP)          # a header with the bug
        self.repo.git("add", "mm")
        r = self.repo.mmcheck("--staged", "-e", "gcc")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertEqual(rules_in(r.stdout), ["mm-rmap-before-flush"])
        self.assertIn("mm/internal.h: not compiled by the build (a header): read by the "
                      "cocci engine", r.stderr)

    def test_build_dir_from_option_and_git_config(self):
        build = os.path.join(self.repo.dir, "build")
        self.write_build(build)
        self.repo.write("mm/memory.c", ZAP)
        self.repo.git("add", "mm")
        r = self.repo.mmcheck("--staged", "-e", "gcc", "--build-dir", build)
        self.assertIn("checked (gcc)", r.stderr)
        self.repo.git("config", "mmcheck.buildDir", build)
        r = self.repo.mmcheck("--staged", "-e", "gcc")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn("checked (gcc)", r.stderr)

    def test_no_build_falls_back_to_cocci(self):
        self.repo.write("mm/memory.c", ZAP)
        self.repo.git("add", "mm")
        r = self.repo.mmcheck("--staged", "-e", "gcc")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn("no kernel build to read kbuild's flags from", r.stderr)
        self.assertIn("checked (cocci)", r.stderr)


class Hook(unittest.TestCase):
    def setUp(self):
        self.repo = Repo(self)
        self.repo.kernel()

    def commit_bug(self, cwd=None):
        path = os.path.join(cwd or self.repo.root, "arch/s390/mm/gmap.c")
        with open(path, "w") as f:
            f.write(GMAP_PLAIN)
        self.repo.git("add", "-A", cwd=cwd)
        return self.repo.git("commit", "-q", "-m", "gmap: plain lock", cwd=cwd, check=False)

    def test_blocks_then_warn_only_then_no_verify(self):
        r = self.repo.mmcheck("hook", "install")
        self.assertEqual(r.returncode, 0, r.stderr)
        r = self.commit_bug()
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("[mm-lock-bh-mixed]", r.stderr)
        self.assertIn("bypass: git commit --no-verify", r.stderr)
        self.assertEqual(self.repo.git("commit", "-q", "--no-verify", "-m", "x").returncode, 0)

    def test_settings_from_git_config(self):
        self.repo.mmcheck("hook", "install", "--rules", "rmap-tlb")
        self.assertEqual(self.repo.git("config", "mmcheck.rules").stdout.strip(), "rmap-tlb")
        self.assertEqual(self.commit_bug().returncode, 0)    # the lock rule is not asked for
        self.repo.git("config", "mmcheck.rules", "lock-bh")
        self.repo.write("arch/s390/mm/gmap.c", GMAP_BH)
        self.repo.commit("back")
        self.assertNotEqual(self.commit_bug().returncode, 0)
        self.repo.git("config", "mmcheck.warnOnly", "true")
        r = self.commit_bug()
        self.assertEqual(r.returncode, 0)

    def test_existing_hook_is_chained_and_restored(self):
        hooks = os.path.join(self.repo.root, ".git", "hooks")
        mine = os.path.join(hooks, "pre-commit")
        with open(mine, "w") as f:
            f.write("#!/bin/sh\necho my-own-hook-ran >&2\nexit 0\n")
        os.chmod(mine, 0o750)
        with open(mine, "rb") as f:
            before = f.read()
        self.repo.mmcheck("hook", "install")
        self.repo.write("Documentation/mm/notes.rst", "changed\n")
        self.repo.git("add", "-A")
        r = self.repo.git("commit", "-q", "-m", "doc")
        self.assertIn("my-own-hook-ran", r.stderr)
        r = self.repo.mmcheck("hook", "uninstall")
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(mine, "rb") as f:
            self.assertEqual(f.read(), before)
        self.assertEqual(stat.S_IMODE(os.stat(mine).st_mode), 0o750)
        self.assertFalse(os.path.exists(os.path.join(hooks, "pre-commit.mmcheck-chained")))
        self.assertEqual(self.repo.mmcheck("hook", "uninstall").returncode, 2)

    def test_core_hooks_path(self):
        self.repo.git("config", "core.hooksPath", "githooks")
        self.repo.mmcheck("hook", "install")
        self.assertTrue(os.path.exists(os.path.join(self.repo.root, "githooks", "pre-commit")))
        self.assertNotEqual(self.commit_bug().returncode, 0)

    def test_worktree(self):
        wt = os.path.join(self.repo.dir, "wt")
        self.repo.git("worktree", "add", "-q", "-b", "topic", wt)
        r = self.repo.mmcheck("hook", "install", cwd=wt)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertNotEqual(self.commit_bug(cwd=wt).returncode, 0)

    def test_pre_commit_framework(self):
        """The real framework runs the hook that .pre-commit-hooks.yaml
        declares, from this source tree."""
        self.repo.git("config", "--global", "--add", "safe.directory", "*")
        self.repo.write("arch/s390/mm/gmap.c", GMAP_PLAIN)
        self.repo.git("add", "-A")
        r = subprocess.run(["pre-commit", "try-repo", TOP, "mmcheck"], cwd=self.repo.root,
                           env=self.repo.env, capture_output=True, text=True, timeout=600)
        self.assertNotEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertIn("[mm-lock-bh-mixed]", r.stdout)
        self.repo.write("arch/s390/mm/gmap.c", GMAP_BH)
        self.repo.git("add", "-A")
        r = subprocess.run(["pre-commit", "try-repo", TOP, "mmcheck"], cwd=self.repo.root,
                           env=self.repo.env, capture_output=True, text=True, timeout=600)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)


if __name__ == "__main__":
    unittest.main()
