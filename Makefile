# mmcheck - static checks for Linux memory-management bugs.
#
#   make deps          install what is missing (Debian bookworm, as root)
#   make               regenerate the semantic patches from the catalogue
#   make demo          run mmcheck over the bundled corpus
#   make test          every test: catalogue agreement, driver, hostile input, change mode, bot,
#                      core (also under sanitizers and valgrind), corpus
#   make core          the analysis core of the compiled engines (core/)
#   make plugin        the GCC plugin (gcc-plugin/mmcheck.so)
#   make locks         the whole-tree lock analysis (locks/mmcheck-locks)
#   make sparse        the sparse checker (sparse-checks/mmcheck-sparse)
#   make clang         the libclang engine (clang-checks/mmcheck-clang)
#   make check-bot     mmcheck-bot on real mail, b4, public-inbox, SARIF, Patchwork, bwrap
#   make check-kernels-quick   6.1, 6.12 and 7.2 mm/ + arch/s390/ against ledgers
#   make check-ledger-shift    a shifted copy of 6.12 still matches its ledger
#   make check-change-kernel   mmcheck --staged on a git repository of 6.12
#   make check-bot-kernel      the same cases mailed to mmcheck-bot, one reply per bug
#   make check-kernels         the whole 6.1 and 6.12 trees against ledgers
#   make check-coccicheck      the rules through 6.1's own 'make coccicheck'
#   make check-plugin-kernels  the GCC plugin building mm/ of each kernel
#   make check-sparse-kernels  mmcheck-sparse through make C=2, s390, each kernel
#   make check-clang-kernels   mmcheck-clang through make LLVM=-19 C=2, x86_64 and s390
#   make check-lock-kernels    the plugin over 6.1/6.12/7.2 mm/ kernel/ fs/ net/, lock analysis
#   make check-kernel-build    6.12 defconfig built whole (vmlinux, modules) with and without
#                              the plugin, x86_64 and s390: ICEs, diagnostics, .text, facts
#   make check-mutations       every bug family brought back at its real site in 6.12 and
#                              mainline (tools/mutate-kernel): each engine must find it
#   make check-cached-builds   6.12 mm/ kernel/ built plain, through ccache and through
#                              distcc: the same lock findings
#   make bench-plugin  building 6.12 mm/ with vs. without the plugin
#   make bench-sparse  mmcheck-sparse vs. plain sparse over 6.12 mm/ (make C=2)
#   make bench-clang   mmcheck-clang vs. clang -fsyntax-only (and clang-tidy) over 6.12 mm/
#   make bench-locks   the lock analysis over the facts of 6.12 mm/ kernel/ fs/ net/
#   make bench-change  mmcheck --staged on the 6.12 tree: cold, warm, no C file
#   make bench-bot     mmcheck-bot series per hour on the 6.12 tree, against git am alone
#   make fuzz          libFuzzer harnesses (ASan, UBSan), csmith through every GCC with the
#                      plugin and the sparse engine, mutated input to bin/mmcheck
#                      (FUZZ_TIME=60 s per part, CSMITH=100 programs)
#   make bench         time the rule set against the kernel's double_lock.cocci
#   make install       install to $(PREFIX) (default /usr/local)
#   make deb           the Debian package (dpkg-buildpackage, lintian): ./mmcheck_*.deb
#   make check-deb     install that package with apt-get, run the demo from /usr, remove it
#
# V=1 shows the commands.

PREFIX   ?= /usr/local
DESTDIR  ?=
CACHE    ?= $(or $(MMCHECK_CACHE),$(HOME)/.cache/mmcheck)
# Debian's two kernels, and the newest one Debian has (sid), while sid has
# it: tools/fetch-mainline puts its tarball in /usr/src, and when sid has
# moved on the checks of the other two still run (make deps-kernels says so).
# Debian keeps only the newest point release of each: the ledgers match
# findings by identity, not line, and name the release they were judged on.
MAINLINE := 7.2
KERNELS  := 6.1 6.12 $(if $(wildcard /usr/src/linux-source-$(MAINLINE).tar.xz),$(MAINLINE))
JOBS     ?= $(shell nproc)

ifeq ($(V),1)
Q :=
else
Q := @
endif

TEMPLATES := $(shell find semantic-patches -path semantic-patches/lib -prune -o -name '*.cocci.in' -print)
COCCI     := $(TEMPLATES:.cocci.in=.cocci)

all: $(COCCI)

$(COCCI): %.cocci: %.cocci.in catalogue/mm-api.tsv semantic-patches/lib/report.cocci.in tools/gen-cocci
	@echo "  GEN     $@"
	$(Q)tools/gen-cocci $<

catalogue: $(COCCI)

deps:
	$(Q)tools/install-deps
	$(Q)tools/fetch-sarif-validator $(CACHE)

deps-kernels:
	$(Q)tools/install-deps kernels
	$(Q)tools/fetch-mainline $(MAINLINE) || { test $$? = 3 && \
		echo "  SKIP    Linux $(MAINLINE): not in Debian sid any more; set MAINLINE to its kernel and judge kernels/MAINLINE*.ledger"; }

demo: all
	@echo "  DEMO    bin/mmcheck over testdata/ (each family on its own)"
	$(Q)for d in testdata/rmap-tlb testdata/undo-pair testdata/lock-bh/bug-s390-context-lock; do \
		bin/mmcheck --partial-ok $$d; test $$? -le 1 || exit 2; done

core:
	$(Q)$(MAKE) -s -C core

plugin: core
	$(Q)$(MAKE) -s -C gcc-plugin

locks: core
	$(Q)$(MAKE) -s -C locks

sparse: core
	$(Q)$(MAKE) -s -C sparse-checks

clang: core
	$(Q)$(MAKE) -s -C clang-checks

test: check-catalogue check-driver check-hostile check-change check-bot check-core check-sanitizers check-fuzz-regressions check-plugin check-locks check-clang check-corpus-gcc11 check-corpus-cross check-corpus-clang16 check-corpus

check-plugin: plugin
	@echo "  CHECK   GCC plugin (tests/test_plugin.py)"
	$(Q)python3 -m unittest -q tests/test_plugin.py

check-locks: plugin locks sparse
	@echo "  CHECK   lock analysis and sparse checker (tests/test_locks.py)"
	$(Q)python3 -m unittest -q tests/test_locks.py

check-clang: clang
	@echo "  CHECK   mmcheck-clang on bad input (tests/test_clang.py)"
	$(Q)python3 -m unittest -q tests/test_clang.py

check-core:
	@echo "  CHECK   analysis core (core/test_core)"
	$(Q)$(MAKE) -s -C core check

check-catalogue:
	@echo "  CHECK   .cocci files agree with catalogue/mm-api.tsv"
	$(Q)tools/gen-cocci --check

FUZZ_TIME ?= 60
CSMITH    ?= 100
fuzz: all plugin sparse clang
	$(Q)tools/fuzz --time $(FUZZ_TIME) --csmith $(CSMITH) --cache $(CACHE) -j $(JOBS)

check-driver: all
	@echo "  CHECK   driver behaviour (tests/test_driver.py, tests/test_ledger.py)"
	$(Q)python3 -m unittest -q tests/test_driver.py tests/test_ledger.py

check-sanitizers: plugin sparse
	@echo "  CHECK   core, mmcheck-locks, mmcheck-sparse, mmcheck-clang under ASan+UBSan; the plugin under valgrind"
	$(Q)tools/check-sanitizers $(CACHE)

check-fuzz-regressions:
	@echo "  CHECK   the crashes fuzzing found, through their harnesses again (fuzz/regressions/)"
	$(Q)tools/fuzz regressions

check-hostile: all plugin sparse
	@echo "  CHECK   the hostile corpus through every engine (tests/test_hostile.py)"
	$(Q)python3 -m unittest -q tests/test_hostile.py

check-change: all
	@echo "  CHECK   change mode and pre-commit hook on real git repositories (tests/test_change.py)"
	$(Q)python3 -m unittest -q tests/test_change.py

check-bot: all
	@echo "  CHECK   mmcheck-bot on real mail, b4, public-inbox, SARIF, Patchwork, bwrap (tests/test_bot.py)"
	$(Q)MMCHECK_CACHE=$(CACHE) python3 -m unittest -q tests/test_bot.py

bench-bot: all fetch-kernels
	$(Q)bench/bot-series "$$(MMCHECK_CACHE=$(CACHE) tools/kernel-git $(CHANGE_KERNEL))"

# The GCC engine under GCC 11 as well (the plugin supports 11 and 12).
check-corpus-gcc11: all
	@echo "  CHECK   corpus, gcc engine under GCC 11"
	$(Q)MMCHECK_GCC=gcc-11 tests/run-corpus -e gcc -j $(JOBS) --summary

# And with the s390x cross compiler's plugin (make deps-kernels installs it).
CROSS_GCC := s390x-linux-gnu-gcc-12
check-corpus-cross: all locks
	@if [ -f "$$($(CROSS_GCC) -print-file-name=plugin 2>/dev/null)/include/gcc-plugin.h" ]; then \
		echo "  CHECK   corpus, gcc engine under $(CROSS_GCC)"; \
		MMCHECK_GCC=$(CROSS_GCC) tests/run-corpus -e gcc -j $(JOBS) --summary || exit 1; \
	else echo "  SKIP    corpus under $(CROSS_GCC): no plugin headers (make deps-kernels)"; fi

# The clang engine built against libclang 16, the oldest it supports.
check-corpus-clang16: all locks
	$(Q)$(MAKE) -s -C clang-checks LLVM_VERSION=16
	@echo "  CHECK   corpus with mmcheck-clang on libclang 16"
	$(Q)MMCHECK_CLANG=$(CURDIR)/clang-checks/mmcheck-clang-16 tests/run-corpus -e clang -j $(JOBS) --summary

check-corpus: all plugin locks sparse clang
	@echo "  CHECK   corpus (tests/run-corpus): cocci, gcc, sparse and clang engines"
	$(Q)tests/run-corpus -e cocci -e gcc -e sparse -e clang -j $(JOBS)

fetch-kernels: deps-kernels
	$(Q)$(if $(filter $(MAINLINE),$(KERNELS)),,echo "  SKIP    Linux $(MAINLINE) in this run:" \
		"no /usr/src/linux-source-$(MAINLINE).tar.xz; its ledgers are not checked")
	$(Q)MMCHECK_CACHE=$(CACHE) tools/fetch-kernels $(KERNELS)

# The ledgers match by identity: 6.12 shifted by 40 lines still matches,
# a renamed function or lock class does not (tools/check-ledger-shift).
SHIFT_KERNEL := $(lastword $(filter 6.12 6.1,$(KERNELS)))
check-ledger-shift: all fetch-kernels
	$(Q)echo "  SHIFT   Linux $(SHIFT_KERNEL) mm/ arch/s390/ against kernels/$(SHIFT_KERNEL).ledger"
	$(Q)tools/check-ledger-shift $(CACHE)/kernels/linux-source-$(SHIFT_KERNEL) \
		kernels/$(SHIFT_KERNEL).ledger mm,arch/s390 $(JOBS)

# One ledger per kernel holds a verdict for every finding on the whole tree;
# a run over part of a tree only expects the entries inside that part.
check-kernels-quick: all fetch-kernels
	$(Q)for v in $(KERNELS); do \
		echo "  KERNEL  $$v mm/ arch/s390/"; \
		(cd $(CACHE)/kernels/linux-source-$$v && $(CURDIR)/bin/mmcheck --partial-ok \
			-j $(JOBS) --expect $(CURDIR)/kernels/$$v.ledger mm arch/s390) || exit 1; \
	done

# The change mode on a real tree: a git repository of 6.12 (made once per
# point release), seed bugs staged and blocked, benign changes passed.
CHANGE_KERNEL := $(lastword $(filter 6.12 6.1,$(KERNELS)))
check-change-kernel: all fetch-kernels
	$(Q)echo "  CHANGE  Linux $(CHANGE_KERNEL): mmcheck --staged in a git repository of the tree"
	$(Q)tools/check-change-kernel "$$(MMCHECK_CACHE=$(CACHE) tools/kernel-git $(CHANGE_KERNEL))" $(JOBS)

check-bot-kernel: all fetch-kernels
	$(Q)echo "  BOT     Linux $(CHANGE_KERNEL): mmcheck-bot answering the change cases as mail"
	$(Q)tools/check-bot-kernel "$$(MMCHECK_CACHE=$(CACHE) tools/kernel-git $(CHANGE_KERNEL))" $(JOBS)

bench-change: all fetch-kernels
	$(Q)bench/change-mode "$$(MMCHECK_CACHE=$(CACHE) tools/kernel-git 6.12)" $(JOBS) 5

# The GCC plugin in real builds of 6.1 and 6.12 mm/ (x86_64 defconfig) and
# of arch/s390/mm + mm/ with the s390x cross compiler: findings against the
# ledgers, .text identical with and without it, and the whole-tree lock
# analysis over the objects' facts against kernels/locks-*.ledger.
check-plugin-kernels: plugin locks fetch-kernels
	$(Q)for v in $(KERNELS); do \
		tools/check-plugin-kernel $(CACHE)/kernels/linux-source-$$v kernels/$$v.ledger mm $(JOBS) \
			kernels/locks-$$v-x86_64-mm.ledger || exit 1; \
		ARCH=s390 CROSS_COMPILE=s390x-linux-gnu- tools/check-plugin-kernel \
			$(CACHE)/kernels/linux-source-$$v kernels/$$v.ledger arch/s390/mm,mm $(JOBS) \
			kernels/locks-$$v-s390-mm.ledger || exit 1; \
	done

# The sparse checker through each tree's own 'make C=2', for s390 (the
# checker needs no cross compiler; 'make prepare' uses the one we have):
# findings against the same ledgers as the plugin's.
check-sparse-kernels: sparse locks fetch-kernels
	$(Q)for v in $(KERNELS); do \
		ARCH=s390 CROSS_COMPILE=s390x-linux-gnu- tools/check-sparse-kernel \
			$(CACHE)/kernels/linux-source-$$v kernels/$$v.ledger arch/s390/mm,mm $(JOBS) \
			kernels/locks-$$v-s390-mm.ledger || exit 1; \
	done

# The clang engine through each tree's own 'make LLVM=-19 C=2', x86_64 mm/
# and s390 arch/s390/mm/ mm/ (clang needs no cross compiler): findings and
# lock findings against the plugin's ledgers.
check-clang-kernels: clang locks fetch-kernels
	$(Q)for v in $(KERNELS); do \
		tools/check-sparse-kernel --clang $(CACHE)/kernels/linux-source-$$v kernels/$$v.ledger \
			mm $(JOBS) kernels/locks-$$v-x86_64-mm.ledger || exit 1; \
		ARCH=s390 tools/check-sparse-kernel --clang $(CACHE)/kernels/linux-source-$$v \
			kernels/$$v.ledger arch/s390/mm,mm $(JOBS) kernels/locks-$$v-s390-mm.ledger || exit 1; \
	done

# CI's share of it: 6.12 x86_64 mm/ (about 4 minutes on 2 cores).
check-clang-kernels-quick: clang locks fetch-kernels
	$(Q)tools/check-sparse-kernel --clang $(CACHE)/kernels/linux-source-6.12 kernels/6.12.ledger \
		mm $(JOBS) kernels/locks-6.12-x86_64-mm.ledger

# The plugin over x86_64 mm/ kernel/ fs/ net/ of each kernel: no ICE, facts
# in every object, the lock analysis against kernels/locks-V-x86_64-wide.ledger.
# Not in CI (about 20 minutes a tree on 2 cores).
WIDE := mm,kernel,fs,net
# Every kernel has a wide lock ledger; the whole-tree cocci ledgers are
# 6.1's and 6.12's (kernels/7.2.ledger judges mm/ and arch/s390/ only).
WIDE_KERNELS := $(KERNELS)
WHOLE_KERNELS := $(filter 6.1 6.12,$(KERNELS))
check-lock-kernels: plugin locks fetch-kernels
	$(Q)for v in $(WIDE_KERNELS); do \
		tools/check-lock-kernel $(CACHE)/kernels/linux-source-$$v $(WIDE) $(JOBS) \
			kernels/locks-$$v-x86_64-wide.ledger || exit 1; \
	done

bench-locks: locks
	$(Q)test -d $(CACHE)/kernels/locks-x86_64-linux-source-6.12/net || \
		$(MAKE) -s check-lock-kernels KERNELS=6.12 || true
	$(Q)cd $(CACHE)/kernels/locks-x86_64-linux-source-6.12 && \
		$(CURDIR)/bench/lock-analysis mm kernel fs net

bench-sparse: sparse fetch-kernels
	$(Q)bench/sparse-overhead $(CACHE)/kernels/linux-source-6.12 mm $(JOBS)

bench-clang: clang fetch-kernels
	$(Q)bench/clang-overhead $(CACHE)/kernels/linux-source-6.12 mm $(JOBS)

bench-plugin: plugin fetch-kernels
	$(Q)bench/plugin-overhead $(CACHE)/kernels/linux-source-6.12 mm $(JOBS) 5
	$(Q)for o in mm/memory.o mm/rmap.o; do \
		bench/plugin-instructions $(CACHE)/kernels/bench-linux-source-6.12 $$o; done

# The rules through the kernel's own scripts/coccicheck, with --jobs.
check-coccicheck: all fetch-kernels
	$(Q)tools/check-coccicheck $(CACHE)/kernels/linux-source-6.1

# The whole trees: kernels/7.2.ledger covers mm/ and arch/s390/ only so far.
check-kernels: all fetch-kernels
	$(Q)for v in $(WHOLE_KERNELS); do \
		echo "  KERNEL  $$v whole tree"; \
		(cd $(CACHE)/kernels/linux-source-$$v && $(CURDIR)/bin/mmcheck --partial-ok \
			-j $(JOBS) --expect $(CURDIR)/kernels/$$v.ledger .) || exit 1; \
	done

bench: all fetch-kernels
	$(Q)bench/cocci-vs-double-lock $(CACHE)/kernels/linux-source-6.12

# The layout under PREFIX/lib/mmcheck is the source tree's: each program
# finds catalogue/mm-api.tsv in the nearest directory above its own.  The plugin and
# mmcheck-sparse are installed when built (make plugin sparse; make deps).
LIBDIR := $(DESTDIR)$(PREFIX)/lib/mmcheck

check-kernel-build: plugin locks fetch-kernels
	$(Q)tools/check-kernel-build $(CACHE)/kernels/linux-source-$(CHANGE_KERNEL) $(JOBS)
	$(Q)ARCH=s390 CROSS_COMPILE=s390x-linux-gnu- \
		tools/check-kernel-build $(CACHE)/kernels/linux-source-$(CHANGE_KERNEL) $(JOBS)

check-mutations: all plugin sparse fetch-kernels
	$(Q)for v in $(CHANGE_KERNEL) $(filter $(MAINLINE),$(KERNELS)); do \
		echo "  MUTATE  Linux $$v (tools/mutate-kernel)"; \
		tools/mutate-kernel $$v $(JOBS) || exit 1; \
	done

check-cached-builds: plugin locks fetch-kernels
	$(Q)tools/check-cached-builds $(CACHE)/kernels/linux-source-$(CHANGE_KERNEL) mm,kernel $(JOBS)

deb:
	$(Q)tools/build-deb $(CACHE)

check-deb:
	$(Q)tools/check-deb $(CACHE)

install: all locks
	$(Q)install -d $(DESTDIR)$(PREFIX)/bin $(LIBDIR)/lib/mmcheck \
		$(LIBDIR)/catalogue $(DESTDIR)$(PREFIX)/share/man/man1
	$(Q)install -m 644 lib/mmcheck/*.py $(LIBDIR)/lib/mmcheck/
	$(Q)install -m 644 catalogue/*.tsv $(LIBDIR)/catalogue/
	$(Q)cd semantic-patches && find . -name '*.cocci' -exec install -D -m 644 {} \
		$(LIBDIR)/semantic-patches/{} \;
	$(Q)install -d $(LIBDIR)/bin
	$(Q)install -m 755 bin/mmcheck $(LIBDIR)/bin/mmcheck
	$(Q)ln -sf ../lib/mmcheck/bin/mmcheck $(DESTDIR)$(PREFIX)/bin/mmcheck
	$(Q)install -m 755 bin/mmcheck-cc $(LIBDIR)/bin/mmcheck-cc
	$(Q)ln -sf ../lib/mmcheck/bin/mmcheck-cc $(DESTDIR)$(PREFIX)/bin/mmcheck-cc
	$(Q)install -m 755 bin/mmcheck-bot $(LIBDIR)/bin/mmcheck-bot
	$(Q)ln -sf ../lib/mmcheck/bin/mmcheck-bot $(DESTDIR)$(PREFIX)/bin/mmcheck-bot
	$(Q)install -D -m 644 docs/rules.md $(LIBDIR)/docs/rules.md
	$(Q)install -D -m 755 locks/mmcheck-locks $(LIBDIR)/locks/mmcheck-locks
	$(Q)ln -sf ../lib/mmcheck/locks/mmcheck-locks $(DESTDIR)$(PREFIX)/bin/mmcheck-locks
	$(Q)if [ -x sparse-checks/mmcheck-sparse ]; then \
		install -D -m 755 sparse-checks/mmcheck-sparse $(LIBDIR)/sparse-checks/mmcheck-sparse && \
		ln -sf ../lib/mmcheck/sparse-checks/mmcheck-sparse $(DESTDIR)$(PREFIX)/bin/mmcheck-sparse; \
	else echo "  SKIP    mmcheck-sparse: not built (make sparse)"; fi
	$(Q)if [ -x clang-checks/mmcheck-clang ]; then \
		install -D -m 755 clang-checks/mmcheck-clang $(LIBDIR)/clang-checks/mmcheck-clang && \
		ln -sf ../lib/mmcheck/clang-checks/mmcheck-clang $(DESTDIR)$(PREFIX)/bin/mmcheck-clang; \
	else echo "  SKIP    mmcheck-clang: not built (make clang)"; fi
	$(Q)if [ -f gcc-plugin/mmcheck.so ]; then \
		install -D -m 644 gcc-plugin/mmcheck.so $(LIBDIR)/gcc-plugin/mmcheck.so; \
	else echo "  SKIP    the GCC plugin: not built (make plugin)"; fi
	$(Q)install -m 644 docs/mmcheck.1 docs/mmcheck-bot.1 docs/mmcheck-cc.1 docs/mmcheck-locks.1 docs/mmcheck-sparse.1 docs/mmcheck-clang.1 \
		$(DESTDIR)$(PREFIX)/share/man/man1/

clean:
	$(Q)rm -rf tests/out __pycache__ lib/mmcheck/__pycache__
	$(Q)$(MAKE) -s -C core clean
	$(Q)$(MAKE) -s -C gcc-plugin clean
	$(Q)$(MAKE) -s -C locks clean
	$(Q)$(MAKE) -s -C sparse-checks clean

.PHONY: all core plugin locks sparse clang fuzz check-mutations check-fuzz-regressions deb check-deb check-kernel-build check-cached-builds check-hostile check-sanitizers check-change check-bot check-bot-kernel bench-bot check-plugin check-locks check-clang check-corpus-gcc11 check-corpus-cross check-corpus-clang16 catalogue deps deps-kernels demo test check-catalogue check-driver check-core check-corpus \
	fetch-kernels check-kernels-quick check-ledger-shift check-change-kernel bench-change check-kernels check-coccicheck check-plugin-kernels check-sparse-kernels check-clang-kernels check-clang-kernels-quick check-lock-kernels bench bench-plugin bench-sparse bench-clang bench-locks install clean
