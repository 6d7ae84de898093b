"""The bot's answer to one patch, in the shape kernel developers already
read from the 0-day bot (kernel test robot): a greeting, what was checked
and how to reproduce it, the tags to add when a later patch fixes it, the
new warnings in smatch's 'path:LINE func() warn: message' form, and for
each a 'vim +LINE path' block of the source with the lines the patch
added marked '>>' and the warning's line marked '@', then its path of
notes.

Headers are built from parts the mail reader checked (mail.py): a
Message-ID of a strict shape, addresses of a plain shape, names and a
subject with every control character gone; the email package encodes
non-ASCII names (RFC 2047) and refuses anything else, so a header can
never be injected.  The body quotes the patched source, cleaned of
control characters and cut to a sane width, so it stays plain text.
"""
import email.policy
import email.utils
import hashlib
import re
import urllib.parse
from email.headerregistry import Address
from email.message import EmailMessage

from .mail import clean

POLICY = email.policy.default.clone(max_line_length=78)   # LF: a local .eml, sendmail
CONTEXT = 5          # source lines shown before and after a warning
CODE_WIDTH = 200     # a quoted source line is cut here (a reply stays mail)
CODE_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")


class Sender:
    """Who the bot is, from git config (mmcheck.bot.*) or options."""

    def __init__(self, name="mmcheck bot", addr="mmcheck-bot@localhost", reply_to=None,
                 archive="https://lore.kernel.org/r/", tree=None):
        self.name, self.addr, self.reply_to = name, addr, reply_to
        self.archive, self.tree = archive.rstrip("/") + "/", tree

    @property
    def domain(self):
        return self.addr.rsplit("@", 1)[-1]


class Checked:
    """One patch's result: the mail, its series, the commit it became
    and its parent, how the base was chosen, the new findings, and the
    old and new text of the files they are in (for the vim blocks)."""

    def __init__(self, patch, series, commit, base, base_how, findings, files, engine):
        self.patch, self.series, self.commit = patch, series, commit
        self.base, self.base_how = base, base_how
        self.findings, self.files, self.engine = findings, files, engine


def reply_id(c, sender):
    """The reply's Message-ID: the same patch and findings give the same
    id, so a re-run is recognisable as a duplicate."""
    h = hashlib.sha256(c.patch.msgid.encode())
    for fd in c.findings:
        h.update(("\0%s %s %s %s" % (fd.rule, fd.file, fd.function, fd.message)).encode())
    return "mmcheck-%s@%s" % (h.hexdigest()[:20], sender.domain)


def link(sender, msgid):
    return sender.archive + urllib.parse.quote(msgid, safe="@.-_+=~!$&'*,;:")


def compose(c, sender, tool, when=None):
    """The reply as bytes (an RFC 5322 message)."""
    msg = EmailMessage(policy=POLICY)
    me = Address(sender.name, addr_spec=sender.addr)
    msg["From"] = me
    if sender.reply_to:
        msg["Reply-To"] = Address(addr_spec=sender.reply_to)
    name, addr = c.patch.author
    msg["To"] = Address(name, addr_spec=addr)
    skip = {addr.lower(), sender.addr.lower()}
    cc = []
    for n, a in c.patch.to + c.patch.cc:
        if a.lower() not in skip:
            skip.add(a.lower())
            cc.append(Address(n, addr_spec=a))
    if cc:
        msg["Cc"] = cc[:50]
    msg["Subject"] = "Re: " + c.patch.subject
    msg["Date"] = when or email.utils.formatdate(usegmt=True)
    msg["Message-ID"] = "<%s>" % reply_id(c, sender)
    msg["Auto-Submitted"] = "auto-generated"
    msg["User-Agent"] = "mmcheck-bot/%s" % tool["version"]
    text = body(c, sender, tool, reply_id(c, sender))
    ascii_only = all(ord(ch) < 128 for ch in text)
    msg.set_content(text, charset="us-ascii" if ascii_only else "utf-8",
                    cte="7bit" if ascii_only else "8bit")
    return threaded(msg.as_bytes(policy=POLICY), c)


def threaded(data, c):
    """data with In-Reply-To and References after its Message-ID.  Written
    here, not by the email package: it RFC 2047-encodes a Message-ID
    longer than a line (lore's often are), which breaks threading.  The ids
    passed mail.MSGID_RE (no space, no control character, no <>), and a
    line of their own stays far below RFC 5322's 998 characters."""
    refs = list(dict.fromkeys([c.series.first.msgid, c.patch.msgid]))
    lines = b"In-Reply-To: <%s>\nReferences: %s\n" % (
        c.patch.msgid.encode(), b"\n ".join(b"<%s>" % r.encode() for r in refs))
    at = data.index(b"\nMessage-ID: ") + 1
    end = data.index(b"\n", at) + 1
    return data[:end] + lines + data[end:]


def body(c, sender, tool, rid):
    first = c.patch.author[0] or c.patch.author[1].split("@")[0]
    p = c.patch
    lines = ["Hi %s," % clean(first, 60), "",
             "mmcheck noticed the following new warnings in your patch.", "",
             "[checked on top of %s]" % c.base[:12],
             "[%s]" % c.base_how, ""]
    if sender.tree:
        lines.append("tree:          %s" % sender.tree)
    lines += ["base:          %s" % c.base,
              "patch link:    %s" % link(sender, p.msgid),
              "patch subject: %s" % p.subject,
              "checker:       mmcheck %s, %s engine (%s)" % (tool["version"], c.engine,
                                                           tool["engine_version"]),
              "reproduce:",
              "        git checkout %s" % c.base,
              "        b4 shazam %s" % p.msgid,
              "        mmcheck -e %s --range %s..HEAD" % (c.engine, c.base[:12]),
              "",
              "If you fix the issue in a separate patch/commit (i.e. not just a new version of",
              "the same patch/commit), kindly add following tags",
              "| Reported-by: %s <%s>" % (clean(sender.name, 60), sender.addr),
              "| Closes: %s/" % link(sender, rid),
              "",
              "New mmcheck warnings:"]
    for fd in c.findings:
        lines.append(warn_line(fd))
    for fd in c.findings:
        lines += [""] + vim_block(fd, c.files.get(fd.file))
    lines += ["", "-- ", "mmcheck: Linux memory-management checks", ""]
    return "\n".join(lines)


def warn_line(fd):
    func = "%s() " % fd.function if fd.function else ""
    return "%s:%d %swarn: %s [%s]" % (fd.file, fd.line, func, fd.message, fd.rule)


def vim_block(fd, texts):
    """'vim +LINE path' and the source around the warning (and around
    each note in another part of the file), then the notes."""
    out = ["vim +%d %s" % (fd.line, fd.file), ""]
    if texts is not None:
        lines, added = texts
        want = set()
        for ln in [fd.line] + [n[1] for n in fd.notes if n[0] == fd.file]:
            want.update(range(max(1, ln - CONTEXT), min(len(lines), ln + CONTEXT) + 1))
        last = None
        for ln in sorted(want):
            if last is not None and ln != last + 1:
                out.append("   ...")
            mark = (">>" if ln in added else "  ") + ("@" if ln == fd.line else " ")
            out.append("%s%4d\t%s" % (mark, ln, code(lines[ln - 1])))
            last = ln
        out.append("")
    for f, ln, _, t in fd.notes:
        out.append("  %s:%d: note: %s" % (f, ln, t))
    return out


def code(line):
    """A source line fit for a plain-text mail: tabs kept, other control
    characters shown as '?', cut at CODE_WIDTH."""
    return CODE_CONTROL.sub("?", line)[:CODE_WIDTH]
