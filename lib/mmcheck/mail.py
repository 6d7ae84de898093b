"""Patches as they arrive by mail: one message, an mbox (mboxrd, as b4 and
public-inbox write it), a maildir, or a directory of .eml/.patch files;
each message parsed once into what the bot needs, and the patches grouped
into series the way a thread of 'git send-email' is laid out.

Everything here is data from strangers.  Nothing read from a message is
trusted: sizes are capped while reading, every header value the bot will
reuse is checked against a strict shape (a Message-ID, an address, a
commit id) or rebuilt from its parts, and no text from a message reaches
a shell, a path or a header verbatim.
"""
import email
import email.policy
import email.utils
import os
import re

MAX_MESSAGE = 10 << 20       # bytes; a patch bigger than this is not a review's job
MAX_MESSAGES = 20000         # per input, so an endless stdin ends

MSGID_RE = re.compile(r"<([!-;=?-~]{1,250}@[!-;=?-~]{1,250})>")   # no <, >, space, control
ADDR_RE = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9.-]{1,255}$")
TAGS_RE = re.compile(r"^\s*(?:\[[^\]]*\]\s*)*?\[(?P<tags>[^\]]*\bPATCH\b[^\]]*)\]\s*(?P<title>.*)$",
                     re.I)
BASE_RE = re.compile(r"^base-commit:\s*([0-9a-f]{7,64})\s*$", re.M)
DIFF_RE = re.compile(r"^(?:diff --git |--- \S.*\n\+\+\+ \S|Index: )", re.M)
CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]+")


class MailError(Exception):
    pass


def clean(text, most=200):
    """One line of header text a reply may quote: control characters (CR,
    LF, tabs, escapes) become single spaces, and it is cut at most."""
    return " ".join(CONTROL_RE.sub(" ", text or "").split())[:most]


def message_id(value):
    """The first well-formed Message-ID in a header value, without <>."""
    m = MSGID_RE.search(value or "")
    return m.group(1) if m else None


def addresses(values):
    """[(name, address)] of header values, keeping only addresses of a
    plain shape; names lose their control characters."""
    out = []
    for name, addr in email.utils.getaddresses([v for v in values if v]):
        if ADDR_RE.match(addr or ""):
            out.append((clean(name, 100), addr))
    return out


class Message:
    """One mail as the bot reads it.  raw: the bytes as received (what
    'git am' is given); where: the place it came from, for log lines."""

    def __init__(self, raw, where):
        self.raw, self.where = raw, where
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        self.msgid = message_id(_header(msg, "Message-ID"))
        self.subject = clean(_header(msg, "Subject"), 250)
        sender = addresses([_header(msg, "From")])
        self.author = sender[0] if sender else None
        self.to = addresses([_header(msg, "To")])
        self.cc = addresses([_header(msg, "Cc")])
        self.in_reply_to = message_id(_header(msg, "In-Reply-To"))
        self.body = _body(msg)
        self.is_reply = self.subject.lower().startswith(("re:", "aw:", "sv:"))
        m = TAGS_RE.match(self.subject)
        self.tags = m.group("tags") if m and not self.is_reply else None
        self.title = m.group("title") if m else self.subject
        self.version, self.number, self.total = _numbering(self.tags or "")
        base = BASE_RE.findall(self.body)
        self.base = base[-1] if base else None
        self.has_diff = bool(DIFF_RE.search(self.body))

    @property
    def is_patch(self):
        return self.tags is not None and self.has_diff

    @property
    def is_cover(self):
        return self.tags is not None and self.number == 0 and not self.has_diff


def _header(msg, name):
    """A header's decoded text, or '' when it is missing or unreadable."""
    try:
        return str(msg.get(name, "") or "")
    except Exception:   # the email package raises many kinds on bad encodings
        return ""


def _body(msg):
    """The text of the first text/plain part, decoded from base64 or
    quoted-printable and from its charset (an unknown or wrong one gives
    replacement characters, not an error)."""
    part = msg
    if msg.is_multipart():
        part = next((p for p in msg.walk() if p.get_content_type() == "text/plain"
                     and not p.is_multipart()), None)
        if part is None:
            return ""
    payload = part.get_payload(decode=True) or b""
    charset = part.get_content_charset() or "utf-8"
    try:
        return payload.decode(charset, "replace")
    except LookupError:
        return payload.decode("utf-8", "replace")


def _numbering(tags):
    """(version, number, total) of '[PATCH v3 2/5]'; (1, 1, 1) for '[PATCH]'."""
    v = re.search(r"\bv(\d{1,4})\b", tags, re.I)
    n = re.search(r"\b(\d{1,4})/(\d{1,4})\b", tags)
    version = int(v.group(1)) if v else 1
    if n:
        return version, int(n.group(1)), int(n.group(2))
    return version, 1, 1


def read(source, stdin=None, log=print):
    """Yield (where, raw bytes) of each message in source: '-' (stdin), a
    maildir, a directory of message files, an mbox or one message file.
    A message over MAX_MESSAGE is logged and skipped, not read whole."""
    if source == "-":
        yield from _stream(stdin, "<stdin>", log)
    elif os.path.isdir(source):
        yield from _directory(source, log)
    else:
        try:
            f = open(source, "rb")
        except OSError as e:
            raise MailError("%s: cannot read: %s" % (source, e.strerror))
        with f:
            yield from _stream(f, source, log)


def _directory(top, log):
    if all(os.path.isdir(os.path.join(top, d)) for d in ("cur", "new")):
        dirs = [os.path.join(top, "new"), os.path.join(top, "cur")]    # a maildir
    else:
        dirs = [top]
    names = sorted(os.path.join(d, n) for d in dirs for n in os.listdir(d)
                   if not n.startswith("."))
    for path in names[:MAX_MESSAGES]:
        if os.path.islink(path) or not os.path.isfile(path):
            log("%s: skipped: not a regular file" % path)
            continue
        if os.path.getsize(path) > MAX_MESSAGE:
            log("%s: skipped: larger than %d MiB" % (path, MAX_MESSAGE >> 20))
            continue
        with open(path, "rb") as f:
            yield path, f.read()


def _stream(f, name, log):
    """An mbox (a 'From ' line starts each message; mboxrd's '>From '
    quoting undone) or, without one at the top, a single message."""
    first = f.readline()
    if not first.startswith(b"From "):
        data = first + f.read(MAX_MESSAGE)
        if f.read(1):
            log("%s: skipped: larger than %d MiB" % (name, MAX_MESSAGE >> 20))
            return
        yield name, data
        return
    count, lines, size, too_big = 0, [], 0, False
    for line in f:
        if line.startswith(b"From "):
            count += 1
            yield from _one(name, count, lines, too_big, log)
            if count >= MAX_MESSAGES:
                log("%s: stopped after %d messages" % (name, MAX_MESSAGES))
                return
            lines, size, too_big = [], 0, False
            continue
        size += len(line)
        if size > MAX_MESSAGE:
            too_big, lines = True, []
        elif not too_big:
            lines.append(line[1:] if re.match(rb"^>+From ", line) else line)
    yield from _one(name, count + 1, lines, too_big, log)


def _one(name, n, lines, too_big, log):
    where = "%s#%d" % (name, n)
    if too_big:
        log("%s: skipped: larger than %d MiB" % (where, MAX_MESSAGE >> 20))
    elif lines:
        yield where, b"".join(lines)


class Series:
    """The patches of one posting: same thread, version and count, sent
    by the same address; the cover letter's base-commit if it has one."""

    def __init__(self, key):
        self.key = key
        self.patches = {}         # number -> Message
        self.cover = None

    @property
    def ordered(self):
        return [self.patches[n] for n in sorted(self.patches)]

    @property
    def first(self):
        return self.cover or self.ordered[0]

    @property
    def base(self):
        for m in [self.cover] + self.ordered:
            if m is not None and m.base:
                return m.base
        return None

    @property
    def missing(self):
        total = self.ordered[0].total
        return [n for n in range(1, total + 1) if n not in self.patches]

    @property
    def name(self):
        m = self.first
        return "[%s] %s" % (clean(m.tags or "PATCH", 40), clean(m.title, 60))


def series_of(messages, log=print):
    """Group patch messages into series, in the order they came; cover
    letters join their series, replies and other mail are dropped (with a
    log line when they looked like patches).  A patch belongs with the
    message it answers when that one is a patch or cover letter of the
    same version and count from the same address: the thread 'git
    send-email' makes, whether it chains replies or not, and whether or
    not the series answers an earlier version."""
    posted = []
    for m in messages:
        if m.is_reply or m.tags is None:
            continue
        if not m.msgid:
            log("%s: skipped: no usable Message-ID" % m.where)
        elif not m.is_patch and not m.is_cover:
            log("%s: skipped: a [PATCH] subject without a diff" % m.where)
        elif m.author is None:
            log("%s: skipped: no usable From: address" % m.where)
        else:
            posted.append(m)
    by_id = {m.msgid: m for m in posted}
    kind = lambda m: (m.version, m.total, m.author[1].lower())
    groups, order = {}, []
    for m in posted:
        anchor, seen = m, set()
        while anchor.in_reply_to in by_id and anchor.msgid not in seen:
            seen.add(anchor.msgid)
            parent = by_id[anchor.in_reply_to]
            if kind(parent) != kind(m):
                break
            anchor = parent
        key = (anchor.msgid,) + kind(m)
        if anchor is m and not m.is_cover:
            key = _unthreaded(groups, order, kind(m), m.number) or key
        if key not in groups:
            groups[key] = Series(key)
            order.append(key)
        s = groups[key]
        if m.is_cover:
            s.cover = m
        elif m.number in s.patches:
            log("%s: skipped: patch %d/%d seen twice in one series" % (m.where, m.number, m.total))
        elif 1 <= m.number <= m.total:
            s.patches[m.number] = m
    return [groups[k] for k in order if groups[k].patches]


def _unthreaded(groups, order, kind, number):
    """The key of the latest series of this kind still missing patch
    number: where a patch without threading headers belongs ('b4 am'
    output, a maildir of 'git format-patch' files), or None."""
    for k in reversed(order):
        if k[1:] == kind and number not in groups[k].patches:
            return k
    return None
