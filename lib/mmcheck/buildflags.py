"""kbuild's own flags for one source file, read from a build: the
compile_commands.json the kernel's scripts/clang-tools/gen_compile_commands.py
writes, or the .cmd file kbuild leaves beside each object (savedcmd_ in
6.x, cmd_ before).  The compiled engines in change mode compile the two
sides of a changed file with exactly these flags, from the build
directory, as kbuild would have.
"""
import json
import os
import re
import shlex

CMD_LINE = re.compile(r"^(?:saved)?cmd_\S+\s*:=\s*(.*)$")
# What kbuild adds for 'make C=1' (CHECKFLAGS in the top Makefile and the
# arch Makefiles), by the architecture the build's .config names.
CHECKFLAGS = ["-D__linux__", "-Dlinux", "-D__STDC__", "-Dunix", "-D__unix__", "-Wbitwise",
              "-Wno-return-void", "-Wno-unknown-attribute"]
ARCH_CHECKFLAGS = {"CONFIG_X86_64": ["-m64", "-D__x86_64__"], "CONFIG_S390": ["-D__s390__",
                                                                             "-D__s390x__"],
                   "CONFIG_ARM64": ["-D__aarch64__"]}


class Build:
    """A kernel build of the tree at root: its directory, and the command
    kbuild ran for each object it compiled."""

    def __init__(self, root, directory):
        self.root, self.dir = root, directory
        self.db = None
        path = os.path.join(directory, "compile_commands.json")
        if os.path.isfile(path):
            try:
                with open(path, encoding="utf-8") as f:
                    self.db = {os.path.normpath(os.path.join(e["directory"], e["file"])): e
                               for e in json.load(f)}
            except (OSError, ValueError, KeyError, TypeError):
                self.db = None

    def command(self, path):
        """(argv, cwd) kbuild compiled the tree's path (relative) with, or None."""
        src = os.path.normpath(os.path.join(self.root, path))
        e = None
        if self.db is not None:
            # the build may be of another checkout of the same tree (the
            # bot's worktree): then the path inside the tree decides
            e = self.db.get(src) or next((v for k, v in self.db.items()
                                          if k.endswith(os.sep + os.path.normpath(path))), None)
        if e is not None:
            argv = e.get("arguments") or shlex.split(e.get("command", ""))
            return (argv, e["directory"]) if argv else None
        base, ext = os.path.splitext(path)
        if ext != ".c":
            return None
        cmd = os.path.join(self.dir, os.path.dirname(path), ".%s.o.cmd" % os.path.basename(base))
        try:
            with open(cmd, encoding="utf-8", errors="replace") as f:
                m = CMD_LINE.match(f.readline().rstrip("\n"))
        except OSError:
            return None
        if not m:
            return None
        return shlex.split(m.group(1).replace("$$", "$")), self.dir

    def make_args(self):
        """What make needs to build more of this build: for a clang build,
        kbuild's LLVM= (make without it would reconfigure for gcc), with
        the version suffix of the clang the build ran (clang-19: LLVM=-19)."""
        try:
            with open(os.path.join(self.dir, "include", "config", "auto.conf")) as f:
                if "\nCONFIG_CC_IS_CLANG=y\n" not in "\n" + f.read():
                    return []
        except OSError:
            return []
        try:    # 'make prepare' compiles it in every build
            with open(os.path.join(self.dir, "kernel", ".bounds.s.cmd")) as f:
                m = CMD_LINE.match(f.readline().rstrip("\n"))
            cc = os.path.basename(shlex.split(m.group(1))[0]) if m else ""
        except (OSError, ValueError, IndexError):
            cc = ""
        m = re.match(r"^clang(-\d+)$", cc)
        return ["LLVM=" + (m.group(1) if m else "1")]

    def checkflags(self):
        """The flags 'make C=1' hands a checker besides the compiler's."""
        extra = list(CHECKFLAGS)
        try:
            with open(os.path.join(self.dir, "include", "config", "auto.conf")) as f:
                conf = f.read()
        except OSError:
            return extra
        for option, flags in ARCH_CHECKFLAGS.items():
            if re.search(r"^%s=y$" % option, conf, re.M):
                extra += flags
        return extra


def find(root, hint=None):
    """The build of the tree at root: hint (a directory), or the tree
    itself when it was built in place; None when there is none to read."""
    for d in ([hint] if hint else []) + [root]:
        if d and (os.path.isfile(os.path.join(d, "compile_commands.json")) or
                  os.path.isfile(os.path.join(d, "include", "config", "auto.conf"))):
            return Build(root, os.path.abspath(d))
    return None


def retarget(argv, root, path, source):
    """kbuild's compile command for the tree's path, made to read source
    instead and write nothing: no object (-o /dev/null), no dependency
    file, no -Werror (mmcheck's warnings stay warnings), and the path's own
    directory first for its "quoted" includes."""
    out, skip = [], False
    for i, a in enumerate(argv):
        if skip:
            skip = False
            continue
        if a == "-o":
            out += ["-o", os.devnull]
            skip = True
        elif a.startswith(("-Wp,-MMD", "-Wp,-MD")) or a == "-Werror":
            continue
        elif i > 0 and (a == path or a.endswith("/" + path)):
            out.append(source)
        else:
            out.append(a)
    return out[:1] + ["-iquote", os.path.join(root, os.path.dirname(path))] + out[1:]
