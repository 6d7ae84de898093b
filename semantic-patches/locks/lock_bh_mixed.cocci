// SPDX-License-Identifier: GPL-2.0-only
// GENERATED from semantic-patches/locks/lock_bh_mixed.cocci.in by tools/gen-cocci: edit the template and catalogue/mm-api.tsv
/// Find a lock that is taken with BH (softirqs) enabled in one place and
/// with a _bh primitive in another.  The _bh user says a softirq may take
/// the lock; a softirq that interrupts the plain holder on the same CPU
/// then spins forever.  s390 took mm->context.lock with spin_lock() in
/// __tlb_flush_mm_lazy(), gmap_create() and gmap_remove() but with
/// spin_lock_bh() in the page-table code; once __tlb_remove_table() took
/// it from an RCU callback, the plain users could deadlock (Gerald
/// Schaefer, "mm: delay rmap removal ..." thread, June 2023).
///
//# Whole-run rule: acquisitions are collected from every file and matched
//# in finalize, so run it over the whole tree (it supports --jobs).  A lock
//# is identified by its struct type and member path (mm->context.lock and
//# gmap->mm->context.lock are one lock), or by its global name.  When the
//# type is unknown, the member path must have two or more components.
//# Acquisitions while BH is already off (inside a _bh or _irq section,
//# after local_bh_disable(), under guard(spinlock_bh)) or in a softirq
//# callback (timer, RCU, tasklet, NAPI poll, socket callback, BH work) or a hardirq
//# handler are not plain; so are those in static helpers of the file that
//# only such code reaches.  A lock handed to a helper of the file takes the
//# class its callers pass; what a static function does only under if (P),
//# with NULL or 0 as P in every call of the file, never runs.  Locks in
//# arch/A and arch/B never meet in one kernel, so they are not matched.  By default only mm's lock classes are
//# reported (an mm struct type, or a _bh user in mm code; run from the tree
//# root so paths start with mm/ or arch/); -D all_locks reports every class.  Patch mode
//# converts the plain acquisitions of the member paths given with
//# -D bh_paths=PATH[,PATH] (the report names them) and their unlocks.
//
// Confidence: Moderate
// Copyright: (C) 2026 The mmcheck authors.
// URL: see docs/rules.md#mm-lock-bh-mixed
// Comments: rule mm-lock-bh-mixed
// Options: --no-includes --include-headers

virtual patch
virtual context
virtual org
virtual report
virtual mmcheck
virtual all_locks

// ---- mmcheck output helper, pasted into every rule by tools/gen-cocci so
// each .cocci stays self-contained.
@initialize:python@
@@
# One print() per finding keeps a warning and its notes together under --jobs.
mm_seen = set()
mm_func_lines = False
mm_mode = "report"

def mm_where(p):
    """(file, line, col, colend, function) of a position list or such a tuple."""
    if not hasattr(p[0], "file"):
        return p
    q = p[0]
    return (q.file, q.line, q.column, q.column_end, q.current_element)

def mm_line(w, text, rule):
    return "%s:%s:%s-%s: %s [%s]" % (w[0], w[1], w[2], w[3], text, rule)

def mm_emit(rule, p, msg, notes=()):
    """p: where (a position list or an mm_where() tuple); notes: [(where, text)]."""
    w = mm_where(p)
    key = (rule,) + tuple(w[:3])
    if key in mm_seen:
        return
    mm_seen.add(key)
    if mm_mode == "org":
        print("* TODO [[view:%s::face=ovl-face1::linb=%s::colb=%s::cole=%s][%s [%s]]]"
              % (w[0], w[1], w[2], w[3], msg, rule))
        for n, text in notes:
            n = mm_where(n)
            print("[[view:%s::face=ovl-face2::linb=%s::colb=%s::cole=%s][%s]]"
                  % (n[0], n[1], n[2], n[3], text))
        return
    out = [mm_line(w, "WARNING: " + msg, rule)]
    if mm_func_lines:
        out.append(mm_line(w, "function: " + w[4], rule))
    out += [mm_line(mm_where(n), "note: " + text, rule) for n, text in notes]
    print("\n".join(out))

# Summaries: what a function of one file does for the calls of another.
# With -D summaries a rule prints each such helper; the driver gathers them
# from the files of the run and hands them back in MMCHECK_SUMMARIES_IN.
def mm_summary(kind, name, p, **keys):
    import json
    print("MMCHECK-SUMMARY " + json.dumps(dict(keys, kind=kind, name=name, where=mm_where(p))))

def mm_load_summaries():
    import json, os
    path = os.environ.get("MMCHECK_SUMMARIES_IN")
    if not path:
        return []
    with open(path) as f:
        return json.load(f)

mm_helpers = mm_load_summaries()

def mm_summaries(kind, **keys):
    """{name: where its body is} of the helpers of that kind (and keys)."""
    return {r["name"]: tuple(r["where"]) for r in mm_helpers
            if r["kind"] == kind and all(r.get(k) == v for k, v in keys.items())}

@initialize:python depends on mmcheck@
@@
mm_func_lines = True

@initialize:python depends on org@
@@
mm_mode = "org"

@initialize:python@
@@
import re

MMCHECK_PLAIN = ['__raw_read_lock', '__raw_read_trylock', '__raw_write_lock', '__raw_write_trylock', '_raw_read_lock', '_raw_read_trylock', '_raw_write_lock', '_raw_write_lock_nested', '_raw_write_trylock', 'read_lock', 'read_trylock', 'spin_lock', 'spin_lock_nested', 'spin_trylock', 'spinlock', 'write_lock', 'write_trylock']
MMCHECK_BH = ['__raw_read_lock_bh', '__raw_write_lock_bh', '_raw_read_lock_bh', '_raw_write_lock_bh', 'read_lock_bh', 'spin_lock_bh', 'spin_trylock_bh', 'spinlock_bh', 'write_lock_bh']
MMCHECK_SOFTIRQ_FIELDS = ['dst_entry.input', 'gre_protocol.err_handler', 'gre_protocol.handler', 'inet6_protocol.err_handler', 'inet6_protocol.handler', 'inet_connection_sock_af_ops.conn_request', 'inet_connection_sock_af_ops.syn_recv_sock', 'net_protocol.err_handler', 'net_protocol.handler', 'packet_type.func', 'packet_type.list_func', 'sk_data_ready', 'sk_error_report', 'sk_state_change', 'sk_write_space', 'xfrm4_protocol.err_handler', 'xfrm4_protocol.handler', 'xfrm4_protocol.input_handler', 'xfrm6_protocol.err_handler', 'xfrm6_protocol.handler', 'xfrm6_protocol.input_handler', 'xfrm6_tunnel.err_handler', 'xfrm6_tunnel.handler', 'xfrm_tunnel.err_handler', 'xfrm_tunnel.handler']
MMCHECK_BH_OFF_FIELDS = ['nf_hook_state.okfn']
MMCHECK_PER_FAMILY = ['sock::sk_callback_lock', 'sock::sk_error_queue.lock', 'sock::sk_lock.slock', 'sock::sk_receive_queue.lock', 'sock::sk_write_queue.lock']
MMCHECK_FAMILY_PATHS = {'net/unix/': 'unix', 'net/packet/': 'packet', 'net/netlink/': 'netlink', 'net/ipv4/': 'inet', 'net/ipv6/': 'inet'}
MMCHECK_TRY = {'spin_trylock': '1', 'read_trylock': '1', 'write_trylock': '1', 'spin_trylock_bh': '1', 'spin_trylock_irq': '1', 'spin_trylock_irqsave': '1', '_raw_read_trylock': '1', '_raw_write_trylock': '1', '__raw_read_trylock': '1', '__raw_write_trylock': '1'}
coccinelle.mm_acq = []        # one tuple per acquisition, see mm_record()
coccinelle.mm_typed = {}      # position -> (struct type, base expression)
coccinelle.mm_bhoff = set()   # positions where BH is already disabled
coccinelle.mm_softirq = set() # (file, function) run in softirq context
coccinelle.mm_bh_work = set() # (file, member) work items queued on a BH workqueue
coccinelle.mm_static = set()  # (file, name) of file-local lock variables
coccinelle.mm_defs = []       # (file, function, first line, last line)
coccinelle.mm_lparam = set()  # (file, function, lock parameter, its index)
coccinelle.mm_larg = []       # call position + (caller, callee, index, argument)
coccinelle.mm_bh_mcall = set()  # (file, line, member) of calls through it with BH off
MMCHECK_MM_TYPES = ['address_space', 'anon_vma', 'folio', 'gmap', 'kmem_cache', 'lruvec', 'mem_cgroup', 'mm_context_t', 'mm_struct', 'mmu_gather', 'page', 'pglist_data', 'ptdesc', 'swap_info_struct', 'vm_area_struct', 'zone']
MMCHECK_MM_PATHS = [re.compile(r"^(\./)?" + re.escape(g).replace(r"\*", "[^ ]*"))
                    for g in ['arch/*/include/asm/mmu*', 'arch/*/include/asm/pgalloc*', 'arch/*/include/asm/pgtable*', 'arch/*/include/asm/tlb*', 'arch/*/mm/*', 'include/linux/mm*', 'mm/*']]
mm_all_locks = False

def mm_tag(t):
    """A struct type as the catalogue names it: its tag, without "struct "."""
    return t.replace("struct ", "").strip()

def mm_pos(p):
    return (p[0].file, int(p[0].line), int(p[0].column))

def mm_record(p, fn, lock):
    flavour = "plain" if fn in MMCHECK_PLAIN else ("bh" if fn in MMCHECK_BH else "irq")
    coccinelle.mm_acq.append((p[0].file, int(p[0].line), int(p[0].column),
                              int(p[0].column_end), p[0].current_element,
                              fn, flavour, re.sub(r"\s+", "", lock)))

@initialize:python depends on all_locks@
@@
mm_all_locks = True

@initialize:python depends on patch@
bh_paths << virtual.bh_paths;
@@
mm_fix_paths = set(x for x in bh_paths.split(",") if x)
MMCHECK_BH_OF = {'spin_lock': 'spin_lock_bh', 'spin_trylock': 'spin_trylock_bh', 'read_lock': 'read_lock_bh', 'write_lock': 'write_lock_bh', 'spin_unlock': 'spin_unlock_bh', 'read_unlock': 'read_unlock_bh', 'write_unlock': 'write_unlock_bh'}

// ---------------------------------------------------------------- context
// BH already off: after a _bh/_irq acquisition, local_bh_disable() or a
// _bh/_irq guard, with no release on the way.
@bhoff exists@
identifier off =~ "^(__netif_tx_lock_bh|__raw_read_lock_bh|__raw_read_lock_irq|__raw_read_lock_irqsave|__raw_write_lock_bh|__raw_write_lock_irq|__raw_write_lock_irqsave|_raw_read_lock_bh|_raw_read_lock_irq|_raw_read_lock_irqsave|_raw_spin_lock_irqsave|_raw_write_lock_bh|_raw_write_lock_irq|_raw_write_lock_irqsave|arch_local_irq_disable|arch_local_irq_save|local_bh_disable|local_irq_disable|local_irq_save|netif_tx_lock_bh|rcu_read_lock_bh|read_lock_bh|read_lock_irq|read_lock_irqsave|spin_lock_bh|spin_lock_irq|spin_lock_irqsave|spin_lock_irqsave_nested|spin_trylock_bh|spin_trylock_irq|spin_trylock_irqsave|write_lock_bh|write_lock_irq|write_lock_irqsave)$";
identifier on =~ "^(__netif_tx_unlock_bh|__raw_read_unlock_bh|__raw_read_unlock_irq|__raw_read_unlock_irqrestore|__raw_write_unlock_bh|__raw_write_unlock_irq|__raw_write_unlock_irqrestore|_raw_read_unlock_bh|_raw_read_unlock_irq|_raw_read_unlock_irqrestore|_raw_write_unlock_bh|_raw_write_unlock_irq|_raw_write_unlock_irqrestore|arch_local_irq_enable|arch_local_irq_restore|local_bh_enable|local_irq_enable|local_irq_restore|netif_tx_unlock_bh|rcu_read_unlock_bh|read_unlock_bh|read_unlock_irq|read_unlock_irqrestore|spin_unlock_bh|spin_unlock_irq|spin_unlock_irqrestore|write_unlock_bh|write_unlock_irq|write_unlock_irqrestore)$";
identifier g =~ "^(read_lock_bh|read_lock_irq|read_lock_irqsave|spinlock_bh|spinlock_irq|spinlock_irqsave|write_lock_bh|write_lock_irq|write_lock_irqsave)$";
identifier pl =~ "^(__raw_read_lock|__raw_read_trylock|__raw_write_lock|__raw_write_trylock|_raw_read_lock|_raw_read_trylock|_raw_write_lock|_raw_write_lock_nested|_raw_write_trylock|read_lock|read_trylock|spin_lock|spin_lock_nested|spin_trylock|write_lock|write_trylock)$";
identifier gp =~ "^(read_lock|spinlock|write_lock)$";
expression L;
position p;
@@

(
off(...)
|
guard(g)(...)
)
... when != on(...)
(
pl@p(...)
|
guard@p(gp)(L)
)

@bhoff_sg exists@
identifier off =~ "^(__netif_tx_lock_bh|__raw_read_lock_bh|__raw_read_lock_irq|__raw_read_lock_irqsave|__raw_write_lock_bh|__raw_write_lock_irq|__raw_write_lock_irqsave|_raw_read_lock_bh|_raw_read_lock_irq|_raw_read_lock_irqsave|_raw_spin_lock_irqsave|_raw_write_lock_bh|_raw_write_lock_irq|_raw_write_lock_irqsave|arch_local_irq_disable|arch_local_irq_save|local_bh_disable|local_irq_disable|local_irq_save|netif_tx_lock_bh|rcu_read_lock_bh|read_lock_bh|read_lock_irq|read_lock_irqsave|spin_lock_bh|spin_lock_irq|spin_lock_irqsave|spin_lock_irqsave_nested|spin_trylock_bh|spin_trylock_irq|spin_trylock_irqsave|write_lock_bh|write_lock_irq|write_lock_irqsave)$";
identifier on =~ "^(__netif_tx_unlock_bh|__raw_read_unlock_bh|__raw_read_unlock_irq|__raw_read_unlock_irqrestore|__raw_write_unlock_bh|__raw_write_unlock_irq|__raw_write_unlock_irqrestore|_raw_read_unlock_bh|_raw_read_unlock_irq|_raw_read_unlock_irqrestore|_raw_write_unlock_bh|_raw_write_unlock_irq|_raw_write_unlock_irqrestore|arch_local_irq_enable|arch_local_irq_restore|local_bh_enable|local_irq_enable|local_irq_restore|netif_tx_unlock_bh|rcu_read_unlock_bh|read_unlock_bh|read_unlock_irq|read_unlock_irqrestore|spin_unlock_bh|spin_unlock_irq|spin_unlock_irqrestore|write_unlock_bh|write_unlock_irq|write_unlock_irqrestore)$";
identifier g =~ "^(read_lock_bh|read_lock_irq|read_lock_irqsave|spinlock_bh|spinlock_irq|spinlock_irqsave|write_lock_bh|write_lock_irq|write_lock_irqsave)$";
identifier gp =~ "^(read_lock|spinlock|write_lock)$";
iterator name scoped_cond_guard, scoped_guard;
expression L;
statement S;
position p;
@@

(
off(...)
|
guard(g)(...)
)
... when != on(...)
scoped_guard@p(gp, L) S

@bhoff_scoped@
iterator name scoped_cond_guard, scoped_guard;
identifier g =~ "^(read_lock_bh|read_lock_irq|read_lock_irqsave|spinlock_bh|spinlock_irq|spinlock_irqsave|write_lock_bh|write_lock_irq|write_lock_irqsave)$";
identifier pl =~ "^(__raw_read_lock|__raw_read_trylock|__raw_write_lock|__raw_write_trylock|_raw_read_lock|_raw_read_trylock|_raw_write_lock|_raw_write_lock_nested|_raw_write_trylock|read_lock|read_trylock|spin_lock|spin_lock_nested|spin_trylock|write_lock|write_trylock)$";
expression L;
position p;
@@

scoped_guard(g, L) { <+... pl@p(...) ...+> }

// BH off by a context test: the nonzero side of if (in_softirq()), or of
// a test of the variable that holds one (7.2 page_pool_producer_lock():
// bool in_softirq = in_softirq(); if (in_softirq) spin_lock(); else ...).
@bhoff_test exists@
identifier t =~ "^(in_hardirq|in_interrupt|in_serving_softirq|in_softirq|softirq_count)$";
identifier pl =~ "^(__raw_read_lock|__raw_read_trylock|__raw_write_lock|__raw_write_trylock|_raw_read_lock|_raw_read_trylock|_raw_write_lock|_raw_write_lock_nested|_raw_write_trylock|read_lock|read_trylock|spin_lock|spin_lock_nested|spin_trylock|write_lock|write_trylock)$";
statement S;
position p;
@@

if (t()) { ... pl@p(...); ... } else S

@bhoff_test_var exists@
identifier t =~ "^(in_hardirq|in_interrupt|in_serving_softirq|in_softirq|softirq_count)$";
identifier pl =~ "^(__raw_read_lock|__raw_read_trylock|__raw_write_lock|__raw_write_trylock|_raw_read_lock|_raw_read_trylock|_raw_write_lock|_raw_write_lock_nested|_raw_write_trylock|read_lock|read_trylock|spin_lock|spin_lock_nested|spin_trylock|write_lock|write_trylock)$";
identifier v;
expression E;
statement S;
type T;
position p;
@@

(
v = t();
|
T v = t();
)
... when != v = E
if (v) { ... pl@p(...); ... } else S

// Calls through a member with BH off (6.1 nf_reinject(): local_bh_disable();
// ... state->okfn(skb)), for mm_closure().
@bhoff_mcall exists@
identifier off =~ "^(__netif_tx_lock_bh|__raw_read_lock_bh|__raw_read_lock_irq|__raw_read_lock_irqsave|__raw_write_lock_bh|__raw_write_lock_irq|__raw_write_lock_irqsave|_raw_read_lock_bh|_raw_read_lock_irq|_raw_read_lock_irqsave|_raw_spin_lock_irqsave|_raw_write_lock_bh|_raw_write_lock_irq|_raw_write_lock_irqsave|arch_local_irq_disable|arch_local_irq_save|local_bh_disable|local_irq_disable|local_irq_save|netif_tx_lock_bh|rcu_read_lock_bh|read_lock_bh|read_lock_irq|read_lock_irqsave|spin_lock_bh|spin_lock_irq|spin_lock_irqsave|spin_lock_irqsave_nested|spin_trylock_bh|spin_trylock_irq|spin_trylock_irqsave|write_lock_bh|write_lock_irq|write_lock_irqsave)$";
identifier on =~ "^(__netif_tx_unlock_bh|__raw_read_unlock_bh|__raw_read_unlock_irq|__raw_read_unlock_irqrestore|__raw_write_unlock_bh|__raw_write_unlock_irq|__raw_write_unlock_irqrestore|_raw_read_unlock_bh|_raw_read_unlock_irq|_raw_read_unlock_irqrestore|_raw_write_unlock_bh|_raw_write_unlock_irq|_raw_write_unlock_irqrestore|arch_local_irq_enable|arch_local_irq_restore|local_bh_enable|local_irq_enable|local_irq_restore|netif_tx_unlock_bh|rcu_read_unlock_bh|read_unlock_bh|read_unlock_irq|read_unlock_irqrestore|spin_unlock_bh|spin_unlock_irq|spin_unlock_irqrestore|write_unlock_bh|write_unlock_irq|write_unlock_irqrestore)$";
identifier g =~ "^(read_lock_bh|read_lock_irq|read_lock_irqsave|spinlock_bh|spinlock_irq|spinlock_irqsave|write_lock_bh|write_lock_irq|write_lock_irqsave)$";
identifier fld;
expression E;
position p;
@@

(
off(...)
|
guard(g)(...)
)
... when != on(...)
(
E->fld@p(...)
|
E.fld@p(...)
)

@script:python@
p << bhoff_mcall.p;
fld << bhoff_mcall.fld;
@@
coccinelle.mm_bh_mcall.add((p[0].file, int(p[0].line), fld))

@script:python@
p << bhoff_test.p;
@@
coccinelle.mm_bhoff.add(mm_pos(p))

@script:python@
p << bhoff_test_var.p;
@@
coccinelle.mm_bhoff.add(mm_pos(p))

@script:python@
p << bhoff.p;
@@
coccinelle.mm_bhoff.add(mm_pos(p))

@script:python@
p << bhoff_sg.p;
@@
coccinelle.mm_bhoff.add(mm_pos(p))

@script:python@
p << bhoff_scoped.p;
@@
coccinelle.mm_bhoff.add(mm_pos(p))

// Softirq callbacks: by their first parameter's type, or registered here.
@softirq_param@
identifier f, x;
identifier T =~ "^(hrtimer|napi_struct|rcu_head|tasklet_struct|timer_list)$";
position p;
@@

f@p(struct T *x, ...) { ... }

// A member the kernel calls in softirq: bare (sk_data_ready of any
// struct) when assigned, STRUCT.MEMBER or bare in a static initializer
// (an ops table: static const struct net_protocol p = { .handler = f }).
@softirq_assign@
identifier fld =~ "^(sk_data_ready|sk_error_report|sk_state_change|sk_write_space)$";
identifier f;
expression E;
position p;
@@

E->fld = f@p

@script:python@
p << softirq_assign.p;
f << softirq_assign.f;
@@
coccinelle.mm_softirq.add((p[0].file, f))

// STRUCT.MEMBER assigned, also through a conditional (AF_PACKET:
// po->prot_hook.func = rx_ring ? tpacket_rcv : packet_rcv).
@softirq_store@
type T;
T *E1;
T E2;
identifier fld, f;
expression C, G;
position p;
@@

(
E1->fld = f@p
|
E2.fld = f@p
|
E1->fld = C ? f@p : G
|
E2.fld = C ? f@p : G
)

@script:python@
p << softirq_store.p;
T << softirq_store.T;
fld << softirq_store.fld;
f << softirq_store.f;
@@
if "%s.%s" % (mm_tag(T), fld) in MMCHECK_SOFTIRQ_FIELDS:
    coccinelle.mm_softirq.add((p[0].file, f))

// The other branch: a disjunction binds the first that matches.
@softirq_store_else@
type T;
T *E1;
T E2;
identifier fld, f;
expression C, G;
position p;
@@

(
E1->fld = C ? G : f@p
|
E2.fld = C ? G : f@p
)

@script:python@
p << softirq_store_else.p;
T << softirq_store_else.T;
fld << softirq_store_else.fld;
f << softirq_store_else.f;
@@
if "%s.%s" % (mm_tag(T), fld) in MMCHECK_SOFTIRQ_FIELDS:
    coccinelle.mm_softirq.add((p[0].file, f))

@softirq_init@
identifier T, x, fld, f;
position p;
@@

struct T x = { ..., .fld = f@p, ... };

@script:python@
p << softirq_init.p;
T << softirq_init.T;
fld << softirq_init.fld;
f << softirq_init.f;
@@
if "%s.%s" % (T, fld) in MMCHECK_SOFTIRQ_FIELDS or fld in MMCHECK_SOFTIRQ_FIELDS:
    coccinelle.mm_softirq.add((p[0].file, f))

// The same, assigned as a compound literal in a function (6.12's
// net_hotdata.udp_protocol = (struct net_protocol){ .err_handler = udp_err }).
@softirq_literal@
identifier T, fld, f;
expression E;
position p;
@@

E = (struct T) { ..., .fld = f@p, ... };

@script:python@
p << softirq_literal.p;
T << softirq_literal.T;
fld << softirq_literal.fld;
f << softirq_literal.f;
@@
if "%s.%s" % (T, fld) in MMCHECK_SOFTIRQ_FIELDS or fld in MMCHECK_SOFTIRQ_FIELDS:
    coccinelle.mm_softirq.add((p[0].file, f))

// Exported functions documented to run in softirq, or with BH disabled.
@softirq_entry@
identifier f =~ "^(__neigh_for_each_release|__sk_receive_skb|ethtool_mmsv_event_handle|ieee80211_get_buffered_bc|ieee80211_rx_list|ieee80211_rx_napi|ieee80211_sta_ps_transition|ieee80211_tx_dequeue|ieee80211_tx_status_8023|napi_gro_frags|napi_gro_receive|netif_receive_skb|netif_receive_skb_core|netif_receive_skb_list|netpoll_send_udp|xfrm4_rcv|xfrm6_input_addr)$";
position p;
@@

f@p(...) { ... }

@script:python@
p << softirq_entry.p;
f << softirq_entry.f;
@@
coccinelle.mm_softirq.add((p[0].file, f))

// Work queued on a BH workqueue: system_bh_wq, or one the file makes with
// WQ_BH (alloc_workqueue(..., WQ_BH | ..., 0)) and keeps in a variable
// (the same expression where it is queued) or a member (any object's).
// The work item is a member (keyed by its name) or a global (DECLARE_WORK()
// or INIT_WORK() at run time: keyed by the variable's name).
@bh_alloc@
identifier alloc =~ "^(alloc_workqueue|alloc_workqueue_noprof)$";
identifier flag =~ "^(WQ_BH|system_bh_highpri_wq|system_bh_wq)$";
expression W;
@@

W = alloc(..., <+... flag ...+>, ...)

@bh_alloc_member@
identifier alloc =~ "^(alloc_workqueue|alloc_workqueue_noprof)$";
identifier flag =~ "^(WQ_BH|system_bh_highpri_wq|system_bh_wq)$";
expression P;
identifier m;
@@

P->m = alloc(..., <+... flag ...+>, ...)

@bh_queue@
identifier q =~ "^(queue_work|queue_work_on)$";
identifier wq =~ "^(WQ_BH|system_bh_highpri_wq|system_bh_wq)$";
expression E, C;
identifier fld;
position p;
@@

(
q(wq, &E->fld@p)
|
q(C, wq, &E->fld@p)
|
q(wq, &fld@p)
|
q(C, wq, &fld@p)
)

@bh_queue_alloc@
identifier q =~ "^(queue_work|queue_work_on)$";
expression bh_alloc.W;
expression E, C;
identifier fld;
position p;
@@

(
q(W, &E->fld@p)
|
q(C, W, &E->fld@p)
|
q(W, &fld@p)
|
q(C, W, &fld@p)
)

@bh_queue_member@
identifier q =~ "^(queue_work|queue_work_on)$";
identifier bh_alloc_member.m;
expression P, E, C;
identifier fld;
position p;
@@

(
q(P->m, &E->fld@p)
|
q(C, P->m, &E->fld@p)
|
q(P->m, &fld@p)
|
q(C, P->m, &fld@p)
)

@script:python@
p << bh_queue.p;
fld << bh_queue.fld;
@@
coccinelle.mm_bh_work.add((p[0].file, fld))

@script:python@
p << bh_queue_alloc.p;
fld << bh_queue_alloc.fld;
@@
coccinelle.mm_bh_work.add((p[0].file, fld))

@script:python@
p << bh_queue_member.p;
fld << bh_queue_member.fld;
@@
coccinelle.mm_bh_work.add((p[0].file, fld))

@bh_work@
identifier init =~ "^(DECLARE_WORK|INIT_WORK)$";
identifier fld;
identifier f;
expression E;
position p;
@@

(
init(&E->fld, f@p)
|
init(&fld, f@p)
)

@script:python@
p << bh_work.p;
fld << bh_work.fld;
f << bh_work.f;
@@
if (p[0].file, fld) in coccinelle.mm_bh_work:
    coccinelle.mm_softirq.add((p[0].file, f))

@bh_work_decl@
declarer init =~ "^(DECLARE_WORK|INIT_WORK)$";
identifier w, f;
position p;
@@

init(w, f@p);

@script:python@
p << bh_work_decl.p;
w << bh_work_decl.w;
f << bh_work_decl.f;
@@
if (p[0].file, w) in coccinelle.mm_bh_work:
    coccinelle.mm_softirq.add((p[0].file, f))

@hardirq@
identifier f;
type T =~ "^(irqreturn|irqreturn_t)$";
position p;
@@

T f@p(...) { ... }

@script:python@
p << hardirq.p;
f << hardirq.f;
@@
coccinelle.mm_softirq.add((p[0].file, f))

@softirq_reg@
identifier reg =~ "^(acomp_request_set_callback|aead_request_set_callback|ahash_request_set_callback|akcipher_request_set_callback|call_rcu|call_rcu_hurry|hrtimer_setup|hrtimer_setup_on_stack|init_timer_key|init_timer_on_stack_key|kpp_request_set_callback|netif_napi_add|netif_napi_add_config|netif_napi_add_config_locked|netif_napi_add_locked|netif_napi_add_tx|netif_napi_add_tx_weight|netif_napi_add_weight|netif_napi_add_weight_locked|open_softirq|skcipher_request_set_callback|tasklet_init|tasklet_setup|timer_init_key|timer_init_key_on_stack|timer_setup)$";
identifier f;
position p;
@@

reg@p(..., f, ...)

@script:python@
p << softirq_param.p;
f << softirq_param.f;
@@
coccinelle.mm_softirq.add((p[0].file, f))

@script:python@
p << softirq_reg.p;
f << softirq_reg.f;
@@
coccinelle.mm_softirq.add((p[0].file, f))

@file_static@
identifier l;
type T;
declarer name DEFINE_SPINLOCK, DEFINE_RWLOCK;
position p;
@@

(
static T l@p;
|
static DEFINE_SPINLOCK(l@p);
|
static DEFINE_RWLOCK(l@p);
)

@script:python@
p << file_static.p;
l << file_static.l;
@@
coccinelle.mm_static.add((p[0].file, l))

// Where each function of the file begins and ends, for mm_closure(),
// which follows the helpers of the file.  Spatch before 1.1.0 gives no
// current_element_line: then no helper is followed, and nothing is
// reported less than before.
@fn_def@
identifier f;
position p;
@@

f@p(...) { ... }

@script:python@
p << fn_def.p;
f << fn_def.f;
@@
first = getattr(p[0], "current_element_line", None)
last = getattr(p[0], "current_element_line_end", None)
if first is not None and last is not None:
    coccinelle.mm_defs.append((p[0].file, f, int(first), int(last)))

// ----------------------------------------------------------- acquisitions
@acq@
identifier fn =~ "^(__raw_read_lock|__raw_read_lock_bh|__raw_read_lock_irq|__raw_read_lock_irqsave|__raw_read_trylock|__raw_write_lock|__raw_write_lock_bh|__raw_write_lock_irq|__raw_write_lock_irqsave|__raw_write_trylock|_raw_read_lock|_raw_read_lock_bh|_raw_read_lock_irq|_raw_read_lock_irqsave|_raw_read_trylock|_raw_spin_lock_irqsave|_raw_write_lock|_raw_write_lock_bh|_raw_write_lock_irq|_raw_write_lock_irqsave|_raw_write_lock_nested|_raw_write_trylock|read_lock|read_lock_bh|read_lock_irq|read_lock_irqsave|read_trylock|spin_lock|spin_lock_bh|spin_lock_irq|spin_lock_irqsave|spin_lock_irqsave_nested|spin_lock_nested|spin_trylock|spin_trylock_bh|spin_trylock_irq|spin_trylock_irqsave|write_lock|write_lock_bh|write_lock_irq|write_lock_irqsave|write_trylock)$";
expression L;
position p;
@@

fn@p(L, ...)

@acq_guard@
identifier g =~ "^(read_lock|read_lock_bh|read_lock_irq|read_lock_irqsave|spinlock|spinlock_bh|spinlock_irq|spinlock_irqsave|write_lock|write_lock_bh|write_lock_irq|write_lock_irqsave)$";
expression L;
position p;
@@

guard@p(g)(L)

@acq_sguard@
identifier g =~ "^(read_lock|read_lock_bh|read_lock_irq|read_lock_irqsave|spinlock|spinlock_bh|spinlock_irq|spinlock_irqsave|write_lock|write_lock_bh|write_lock_irq|write_lock_irqsave)$";
iterator name scoped_cond_guard, scoped_guard;
expression L;
statement S;
position p;
@@

scoped_guard@p(g, L) S

// The struct type behind guard(class)(&E->member), as for the calls below.
@acq_guard_typed@
identifier g =~ "^(read_lock|read_lock_bh|read_lock_irq|read_lock_irqsave|spinlock|spinlock_bh|spinlock_irq|spinlock_irqsave|write_lock|write_lock_bh|write_lock_irq|write_lock_irqsave)$";
type T;
T *E;
identifier f, f2;
position p;
@@

(
guard@p(g)(&E->f)
|
guard@p(g)(&E->f.f2)
)

@acq_sguard_typed@
identifier g =~ "^(read_lock|read_lock_bh|read_lock_irq|read_lock_irqsave|spinlock|spinlock_bh|spinlock_irq|spinlock_irqsave|write_lock|write_lock_bh|write_lock_irq|write_lock_irqsave)$";
iterator name scoped_cond_guard, scoped_guard;
type T;
T *E;
identifier f, f2;
statement S;
position p;
@@

(
scoped_guard@p(g, &E->f) S
|
scoped_guard@p(g, &E->f.f2) S
)

// The struct type behind &E->member, where Coccinelle can infer it.
@acq_typed@
identifier fn =~ "^(__raw_read_lock|__raw_read_lock_bh|__raw_read_lock_irq|__raw_read_lock_irqsave|__raw_read_trylock|__raw_write_lock|__raw_write_lock_bh|__raw_write_lock_irq|__raw_write_lock_irqsave|__raw_write_trylock|_raw_read_lock|_raw_read_lock_bh|_raw_read_lock_irq|_raw_read_lock_irqsave|_raw_read_trylock|_raw_spin_lock_irqsave|_raw_write_lock|_raw_write_lock_bh|_raw_write_lock_irq|_raw_write_lock_irqsave|_raw_write_lock_nested|_raw_write_trylock|read_lock|read_lock_bh|read_lock_irq|read_lock_irqsave|read_trylock|spin_lock|spin_lock_bh|spin_lock_irq|spin_lock_irqsave|spin_lock_irqsave_nested|spin_lock_nested|spin_trylock|spin_trylock_bh|spin_trylock_irq|spin_trylock_irqsave|write_lock|write_lock_bh|write_lock_irq|write_lock_irqsave|write_trylock)$";
type T;
T *E;
identifier f, f2, f3;
position p;
@@

(
fn@p(&E->f, ...)
|
fn@p(&E->f.f2, ...)
|
fn@p(&E->f.f2.f3, ...)
)

// A lock reached through a local pointer: l = &x->lock; spin_lock(l);
@acq_alias exists@
identifier fn =~ "^(__raw_read_lock|__raw_read_lock_bh|__raw_read_lock_irq|__raw_read_lock_irqsave|__raw_read_trylock|__raw_write_lock|__raw_write_lock_bh|__raw_write_lock_irq|__raw_write_lock_irqsave|__raw_write_trylock|_raw_read_lock|_raw_read_lock_bh|_raw_read_lock_irq|_raw_read_lock_irqsave|_raw_read_trylock|_raw_spin_lock_irqsave|_raw_write_lock|_raw_write_lock_bh|_raw_write_lock_irq|_raw_write_lock_irqsave|_raw_write_lock_nested|_raw_write_trylock|read_lock|read_lock_bh|read_lock_irq|read_lock_irqsave|read_trylock|spin_lock|spin_lock_bh|spin_lock_irq|spin_lock_irqsave|spin_lock_irqsave_nested|spin_lock_nested|spin_trylock|spin_trylock_bh|spin_trylock_irq|spin_trylock_irqsave|write_lock|write_lock_bh|write_lock_irq|write_lock_irqsave|write_trylock)$";
identifier l;
expression LE, E;
type T =~ "^(rwlock_t|spinlock_t)$";
position p;
@@

(
l = &LE;
|
T *l = &LE;
)
... when != l = E
fn@p(l, ...)

@script:python@
p << acq.p;
fn << acq.fn;
L << acq.L;
@@
mm_record(p, fn, L)

@script:python@
p << acq_guard.p;
g << acq_guard.g;
L << acq_guard.L;
@@
mm_record(p, g, L)

@script:python@
p << acq_sguard.p;
g << acq_sguard.g;
L << acq_sguard.L;
@@
mm_record(p, g, L)

@script:python@
p << acq_typed.p;
T << acq_typed.T;
E << acq_typed.E;
@@
coccinelle.mm_typed[mm_pos(p)] = (T, re.sub(r"\s+", "", E))

@script:python@
p << acq_guard_typed.p;
T << acq_guard_typed.T;
E << acq_guard_typed.E;
@@
coccinelle.mm_typed[mm_pos(p)] = (T, re.sub(r"\s+", "", E))

@script:python@
p << acq_sguard_typed.p;
T << acq_sguard_typed.T;
E << acq_sguard_typed.E;
@@
coccinelle.mm_typed[mm_pos(p)] = (T, re.sub(r"\s+", "", E))

@script:python@
p << acq_alias.p;
LE << acq_alias.LE;
@@
coccinelle.mm_typed[mm_pos(p) + ("alias",)] = ("&" + re.sub(r"\s+", "", LE),)

// A lock handed to a function of the file (static void lock_it(spinlock_t
// *l) { spin_lock(l); }, called as lock_it(&mm->context.lock)): the
// acquisition through the parameter takes the class of each argument, in
// the context of each call.  mm_params() in finalize follows the chain of
// such functions within the file.
@lock_param@
identifier h, l;
parameter list[n] ps;
type T =~ "^(rwlock_t|spinlock_t)$";
position p;
@@

h@p(ps, T *l, ...) { ... }

@script:python@
p << lock_param.p;
h << lock_param.h;
l << lock_param.l;
n << lock_param.n;
@@
coccinelle.mm_lparam.add((p[0].file, h, l, int(n)))

@lock_arg@
identifier lock_param.h;
expression list[lock_param.n] es;
expression A;
position p;
@@

h@p(es, A, ...)

@script:python@
p << lock_arg.p;
h << lock_param.h;
A << lock_arg.A;
n << lock_param.n;
@@
coccinelle.mm_larg.append(mm_pos(p) + (p[0].current_element, h, int(n),
                                       re.sub(r"\s+", "", A)))

@lock_arg_typed@
identifier lock_param.h;
expression list[lock_param.n] es;
type T;
T *E;
identifier f, f2, f3;
position p;
@@

(
h@p(es, &E->f, ...)
|
h@p(es, &E->f.f2, ...)
|
h@p(es, &E->f.f2.f3, ...)
)

@script:python@
p << lock_arg_typed.p;
T << lock_arg_typed.T;
E << lock_arg_typed.E;
@@
coccinelle.mm_typed[mm_pos(p)] = (T, re.sub(r"\s+", "", E))

// Such a call with BH already off, as for the acquisitions (bhoff).
@bhoff_arg exists@
identifier off =~ "^(__netif_tx_lock_bh|__raw_read_lock_bh|__raw_read_lock_irq|__raw_read_lock_irqsave|__raw_write_lock_bh|__raw_write_lock_irq|__raw_write_lock_irqsave|_raw_read_lock_bh|_raw_read_lock_irq|_raw_read_lock_irqsave|_raw_spin_lock_irqsave|_raw_write_lock_bh|_raw_write_lock_irq|_raw_write_lock_irqsave|arch_local_irq_disable|arch_local_irq_save|local_bh_disable|local_irq_disable|local_irq_save|netif_tx_lock_bh|rcu_read_lock_bh|read_lock_bh|read_lock_irq|read_lock_irqsave|spin_lock_bh|spin_lock_irq|spin_lock_irqsave|spin_lock_irqsave_nested|spin_trylock_bh|spin_trylock_irq|spin_trylock_irqsave|write_lock_bh|write_lock_irq|write_lock_irqsave)$";
identifier on =~ "^(__netif_tx_unlock_bh|__raw_read_unlock_bh|__raw_read_unlock_irq|__raw_read_unlock_irqrestore|__raw_write_unlock_bh|__raw_write_unlock_irq|__raw_write_unlock_irqrestore|_raw_read_unlock_bh|_raw_read_unlock_irq|_raw_read_unlock_irqrestore|_raw_write_unlock_bh|_raw_write_unlock_irq|_raw_write_unlock_irqrestore|arch_local_irq_enable|arch_local_irq_restore|local_bh_enable|local_irq_enable|local_irq_restore|netif_tx_unlock_bh|rcu_read_unlock_bh|read_unlock_bh|read_unlock_irq|read_unlock_irqrestore|spin_unlock_bh|spin_unlock_irq|spin_unlock_irqrestore|write_unlock_bh|write_unlock_irq|write_unlock_irqrestore)$";
identifier g =~ "^(read_lock_bh|read_lock_irq|read_lock_irqsave|spinlock_bh|spinlock_irq|spinlock_irqsave|write_lock_bh|write_lock_irq|write_lock_irqsave)$";
identifier lock_param.h;
position p;
@@

(
off(...)
|
guard(g)(...)
)
... when != on(...)
h@p(...)

@script:python@
p << bhoff_arg.p;
@@
coccinelle.mm_bhoff.add(mm_pos(p))

// ------------------------------------------------------------ patch mode
@fixme depends on patch@
identifier fn =~ "^(__raw_read_lock|__raw_read_trylock|__raw_write_lock|__raw_write_trylock|_raw_read_lock|_raw_read_trylock|_raw_write_lock|_raw_write_lock_nested|_raw_write_trylock|read_lock|read_trylock|spin_lock|spin_lock_nested|spin_trylock|write_lock|write_trylock)$";
expression L;
position p;
@@

fn@p(L)

@script:python fixok depends on patch@
p << fixme.p;
fn << fixme.fn;
L << fixme.L;
@@
t = re.sub(r"\s+", "", L)
if (fn not in MMCHECK_BH_OF or mm_pos(p) in coccinelle.mm_bhoff or
    not any(t.endswith("->" + x) or t.endswith("." + x) for x in mm_fix_paths)):
    cocci.include_match(False)

// The _bh forms come from the catalogue (bh= on the plain lock rows).
@depends on patch && fixok@
position fixme.p;
identifier fixme.fn;
identifier ul =~ "^(__raw_read_unlock|__raw_write_unlock|_raw_read_unlock|_raw_write_unlock|read_unlock|spin_unlock|write_unlock)$";
fresh identifier fn_bh = script:python(fn) { MMCHECK_BH_OF[fn] };
fresh identifier ul_bh = script:python(ul) { MMCHECK_BH_OF[ul] };
expression L;
@@

- fn@p(L);
+ fn_bh(L);
  ...
- ul(L);
+ ul_bh(L);

// ------------------------------------------------------------- reporting
// The mmcheck driver runs this rule on batches of files with
// MMCHECK_FACTS_OUT=1 (each batch prints its facts instead of findings) and
// then once with MMCHECK_FACTS_IN=<file of those lines>, so that the
// matching below runs once over the whole tree.  Plain spatch users need
// neither.
@finalize:python depends on report || org@
acqs << merge.mm_acq;
typeds << merge.mm_typed;
bhoffs << merge.mm_bhoff;
softirqs << merge.mm_softirq;
statics << merge.mm_static;
defs << merge.mm_defs;
lparams << merge.mm_lparam;
largs << merge.mm_larg;
bh_mcalls << merge.mm_bh_mcall;
@@
import bisect
import json
import os
import re

def flat(parts):
    out = []
    for x in parts:
        out.extend(x)
    return out

typed = {}
for d in typeds:
    typed.update(d)
acq = flat(acqs)
bhoff = set(flat(bhoffs))
softirq = set(flat(softirqs))
static = set(flat(statics))

def mm_code(path):
    """The text of path without comments and literals, lines kept: the
    words left are code.  (No apostrophe in this script: spatch reads one
    as the start of a character constant, hence the \\x27 below.)"""
    try:
        with open(path, errors="replace") as src:
            text = src.read()
    except OSError:
        return None
    blank = lambda m: re.sub(r"[^\n]", " ", m.group(0))
    return re.sub(r"[/][*].*?[*][/]|[/][/][^\n]*|\"(?:\\.|[^\"\\\n])*\"|\x27(?:\\.|[^\x27\\\n])*\x27",
                  blank, text, flags=re.S)

def mm_enclosing_call(text, at):
    """(callee, argument index) when the word at offset at is a whole
    argument of a call, else None."""
    depth, commas, i = 0, 0, at - 1
    while i >= 0:
        c = text[i]
        if c in ")]}":
            depth += 1
        elif c in "([{":
            if depth == 0:
                m = re.search(r"(\w+)\s*$", text[max(0, i - 128):i]) if c == "(" else None
                return (m.group(1), commas) if m else None
            depth -= 1
        elif c == ";" and depth == 0:
            return None
        elif c == "," and depth == 0:
            commas += 1
        i -= 1
    return None

MM_BH = "\x00bh"  # a caller of mm_closure() that runs with BH off

def mm_params_of(text, lines_at, defs):
    """{function: (its text, offset of its body, [parameter names])}."""
    out = {}
    for name, first, last in defs:
        if first > len(lines_at):
            continue
        start, end = lines_at[first - 1], lines_at[min(last, len(lines_at) - 1)]
        body = text[start:end]
        # Patterns without names in them: compiled once, not per function.
        m = next((m for m in re.finditer(r"\b(\w+)\s*\(", body) if m.group(1) == name), None)
        brace = body.find("{")
        if not m or brace < 0:
            continue
        depth, decls = 0, [""]
        for c in body[m.end():brace]:
            depth += (c == "(") - (c == ")")
            if depth < 0:
                break
            if c == "," and depth == 0:
                decls.append("")
            else:
                decls[-1] += c
        names = []
        for decl in decls:
            fp = re.search(r"\(\s*\*\s*(\w+)\s*\)\s*\(", decl)
            word = re.search(r"(\w+)\s*(?:\[[^\]]*\]\s*)*$", decl)
            names.append(fp.group(1) if fp else (word.group(1) if word else None))
        out[name] = (body, brace, names)
    return out

def mm_handed(text, params):
    """(calls, stores): {(function, N)} whose parameter N it calls, and
    {(function, N): {(member, struct or None)}} where it stores parameter N,
    each also through a function of the file it hands the parameter to."""
    calls, stores = set(), {}
    handed = {}  # (function, N) -> the (callee, M) it passes parameter N to
    for name, (body, brace, names) in params.items():
        index = dict((p, k) for k, p in enumerate(names) if p)
        if not index:
            continue
        code = body[brace:]
        for m in re.finditer(r"\b(\w+)\s*\(", code):
            if m.group(1) in index:
                calls.add((name, index[m.group(1)]))
        for m in re.finditer(r"(?:->|\.)\s*(\w+)\s*=\s*&?\s*(\w+)\s*;", code):
            if m.group(2) not in index:
                continue
            base = re.search(r"(\w+)\s*$", code[max(0, m.start() - 64):m.start()])
            ty = base and re.search(r"struct\s+(\w+)\s*\*?\s*\b%s\b" % base.group(1), body)
            stores.setdefault((name, index[m.group(2)]), set()).add(
                (m.group(1), ty.group(1) if ty else None))
        for m in re.finditer(r"\w+", code):
            if m.group(0) in index and \
                    body[brace + m.end():brace + m.end() + 64].lstrip()[:1] in ",)":
                to = mm_enclosing_call(body, brace + m.start())
                if to:
                    handed.setdefault((name, index[m.group(0)]), set()).add(to)
    more = True
    while more:
        more = False
        for at, tos in handed.items():
            if at not in calls and tos & calls:
                calls.add(at)
                more = True
            got = set()
            for to in tos & set(stores):
                got |= stores[to]
            if not got <= stores.get(at, set()):
                stores.setdefault(at, set()).update(got)
                more = True
    return calls, stores

def mm_closure(softirq, defs, bh_mcalls):
    """Static helpers of each file that only softirq code calls, added to
    softirq: called directly, through a member of the same file (what is
    stored in a member is called wherever the file calls through it), or
    passed to a function of the file that calls that parameter (it runs
    where the passer runs), or that stores it in a member.  A call through
    a member with BH off (bh_mcalls: (file, line, member)), or a member the
    kernel calls so (bh_off_field rows), counts as softirq code.  A helper
    whose name is used any other way (its address passed on, a macro body)
    may run anywhere and is left out.  Like the call graph of the compiled
    engines, within one file: a member that another file also calls through
    is not seen.  The driver reads calls from text the same way for its
    change slices (lib/mmcheck/slices.py); this copy keeps the .cocci whole
    for make coccicheck."""
    by_file = {}
    for path, name, first, last in defs:
        # A definition written by a macro (SYSCALL_DEFINE2) comes with
        # lines of the expansion, past the end of the file or reversed.
        if 1 <= first <= last:
            by_file.setdefault(path, []).append((name, first, last))
    for path, fdefs in by_file.items():
        text = mm_code(path)
        if text is None:
            continue
        lines_at = [0] + [m.end() for m in re.finditer(r"\n", text)]
        owner = {}
        for name, first, last in fdefs:
            for line in range(first, last + 1):
                owner[line] = name
        line_of = lambda at: bisect.bisect_right(lines_at, at)
        decl_at = dict((m.start(1), m.group(1)) for m in re.finditer(
            r"^[ \t]*static\b[^;{}()=]*?\b(\w+)\s*\(", text, re.M))
        static = set(decl_at.values()) & set(name for name, _, _ in fdefs)
        pcalls, pstores = mm_handed(text, mm_params_of(text, lines_at, fdefs))
        members = {}
        for m in re.finditer(r"(?:->|\.)\s*(\w+)\s*\(", text):
            line = line_of(m.start())
            members.setdefault(m.group(1), []).append(
                MM_BH if (path, line, m.group(1)) in bh_mcalls else owner.get(line))
        preds, escapes, stores = {}, set(), {}
        for m in re.finditer(r"\w+", text):
            name, at = m.group(0), m.start()
            if name not in static or at in decl_at:
                continue
            caller = owner.get(line_of(at))
            rest = text[m.end():m.end() + 64].lstrip()
            store = re.search(r"(?:\.|->)\s*(\w+)\s*=\s*&?\s*$", text[max(0, at - 128):at])
            call = mm_enclosing_call(text, at) if rest[:1] in ",)" else None
            if caller and rest.startswith("("):
                preds.setdefault(name, []).append(caller)
            elif store and not rest.startswith("("):
                stores.setdefault(name, set()).add((store.group(1), None))
            elif caller and call and call in pcalls:
                preds.setdefault(name, []).append(caller)
            elif caller and call and call in pstores:
                stores.setdefault(name, set()).update(pstores[call])
            else:
                escapes.add(name)
        for name, flds in stores.items():
            for fld, ty in flds:
                known = "%s.%s" % (ty, fld) in MMCHECK_BH_OFF_FIELDS
                callers = members.get(fld, []) + ([MM_BH] if known else [])
                if not callers or None in callers:
                    escapes.add(name)
                preds.setdefault(name, []).extend(callers)
        more = True
        while more:
            more = False
            for name, p in preds.items():
                if name not in escapes and (path, name) not in softirq and \
                        all(c == MM_BH or (path, c) in softirq for c in p):
                    softirq.add((path, name))
                    more = True

mm_closure(softirq, flat(defs), set(flat(bh_mcalls)))

def mm_args(text, at):
    """The arguments of the call whose ( is at offset at, as text."""
    depth, args, i = 0, [""], at + 1
    while i < len(text):
        c = text[i]
        if c in "([{":
            depth += 1
        elif c in ")]}":
            if depth == 0:
                return [a.strip() for a in args]
            depth -= 1
        elif c == "," and depth == 0:
            args.append("")
            i += 1
            continue
        args[-1] += c
        i += 1
    return None

def mm_statement_end(text, at):
    """Where the statement that starts at offset at ends: its block, or
    its first ; outside brackets."""
    depth, i = 0, at
    while i < len(text):
        c = text[i]
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
            if depth == 0 and c == "}" and text[at] == "{":
                return i + 1
        elif c == ";" and depth == 0:
            return i + 1
        i += 1
    return len(text)

def mm_dead(acq, defs):
    """acq without what never runs, one call deep within a file: the
    statement under if (P) of a static function that every call in its
    file passes NULL or 0 as P (6.12 pfifo_fast_destroy() calls
    ptr_ring_cleanup(&q->ring, NULL), which consumes the ring only if
    (destroy)), and the static functions named only in such statements.
    As the compiled engines, which call a copy of the function without
    what the constant rules out."""
    by_file = {}
    for path, name, first, last in defs:
        if 1 <= first <= last:
            by_file.setdefault(path, []).append((name, first, last))
    dead = set()
    for path, fdefs in by_file.items():
        if not any(a[0] == path for a in acq):
            continue
        text = mm_code(path)
        if text is None:
            continue
        lines_at = [0] + [m.end() for m in re.finditer(r"\n", text)]
        line_of = lambda at: bisect.bisect_right(lines_at, at)
        static = set(m.group(1) for m in re.finditer(
            r"^[ \t]*static\b[^;{}()=]*?\b(\w+)\s*\(", text, re.M))
        params = mm_params_of(text, lines_at, fdefs)
        ranges = []
        for name, first, last in fdefs:
            if name not in static or name not in params:
                continue
            body, brace, names = params[name]
            start = lines_at[first - 1]
            calls = [m for m in re.finditer(r"\b%s\b" % re.escape(name), text)
                     if not start <= m.start() < start + brace]
            argss = [mm_args(text, m.end() + len(text[m.end():]) - len(text[m.end():].lstrip()))
                     if text[m.end():].lstrip()[:1] == "(" else None for m in calls]
            if not calls or None in argss:
                continue
            for k, p in enumerate(names):
                if not p or not all(len(a) > k and a[k] in ("NULL", "0") for a in argss):
                    continue
                for m in re.finditer(r"\bif\s*\(\s*%s\s*\)\s*" % re.escape(p), body[brace:]):
                    at = start + brace + m.end()
                    ranges.append((line_of(at), line_of(mm_statement_end(text, at))))
        if not ranges:
            continue
        in_dead = lambda line: any(a <= line <= b for a, b in ranges)
        gone = set()
        more = True
        while more:
            more = False
            for name, first, last in fdefs:
                if name not in static or name in gone:
                    continue
                uses = [line_of(m.start()) for m in re.finditer(r"\b%s\b" % re.escape(name), text)
                        if not first <= line_of(m.start()) <= first + 1]
                owner = lambda line: next((n for n, a, b in fdefs if a <= line <= b), None)
                if uses and all(in_dead(u) or owner(u) in gone for u in uses):
                    gone.add(name)
                    more = True
        for a in acq:
            if a[0] == path and (in_dead(a[1]) or a[4] in gone):
                dead.add(a)
    return [a for a in acq if a not in dead]

acq = mm_dead(acq, flat(defs))

def mm_params(acq, lparams, largs):
    """The acquisitions through a lock parameter (lock_it(spinlock_t *l)
    { spin_lock(l); }) once more for each call of their function in the
    file, with the argument as the lock: at the same place, so a finding is
    where the lock is taken, but with the class the caller names.  A call
    in softirq code or with BH off makes a plain one not plain.  An argument
    that is a lock parameter of the caller too is followed to the callers
    of the caller (a chain of helpers, each step once).  Like mm_closure(),
    within one file; the compiled engines follow parameters across files."""
    param_of = dict(((f, h, l), n) for f, h, l, n in lparams)
    calls = {}
    for c in largs:
        calls.setdefault((c[0], c[4], c[5]), []).append(c)
    out = []
    for f, line, col, colend, func, fn, flav, text in acq:
        n = param_of.get((f, func, text))
        todo, seen = [(func, n, False)] if n is not None else [], set()
        while todo:
            step = todo.pop()
            if step in seen:
                continue
            seen.add(step)
            h, k, off = step
            for _, cl, cc, caller, _, _, arg in calls.get((f, h, k), []):
                off_here = off or (f, cl, cc) in bhoff or (f, caller) in softirq
                m = param_of.get((f, caller, arg))
                if m is not None:
                    todo.append((caller, m, off_here))
                elif not (off_here and flav == "plain"):
                    out.append((f, line, col, colend, func, fn, flav, arg))
                    if (f, cl, cc) in typed:
                        typed[(f, line, col, arg)] = typed[(f, cl, cc)]
    return out

acq += mm_params(acq, flat(lparams), flat(largs))

def key(a):
    """(group, struct type or None, shown name) for an acquisition, or None
    when the lock is reached through an unknown pointer."""
    f, line, col, colend, func, fn, flav, text = a
    alias = typed.get((f, line, col, "alias"))
    if alias and not text.startswith("&"):
        text = alias[0]
    if not text.startswith("&"):
        return None
    t = text[1:]
    if re.match(r"^[A-Za-z_]\w*$", t):
        scope = f if (f, t) in static else ""
        return (("sym", scope, t), None, t)
    ty = typed.get((f, line, col, a[7])) or typed.get((f, line, col))
    if ty and t.startswith(ty[1] + "->"):
        return (("member", t[len(ty[1]) + 2:]), ty[0], t)
    if "->" in t:
        return (("member", t.rsplit("->", 1)[1]), None, t)
    return (("sym", "", t), None, t)

def arch_of(path):
    m = re.search(r"(^|/)arch/([^/]+)/", path)
    return m.group(2) if m else None

def family_of(path, k):
    """The socket family of code that only handles one family's sockets,
    for a class lockdep keys per family (sk_receive_queue.lock), else None."""
    if not k[1] or "%s::%s" % (mm_tag(k[1]), k[0][1]) \
            not in MMCHECK_PER_FAMILY:
        return None
    for d, fam in MMCHECK_FAMILY_PATHS.items():
        if re.search(r"(^|/)" + re.escape(d), path):
            return fam
    return None

def compatible(a, ka, b, kb):
    """Same lock class: same group, and the same struct type where both are
    known.  With a type unknown, only a member path of two or more parts
    ("context.lock") is specific enough to trust.  Code of two different
    architectures is never built together, and lockdep keys a socket's
    queue locks per address family."""
    if ka[0] != kb[0]:
        return False
    if arch_of(a[0]) and arch_of(b[0]) and arch_of(a[0]) != arch_of(b[0]):
        return False
    fa, fb = family_of(a[0], ka), family_of(b[0], kb)
    if fa and fb and fa != fb:
        return False
    if ka[0][0] == "sym":
        return True
    if ka[1] and kb[1]:
        return ka[1] == kb[1]
    path = ka[0][1]
    return "." in path or "->" in path

def lock_class(k):
    if k[0][0] == "sym":
        return k[0][2]
    return "%s::%s" % (k[1] or "?", k[0][1])

def mm_type(k):
    return bool(k[1]) and mm_tag(k[1]) in MMCHECK_MM_TYPES

def mm_file(path):
    return any(r.match(path) for r in MMCHECK_MM_PATHS)

def in_scope(bh_acqs):
    """Default scope: a class of an mm type, or taken with _bh in mm code."""
    return mm_all_locks or any(mm_type(k) or mm_file(a[0]) for a, k in bh_acqs)

def needles(k):
    """[text, text] pairs a file must both contain ("" for none) to hold an
    acquisition compatible with k: the driver's stage B reads only such
    files (see lib/mmcheck/cocci.py)."""
    if k[0][0] == "sym":
        return [[k[0][2], ""]]
    path = k[0][1]
    out = [[k[1], "->" + path]] if k[1] else []
    if "." in path or "->" in path:
        out.append(["->" + path, ""])
    return out

if os.environ.get("MMCHECK_FACTS_OUT"):
    print("MMCHECK-FACTS " + json.dumps({"acq": acq, "typed": list(typed.items()),
                                         "bhoff": list(bhoff), "softirq": list(softirq),
                                         "static": list(static)}))
    found = set()
    for a in acq:
        k = key(a)
        if a[6] == "bh" and k is not None and in_scope([(a, k)]):
            found.update(tuple(n) for n in needles(k))
    print("MMCHECK-NEEDLES " + json.dumps(sorted(found)))
    acq = []
for path in filter(None, os.environ.get("MMCHECK_FACTS_IN", "").split(os.pathsep)):
    with open(path) as facts:
        for line in facts:
            if line.startswith("MMCHECK-FACTS "):
                d = json.loads(line[len("MMCHECK-FACTS "):])
                acq += [tuple(a) for a in d["acq"]]
                typed.update((tuple(k), tuple(v)) for k, v in d["typed"])
                bhoff |= set(tuple(x) for x in d["bhoff"])
                softirq |= set(tuple(x) for x in d["softirq"])
                static |= set(tuple(x) for x in d["static"])

acq = sorted(set(acq))
keyed = [(a, key(a)) for a in acq]
keyed = [(a, k) for a, k in keyed if k is not None]
bh = [(a, k) for a, k in keyed if a[6] == "bh"]

for a, k in keyed:
    f, line, col, colend, func, fn, flav, text = a
    if flav != "plain" or (f, line, col) in bhoff or (f, func) in softirq:
        continue
    others = [b for b in bh if compatible(a, k, b[0], b[1])]
    if not others or not in_scope(others):
        continue
    # The _bh users are there for the softirq users; when every one seen
    # only trylocks, an interrupted holder costs a retry, not a deadlock.
    in_softirq = [b[0][5] for b in keyed
                  if (b[0][0], b[0][4]) in softirq and compatible(a, k, b[0], b[1])]
    if in_softirq and all(fn in MMCHECK_TRY for fn in in_softirq):
        continue
    b, kb = others[0]
    typed_k = [x for x in [k] + [o[1] for o in others] if x[1]]
    cls = lock_class(typed_k[0] if typed_k else k)
    more = "" if len(others) == 1 else " (and %d more)" % (len(others) - 1)
    mm_emit("mm-lock-bh-mixed", (f, line, col, colend, func),
            "lock %s taken with BH enabled here but with %s() elsewhere" % (cls, b[5]),
            [(b[:5], "taken with %s() here%s; a softirq taking it can interrupt "
              "the holder above and spin forever" % (b[5], more))])
