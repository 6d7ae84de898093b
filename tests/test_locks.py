"""The whole-tree lock analysis (locks/mmcheck-locks) and the sparse
checker as their users meet them: reports from real objects, and bad
input rejected with a clear message and exit 2, never a partial report."""
import json
import os
import random
import shutil
import stat
import struct
import subprocess
import tempfile
import unittest

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LOCKS = os.path.join(TOP, "locks", "mmcheck-locks")
SPARSE = os.path.join(TOP, "sparse-checks", "mmcheck-sparse")
PLUGIN = os.path.join(TOP, "gcc-plugin", "mmcheck.so")
INCLUDE = ["-I", os.path.join(TOP, "testdata", "include"), "-include", "mmcheck-kernel.h"]
S390 = os.path.join(TOP, "testdata", "lock-bh", "bug-s390-context-lock")
RCU = os.path.join(TOP, "testdata", "lock-bh", "bug-softirq-unsafe-rcu")
CALLER = os.path.join(TOP, "testdata", "lock-bh", "bug-one-caller-bh-on")


def run(cmd, cwd=None):
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300, cwd=cwd)


# Fields of each record in facts version 9 (docs/facts.md); the tests
# write the older, shorter records and facts() pads them with '-'.
FIELDS = {"acq": 7, "call": 5}


def facts(records, tree="/tree", unit="a.c", end=None):
    """A blob of lock facts as the compilers write it: header, records,
    and an end record with their count and the checksum of the text."""
    lines = ["mmcheck-facts\t9\t%s\t%s" % (tree, unit)]
    for r in records:
        f = r.split("\t")
        lines.append("\t".join(f + ["-"] * (FIELDS.get(f[0], 0) + 1 - len(f))))
    text = "\n".join(lines) + "\n"
    h = 14695981039346656037
    for b in text.encode():
        h = ((h ^ b) * 1099511628211) & (2**64 - 1)
    return text + ("end\t%d\t%016x\n" % (len(records), h) if end is None else end)


def objects_with_facts(d, case=S390, names=("gmap", "pgalloc")):
    """A case compiled with the plugin's facts=section, as kbuild would."""
    for name in names:
        out = run(["gcc", "-O2", "-c", "-o", os.path.join(d, name + ".o"), "-fplugin=" + PLUGIN,
                   "-fplugin-arg-mmcheck-facts=section"] + INCLUDE + [name + ".c"], cwd=case)
        assert out.returncode == 0, out.stderr


# A workqueue made with WQ_BH in one unit, its work queued in another:
# the work functions' plain acquisitions run in softirq (bhwq and wqwork
# facts, joined by the analysis), a member's and a global's that
# DECLARE_WORK() defines.  Without WQ_BH they meet the _bh one.
WQ_INIT = """struct work_struct { unsigned long data; void (*func)(struct work_struct *w); };
struct workqueue_struct;
struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags, int max_active, ...);
struct rx_ring { spinlock_t lock; struct work_struct rx_work; };
struct workqueue_struct *rx_wq;
void rx_work_fn(struct work_struct *t);
void tx_work_fn(struct work_struct *t);
DECLARE_WORK(tx_work, tx_work_fn);

int rx_init(struct rx_ring *r)
{
	r->rx_work.func = rx_work_fn;
	rx_wq = alloc_workqueue("rx", FLAGS, 0);
	return rx_wq ? 0 : -12;
}
"""
WQ_USE = """struct work_struct { unsigned long data; void (*func)(struct work_struct *w); };
struct workqueue_struct;
bool queue_work(struct workqueue_struct *wq, struct work_struct *w);
struct rx_ring { spinlock_t lock; struct work_struct rx_work; };
extern struct workqueue_struct *rx_wq;
extern struct work_struct tx_work;

void rx_work_fn(struct work_struct *t)
{
	struct rx_ring *r = (struct rx_ring *)t;

	spin_lock(&r->lock);
	spin_unlock(&r->lock);
}

void rx_kick(struct rx_ring *r)
{
	spin_lock_bh(&r->lock);
	queue_work(rx_wq, &r->rx_work);
	queue_work(rx_wq, &tx_work);
	spin_unlock_bh(&r->lock);
}

extern struct rx_ring *tx_ring;

void tx_work_fn(struct work_struct *t)
{
	spin_lock(&tx_ring->lock);
	spin_unlock(&tx_ring->lock);
}
"""


def bh_workqueue_units(d, flags):
    for name, text in (("init.c", WQ_INIT.replace("FLAGS", flags)), ("use.c", WQ_USE)):
        with open(os.path.join(d, name), "w") as f:
            f.write(text)


class Locks(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        for d in ("locks", "gcc-plugin"):
            subprocess.run(["make", "-s", "-C", os.path.join(TOP, d)], check=True)

    def setUp(self):
        self.dir = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.dir)

    def assertBadInput(self, out, *words):
        self.assertEqual(out.returncode, 2, out.stderr)
        self.assertEqual(out.stdout, "")
        for w in words:
            self.assertIn(w, out.stderr)

    def findings(self, case, names):
        objects_with_facts(self.dir, case, names)
        out = run([LOCKS, "-f", "json", self.dir])
        self.assertEqual(out.returncode, 1, out.stderr)
        doc = json.loads(out.stdout)
        self.assertEqual(doc["units"], len(names))
        return doc["findings"]

    def test_reports_the_s390_mix_from_objects(self):
        found = self.findings(S390, ("gmap", "pgalloc"))
        self.assertEqual(sorted((f["file"], f["line"], f["rule"]) for f in found), [
            ("gmap.c", 6, "mm-lock-bh-mixed"), ("gmap.c", 6, "mm-lock-softirq-unsafe"),
            ("gmap.c", 13, "mm-lock-bh-mixed"), ("gmap.c", 13, "mm-lock-softirq-unsafe"),
            ("tlbflush.h", 4, "mm-lock-bh-mixed"), ("tlbflush.h", 4, "mm-lock-softirq-unsafe")])
        self.assertEqual({f["function"] for f in found},
                         {"gmap_attach", "gmap_detach", "flush_mm_lazy"})

    def test_softirq_unsafe_with_its_chain(self):
        found = self.findings(RCU, ("tlb", "pgalloc"))
        self.assertEqual([(f["line"], f["rule"], f["severity"]) for f in found],
                         [(12, "mm-lock-softirq-unsafe", "error")])
        notes = [n["message"] for n in found[0]["notes"]]
        self.assertIn("taken in softirq context here, in remove_table()", notes)
        self.assertIn("call_rcu() registers tlb_table_rcu() as a softirq callback here; it "
                      "calls tlb_table_free() -> remove_table()", notes)

    def test_bh_enabled_caller_named(self):
        """A lock in a function some callers call with BH disabled: the
        finding names the calls that enter it with BH enabled."""
        found = self.findings(CALLER, ("hash", "sock"))
        self.assertEqual([(f["line"], f["function"]) for f in found], [(9, "__put_port")])
        self.assertIn("__put_port() is called with BH enabled: put_port_fast() -> __put_port()",
                      [n["message"] for n in found[0]["notes"]])

    def test_bh_workqueue_of_another_unit(self):
        for flags, errors in (("1 | 16", 0), ("16", 1)):
            with self.subTest(flags=flags), tempfile.TemporaryDirectory() as d:
                bh_workqueue_units(d, flags)
                for name in ("init", "use"):
                    out = run(["gcc", "-O2", "-c", "-o", name + ".o", "-fplugin=" + PLUGIN,
                               "-fplugin-arg-mmcheck-facts=section"] + INCLUDE + [name + ".c"],
                              cwd=d)
                    self.assertEqual(out.returncode, 0, out.stderr)
                out = run([LOCKS, "-f", "json", d])
                found = json.loads(out.stdout)["findings"]
                self.assertEqual([(f["file"], f["line"]) for f in found],
                                 [("use.c", 12), ("use.c", 28)] * errors, out.stdout)

    def test_output_is_deterministic_and_atomic(self):
        objects_with_facts(self.dir)
        report = os.path.join(self.dir, "report.txt")
        first = run([LOCKS, "-o", report, self.dir])
        self.assertEqual(first.returncode, 1)
        with open(report) as f:
            text = f.read()
        self.assertIn("gmap.c:6:9: warning: lock struct mm_struct::context.lock", text)
        self.assertEqual(run([LOCKS, self.dir]).stdout, text)
        self.assertFalse(os.path.exists(report + ".tmp"))

    def test_output_to_a_device(self):
        """-o /dev/null writes into the device; renaming a report over it
        (as root) made /dev/null a regular file and broke later builds."""
        objects_with_facts(self.dir)
        self.assertEqual(run([LOCKS, "-o", os.devnull, self.dir]).returncode, 1)
        self.assertTrue(stat.S_ISCHR(os.stat(os.devnull).st_mode))

    def test_empty_directory(self):
        self.assertBadInput(run([LOCKS, self.dir]), "no lock facts found")

    def test_objects_without_facts(self):
        objects_with_facts(self.dir)
        out = run(["gcc", "-c", "-o", os.path.join(self.dir, "plain.o")] + INCLUDE +
                  [os.path.join(S390, "gmap.c")])
        self.assertEqual(out.returncode, 0)
        self.assertBadInput(run([LOCKS, self.dir]), "plain.o: compiled without lock facts",
                            "partial")
        self.assertEqual(run([LOCKS, "--partial-ok", self.dir]).returncode, 1)

    def write(self, name, text):
        with open(os.path.join(self.dir, name), "w") as f:
            f.write(text)

    def lock_errors(self, *records, status=1):
        """Run the analysis over one unit of these records: the places of
        its errors, and its whole output."""
        self.write("a.facts", facts(records))
        out = run([LOCKS, "--strip", "/tree/", self.dir])
        self.assertEqual(out.returncode, status, out.stderr)
        return [l.split(": error")[0] for l in out.stdout.splitlines() if ": error" in l], out.stdout

    def test_truncated_facts(self):
        self.write("a.facts", facts(["call\tf\tg\tbh-on"], end=""))
        self.assertBadInput(run([LOCKS, self.dir]), "a.facts", "truncated")

    def test_corrupt_facts(self):
        """One flipped bit anywhere in a blob is an error, never other facts."""
        text = facts(["acq\tf\tl\tplain\tbh-on\t/tree/a.c:1:1\tspin_lock",
                      "acq\tg\tl\tbh\tbh-on\t/tree/a.c:2:1\tspin_lock_bh"]).encode()
        for at in range(len(text)):
            self.write("a.facts", (text[:at] + bytes([text[at] ^ 4]) + text[at + 1:]).decode())
            self.assertBadInput(run([LOCKS, self.dir]), "a.facts")

    def test_foreign_facts(self):
        self.write("a.facts", "something else\n")
        self.assertBadInput(run([LOCKS, self.dir]), "a.facts", "not mmcheck facts")

    def test_strip_names_a_static_lock_by_its_short_unit(self):
        self.write("a.facts", facts(["acq\tf\tl@/tree/a.c\tplain\tbh-on\t/tree/a.c:1:1\tspin_lock",
                                     "acq\tg\tl@/tree/a.c\tbh\tbh-on\t/tree/a.c:2:1\tspin_lock_bh"],
                                    unit="/tree/a.c"))
        out = run([LOCKS, "--strip", "/tree", self.dir])
        self.assertIn("a.c:1:1: warning: lock l@a.c taken with BH enabled here", out.stdout)

    def test_calls_through_pointers(self):
        """A store or a pass makes a callee of the pseudo-function of the
        member or parameter: calls through it say how the callee is
        entered (a chain names them), and that it runs in softirq only for
        a member one unit keeps to itself (walker.func here).  A
        softirq_field member (applied by the analysis, not the compiler)
        makes a callback; a member nobody calls through leaves its targets
        entered from anywhere with BH enabled."""
        errors, out = self.lock_errors(
            "store\tproto@a.c\trcv@a.c\tnet_protocol.handler\t/tree/a.c:1:1",
            "acq\trcv@a.c\tstruct t::lock\tplain\tbh-on\t/tree/a.c:2:1\tspin_lock",
            "call\trcv@a.c\t*walker.func\tbh-on",
            "store\tsetup\tclean@a.c\twalker.func\t/tree/a.c:3:1",
            "acq\tclean@a.c\tstruct t::lock\tplain\tbh-on\t/tree/a.c:4:1\tspin_lock",
            "store\tsetup\tuser@a.c\tops.run\t/tree/a.c:5:1",
            "acq\tuser@a.c\tstruct t::lock\tplain\tbh-on\t/tree/a.c:6:1\tspin_lock",
            "pass\tout\tfin@a.c\thook@a.c\t2",
            "call\tout\thook@a.c\tbh-on",
            "call\thook@a.c\t*hook@a.c#2\tbh-on",
            "acq\tfin@a.c\tstruct t::lock\tplain\tbh-on\t/tree/a.c:7:1\tspin_lock")
        # rcv() in softirq; clean() called only from it: neither reported;
        # user() (no call through ops.run) and fin() (out() has no callers)
        self.assertEqual(errors, ["a.c:6:1", "a.c:7:1"])
        self.assertIn("a.c:1:1: note: rcv() is stored in net_protocol.handler here, which the "
                      "kernel calls in softirq", out)
        self.assertIn("fin() is called with BH enabled: out() -> hook() -> "
                      "(*hook() argument 2)() -> fin()", out)

    def test_member_of_two_units_gives_no_softirq_context(self):
        """A call through a member gives softirq context only when one unit
        both stores in it and calls through it: with the store in another
        unit, resolved by member, it could join unrelated subsystems, so
        the stored function is entered from softirq but not taken to run
        there.  The same records in one unit make the finding."""
        store = "store\tsetup\texpire@b.c\twalker.func\t/tree/b.c:1:1"
        acq = "acq\texpire@b.c\tstruct t::lock\tplain\tbh-on\t/tree/b.c:2:1\tspin_lock"
        caller = ("ctx\tgc@a.c\tsoftirq\ttimer_list\t/tree/a.c:1:1", "addr\tgc@a.c",
                  "call\tgc@a.c\t*walker.func\tbh-on",
                  "acq\tcount\tstruct t::lock\tplain\tbh-on\t/tree/a.c:2:1\tspin_lock")
        self.write("a.facts", facts(caller))
        self.write("b.facts", facts((store, acq), unit="b.c"))
        out = run([LOCKS, "--strip", "/tree/", self.dir])
        self.assertEqual(out.returncode, 0, out.stdout + out.stderr)
        os.unlink(os.path.join(self.dir, "b.facts"))
        errors, out = self.lock_errors(*(caller + (store.replace("b.c", "a.c"),
                                                   acq.replace("b.c", "a.c"))))
        self.assertEqual(errors, ["a.c:2:1"])
        self.assertIn("(*walker.func)() -> expire()", out)

    def test_process_cut_from_one_entry(self):
        """A process_cut row stops the process-context walk from its from=
        function at its callee; another way into the callee is walked."""
        cat = os.path.join(self.dir, "cat")
        os.mkdir(cat)
        with open(os.path.join(TOP, "catalogue", "mm-api.tsv")) as f:
            rows = f.read()
        with open(os.path.join(cat, "mm-api.tsv"), "w") as f:
            f.write(rows + "process_cut\tbuffer\tfrom=prepare\n")
        shutil.copy(os.path.join(TOP, "catalogue", "rules.tsv"), cat)
        records = ["ctx\ttasklet@a.c\tsoftirq\ttasklet_struct\t/tree/a.c:1:1",
                   "addr\ttasklet@a.c", "call\ttasklet@a.c\thandlers@a.c\tbh-on",
                   "call\tprepare\thandlers@a.c\tbh-on",
                   "call\thandlers@a.c\tbuffer@a.c\tbh-on",
                   "acq\tbuffer@a.c\tstruct sta::ps_lock\tplain\tbh-on\t/tree/a.c:2:1\tspin_lock"]
        self.write("a.facts", facts(records))
        out = run([LOCKS, "--catalogue", os.path.join(cat, "mm-api.tsv"), self.dir])
        self.assertEqual(out.returncode, 0, out.stdout + out.stderr)
        self.write("a.facts", facts(records + ["call\tfrom_work\thandlers@a.c\tbh-on"]))
        out = run([LOCKS, "--catalogue", os.path.join(cat, "mm-api.tsv"), "--strip", "/tree/",
                   self.dir])
        self.assertEqual(out.returncode, 1, out.stderr)
        self.assertIn("buffer() is called with BH enabled: from_work() -> handlers() -> buffer()",
                      out.stdout)

    def test_registration_row_newer_than_the_build(self):
        """A softirq_register row the build did not know (the unit wrote
        a pass record, not a reg) is applied by the analysis: the callback
        runs in softirq, with no rebuild."""
        errors, out = self.lock_errors(
            "pass\tah_input@a.c\tah_done@a.c\tahash_request_set_callback@a.c\t3",
            "acq\tah_done@a.c\tstruct x::lock\tplain\tbh-on\t/tree/a.c:1:1\tspin_lock",
            "acq\treset\tstruct x::lock\tplain\tbh-on\t/tree/a.c:2:1\tspin_lock",
            "pass\tah_input@a.c\tother@a.c\tahash_request_set_callback@a.c\t2",
            "acq\tother@a.c\tstruct y::lock\tplain\tbh-on\t/tree/a.c:3:1\tspin_lock",
            "acq\tsoft@a.c\tstruct y::lock\tplain\tbh-on\t/tree/a.c:4:1\tspin_lock",
            "ctx\tsoft@a.c\tsoftirq\ttimer_list\t/tree/a.c:4:1",
            "addr\tsoft@a.c")
        # reset() races with ah_done(); other() is argument 2, not the
        # callback: entered from anywhere, it races with soft()
        self.assertEqual(errors, ["a.c:2:1", "a.c:3:1"])
        self.assertIn("a.c:1:1: note: ah_done() is passed to ahash_request_set_callback() by "
                      "ah_input(), which registers it as a softirq callback", out)

    def test_call_through_parameter_per_passer(self):
        """A call through a parameter reaches a function only once the
        function that passed it is reached, whatever the order the walk
        meets them in: late() is reached after hook()'s call through its
        parameter, and soft() (softirq only) passes gone()."""
        errors, out = self.lock_errors(
            "call\troot1\thook@a.c\tbh-on",
            "call\thook@a.c\t*hook@a.c#1\tbh-on",
            "call\troot2\tm1\tbh-on", "call\tm1\tm2\tbh-on", "call\tm2\tlate\tbh-on",
            "call\tlate\thook@a.c\tbh-on",
            "pass\tlate\tfin@a.c\thook@a.c\t1",
            "call\tsoft@a.c\thook@a.c\tbh-on",
            "pass\tsoft@a.c\tgone@a.c\thook@a.c\t1",
            "ctx\tsoft@a.c\tsoftirq\ttimer_list\t/tree/a.c:9:1",
            "addr\tsoft@a.c",
            "acq\tsoft@a.c\tstruct x::lock\tplain\tbh-on\t/tree/a.c:1:1\tspin_lock",
            "acq\tfin@a.c\tstruct x::lock\tplain\tbh-on\t/tree/a.c:2:1\tspin_lock",
            "acq\tgone@a.c\tstruct x::lock\tplain\tbh-on\t/tree/a.c:3:1\tspin_lock")
        self.assertEqual(errors, ["a.c:2:1"])
        self.assertIn("(*hook() argument 1)() -> fin()", out)

    def test_constant_argument_rules_out_a_callee_record(self):
        """Version 4: a call whose constant argument contradicts a guard
        of its callee reaches a copy of the callee without the records
        that guard holds; another caller still reaches all of them.  The
        copy's acquisition, at the same place, is reported once, and
        not in the original's stead."""
        records = (
            "call\tdestruct\trelease@a.c\tbh-on\t3!=0\t-",
            "acq\trelease@a.c\tstruct q::lock\tplain\tbh-on\t/tree/a.c:1:1\tspin_lock\t3=0",
            "call\trelease@a.c\thelper@a.c\tbh-on\t-\t3=0",
            "acq\thelper@a.c\tstruct r::lock\tplain\tbh-on\t/tree/a.c:2:1\tspin_lock\t-",
            "acq\tsoft@a.c\tstruct q::lock\tplain\tbh-on\t/tree/a.c:3:1\tspin_lock\t-",
            "acq\tsoft@a.c\tstruct r::lock\tplain\tbh-on\t/tree/a.c:4:1\tspin_lock\t-",
            "ctx\tsoft@a.c\tsoftirq\ttimer_list\t/tree/a.c:3:1",
            "addr\tsoft@a.c")
        errors, out = self.lock_errors(*records, status=0)
        self.assertEqual(errors, [])
        errors, out = self.lock_errors(*records, "call\tflush\trelease@a.c\tbh-on\t-\t-")
        self.assertEqual(errors, ["a.c:1:1", "a.c:2:1"])
        self.assertIn("release() is called with BH enabled: flush() -> release()", out)

    def test_bad_guard_is_refused(self):
        self.write("a.facts", facts(["call\tf\tg\tbh-on\t3=1\t-"]))
        self.assertBadInput(run([LOCKS, self.dir]), "a.facts", "rejected")

    def test_bad_function_ir_is_refused(self):
        """The IR of another unit's helper is read with its bounds: a
        constant or a block out of range makes the facts bad input."""
        good = ["xfn\tk\tf\tcheck\tf\t1\t-\t1",
                "xev\tk\t0\t0\treturn\treturn\t-1\t-1\t1\t/tree/a.c:1:1\t-\t-"]
        self.write("a.facts", facts(good))
        self.assertEqual(run([LOCKS, self.dir]).returncode, 0)
        for bad in (good[1].replace("\t1\t/tree", "\t9\t/tree"),
                    good[1].replace("xev\tk\t0", "xev\tk\t3"),
                    "xedge\tk\t0\t0\t5\t0\t-1\t0"):
            self.write("a.facts", facts([good[0], bad]))
            self.assertBadInput(run([LOCKS, self.dir]), "a.facts", "rejected")

    def test_show_after_start_with_no_caller(self):
        """called_after: a show stored beside a start that returns with
        BH disabled, through a wrapper of another unit, is not entered
        with BH enabled, even when no call through the member is in the
        facts; a show beside another start is."""
        errors, out = self.lock_errors(
            "leaves\tneigh_start\t-",
            "leaves\tarp_start@a.c\tneigh_start",
            "store\tarp_ops@a.c\tarp_start@a.c\tseq_operations.start\t/tree/a.c:1:1",
            "store\tarp_ops@a.c\tarp_show@a.c\tseq_operations.show\t/tree/a.c:1:1",
            "store\tother_ops@a.c\tother_start@a.c\tseq_operations.start\t/tree/a.c:2:1",
            "store\tother_ops@a.c\tother_show@a.c\tseq_operations.show\t/tree/a.c:2:1",
            "acq\tarp_show@a.c\tstruct n::lock\tplain\tbh-on\t/tree/a.c:3:1\tread_lock\t-",
            "acq\tother_show@a.c\tstruct n::lock\tplain\tbh-on\t/tree/a.c:4:1\tread_lock\t-",
            "acq\tsoft@a.c\tstruct n::lock\tplain\tbh-on\t/tree/a.c:5:1\twrite_lock\t-",
            "ctx\tsoft@a.c\tsoftirq\ttimer_list\t/tree/a.c:5:1",
            "addr\tsoft@a.c")
        self.assertEqual(errors, ["a.c:4:1"])

    def test_severities_from_the_rule_list(self):
        """Severities come from catalogue/rules.tsv beside --catalogue: a
        catalogue without it is refused before any report."""
        with tempfile.TemporaryDirectory() as d:
            shutil.copy(os.path.join(TOP, "catalogue", "mm-api.tsv"), d)
            out = run([LOCKS, "--catalogue", os.path.join(d, "mm-api.tsv"), self.dir])
            self.assertBadInput(out, "rules.tsv", "beside --catalogue")
            with open(os.path.join(TOP, "catalogue", "rules.tsv")) as f:
                rules = f.read().replace("mm-lock-bh-mixed\tlock-bh\twarning",
                                         "mm-lock-bh-mixed\tlock-bh\terror")
            with open(os.path.join(d, "rules.tsv"), "w") as f:
                f.write(rules)
            self.write("a.facts", facts(["acq\tf\tl\tplain\tbh-on\t/tree/a.c:1:1\tspin_lock",
                                         "acq\tg\tl\tbh\tbh-on\t/tree/a.c:2:1\tspin_lock_bh"]))
            out = run([LOCKS, "--catalogue", os.path.join(d, "mm-api.tsv"), self.dir])
        self.assertIn("a.c:1:1: error: lock l taken with BH enabled here but with "
                      "spin_lock_bh() elsewhere [mm-lock-bh-mixed]", out.stdout)

    def test_old_format(self):
        """Facts before version 5 carry no checksum, before 6 no lockarg
        records, before 7 no IR for the helpers of other files, before 8
        the unit's name in full in each id: a build before it must be
        rebuilt, not read unchecked."""
        self.write("a.facts", "mmcheck-facts\t4\t/tree\ta.c\ncall\tf\tg\tbh-on\t-\t-\nend\t1\n")
        self.assertBadInput(run([LOCKS, self.dir]), "a.facts", "version not supported (want 9)",
                            "rebuild")

    def test_two_trees_mixed(self):
        self.write("a.facts", facts([], tree="/tree-a"))
        self.write("b.facts", facts([], tree="/tree-b", unit="b.c"))
        self.assertBadInput(run([LOCKS, self.dir]), "two trees mixed", "/tree-a", "/tree-b")

    def test_many_functions(self):
        """Tables grow while records refer into them (a crash on 6.1 mm/)."""
        lines = []
        for i in range(5000):
            lines += ["addr\tcb%d@big.c" % i, "call\tf%d\tcb%d@big.c\tbh-on" % (i, i),
                      "ctx\tcb%d@big.c\tsoftirq\ttakes a struct rcu_head *\tbig.c:%d:1" % (i, i),
                      "acq\tcb%d@big.c\tstruct s::lock\tplain\tbh-on\tbig.c:%d:9\tspin_lock" % (i, i)]
        self.write("big.facts", facts(lines, unit="big.c"))
        out = run([LOCKS, "-f", "json", self.dir])
        # each callback is also called from process context: unsafe, every one
        self.assertEqual(out.returncode, 1, out.stderr)
        doc = json.loads(out.stdout)
        self.assertEqual((doc["units"], len(doc["findings"])), (1, 5000))

    def hostile(self, data):
        """mmcheck-locks over one object: an exit status, never a signal."""
        self.write("x.o", "")
        with open(os.path.join(self.dir, "x.o"), "wb") as f:
            f.write(data)
        out = subprocess.run([LOCKS, self.dir], capture_output=True, timeout=60)
        self.assertIn(out.returncode, (0, 1, 2), out.stderr)
        return out

    def test_crafted_section_headers(self):
        """Offsets and sizes that wrap when added (issue 20: the reader of
        our own crashed on them; libelf checks them): exit 2, a message."""
        objects_with_facts(self.dir, names=("gmap",))
        with open(os.path.join(self.dir, "gmap.o"), "rb") as f:
            obj = bytearray(f.read())
        os.unlink(os.path.join(self.dir, "gmap.o"))
        self.assertEqual(obj[4], 2)     # ELF64, little-endian (x86_64)
        shoff, = struct.unpack_from("<Q", obj, 0x28)
        shentsize, shnum, shstrndx = struct.unpack_from("<HHH", obj, 0x3a)
        names = struct.unpack_from("<Q", obj, shoff + shstrndx * shentsize + 24)[0]

        def named(want):
            for i in range(shnum):
                at = shoff + i * shentsize
                name = struct.unpack_from("<I", obj, at)[0]
                if obj[names + name:].startswith(want.encode() + b"\0"):
                    return at
        facts_hdr = named(".mmcheck.facts")
        huge = 2**64 - 8
        for at, fmt, value in ((0x28, "<Q", huge),                  # e_shoff
                               (0x3c, "<H", 0xffff),                # e_shnum
                               (0x3e, "<H", shnum + 5),             # e_shstrndx
                               (facts_hdr, "<I", 0xfffffff0),       # sh_name
                               (facts_hdr + 24, "<Q", huge),        # sh_offset
                               (facts_hdr + 32, "<Q", 2**64 - 1),   # sh_size
                               (facts_hdr + 32, "<Q", len(obj))):
            bad = bytearray(obj)
            struct.pack_into(fmt, bad, at, value)
            out = self.hostile(bytes(bad))
            self.assertEqual(out.returncode, 2, (hex(at), value))
            self.assertIn(b"x.o", out.stderr, (hex(at), value))

    def test_random_mutations(self):
        """Bytes of a real object changed at random (a fixed seed): an exit
        status and, on 2, a message; never a crash."""
        objects_with_facts(self.dir, names=("gmap",))
        with open(os.path.join(self.dir, "gmap.o"), "rb") as f:
            obj = f.read()
        os.unlink(os.path.join(self.dir, "gmap.o"))
        rng = random.Random(20)
        for _ in range(300):
            bad = bytearray(obj)
            for _ in range(rng.randint(1, 8)):
                bad[rng.randrange(len(bad))] = rng.randrange(256)
            out = self.hostile(bytes(bad))
            if out.returncode == 2:
                self.assertIn(b"mmcheck-locks: ", out.stderr)

    def test_usage(self):
        self.assertEqual(run([LOCKS, "--help"]).returncode, 0)
        self.assertBadInput(run([LOCKS, "--bogus", self.dir]), "unknown or incomplete option")
        self.assertBadInput(run([LOCKS, "-f", "xml", self.dir]), "unknown format")


class Sparse(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        subprocess.run(["make", "-s", "-C", os.path.join(TOP, "sparse-checks")], check=True)

    def test_kbuild_arguments_and_facts(self):
        with tempfile.TemporaryDirectory() as d:
            # what kbuild passes sparse, more or less: -D, -W, -m64, -Wp,-MMD
            out = run([SPARSE, "-D__KERNEL__", "-Wbitwise", "-Wno-return-void", "-m64",
                       "-Wp,-MMD,/dev/null", "-Wall", "--mmcheck-facts=" + d] + INCLUDE +
                      ["gmap.c", "pgalloc.c"], cwd=S390)
            self.assertEqual(out.returncode, 0, out.stderr)
            self.assertEqual(len(os.listdir(d)), 2)
            locks = run([LOCKS, d])
        self.assertIn("gmap.c:6:9: warning:", locks.stdout)

    def test_bh_workqueue_of_another_unit(self):
        for flags, errors in (("1 | 16", 0), ("16", 1)):
            with self.subTest(flags=flags), tempfile.TemporaryDirectory() as d:
                bh_workqueue_units(d, flags)
                os.mkdir(os.path.join(d, "facts"))
                out = run([SPARSE, "--mmcheck-facts=facts"] + INCLUDE + ["init.c", "use.c"],
                          cwd=d)
                self.assertEqual(out.returncode, 0, out.stderr)
                out = run([LOCKS, "-f", "json", os.path.join(d, "facts")])
                found = json.loads(out.stdout)["findings"]
                self.assertEqual([(f["file"], f["line"]) for f in found],
                                 [("use.c", 12), ("use.c", 28)] * errors, out.stdout)

    def test_irqsave_class_as_gcc_names_it(self):
        """The kernel's spin_lock_irqsave() passes spinlock_check(lock),
        which sparse inlines (__always_inline) into &lock->rlock: the
        class is the spinlock's, as GCC's plugin names it (catalogue
        same_object member=rlock), for a member and for a global."""
        src = ("typedef struct raw_spinlock { int x; } raw_spinlock_t;\n"
               "typedef struct spinlock { union { struct raw_spinlock rlock; }; } spinlock_t;\n"
               "unsigned long _raw_spin_lock_irqsave(raw_spinlock_t *lock);\n"
               "static inline __attribute__((__always_inline__)) raw_spinlock_t *\n"
               "spinlock_check(spinlock_t *lock) { return &lock->rlock; }\n"
               "#define spin_lock_irqsave(l, f) ((f) = _raw_spin_lock_irqsave(spinlock_check(l)))\n"
               "struct timer { int a; spinlock_t it_lock; };\n"
               "static spinlock_t glock;\n"
               "void f(struct timer *t) { unsigned long fl; spin_lock_irqsave(&t->it_lock, fl); "
               "spin_lock_irqsave(&glock, fl); }\n")
        with tempfile.TemporaryDirectory() as d:
            with open(os.path.join(d, "k.c"), "w") as f:
                f.write(src)
            os.mkdir(os.path.join(d, "facts"))
            out = run([SPARSE, "--mmcheck-facts=facts", "k.c"], cwd=d)
            self.assertEqual(out.returncode, 0, out.stderr)
            name = os.listdir(os.path.join(d, "facts"))[0]
            with open(os.path.join(d, "facts", name)) as f:
                facts = f.read()
        classes = [l.split("\t")[2] for l in facts.splitlines() if l.startswith("acq")]
        # the static lock is glock@k.c, written without the unit's name
        self.assertEqual(classes, ["struct timer::it_lock", "glock@"])

    def test_wno_rule(self):
        case = os.path.join(TOP, "testdata", "rmap-tlb")
        out = run([SPARSE] + INCLUDE + ["bug-zap-6.1-shape.c"], cwd=case)
        self.assertIn("[mm-rmap-before-flush]", out.stderr)
        out = run([SPARSE, "-Wno-mm-rmap-before-flush"] + INCLUDE + ["bug-zap-6.1-shape.c"],
                  cwd=case)
        self.assertEqual((out.returncode, out.stderr), (0, ""))

    def test_bad_options(self):
        for args, words in ((["--mmcheck-bogus=1"], "unknown option"),
                            (["--mmcheck-catalogue=/nonexistent.tsv"], "/nonexistent.tsv"),
                            (["--mmcheck-facts=/nonexistent/dir"], "not a writable directory")):
            out = run([SPARSE] + args + INCLUDE + ["gmap.c"], cwd=S390)
            self.assertNotEqual(out.returncode, 0)
            self.assertIn(words, out.stderr)


if __name__ == "__main__":
    unittest.main()
