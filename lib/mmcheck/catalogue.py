"""Read the two tables every engine shares: the API catalogue
(catalogue/mm-api.tsv) and the rule registration list (catalogue/rules.tsv).

Both are whitespace-separated text so that C engines can read them with a
few lines of code too; '#' starts a comment.
"""
import os
import re

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
API_FILE = os.path.join(TOP, "catalogue", "mm-api.tsv")
RULES_FILE = os.path.join(TOP, "catalogue", "rules.tsv")


class CatalogueError(Exception):
    pass


def table_rows(path, error, inline_comments=True):
    """(line number, text) of each row of a text table: blank lines and
    '#' comments skipped ('#' anywhere, or only at the start when a row may
    hold one, as a ledger's reason can).  OSError becomes error(message)."""
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
    except OSError as e:
        raise error("%s: cannot read: %s" % (path, e.strerror))
    except UnicodeDecodeError as e:
        raise error("%s: not UTF-8 text (byte %d)" % (path, e.start))
    for num, line in enumerate(lines, 1):
        line = (line.split("#", 1)[0] if inline_comments else line).strip()
        if line and not line.startswith("#"):
            yield num, line


def _rows(path):
    return table_rows(path, CatalogueError)


class Entry:
    def __init__(self, kind, name, keys):
        self.kind = kind
        self.name = name
        self.keys = keys

    def __repr__(self):
        return "Entry(%s %s %r)" % (self.kind, self.name, self.keys)


def load_api(path=API_FILE):
    """Return the list of catalogue entries, in file order."""
    entries = []
    for num, line in _rows(path):
        fields = line.split()
        if len(fields) < 2:
            raise CatalogueError("%s:%d: expected KIND NAME" % (path, num))
        keys = {}
        for kv in fields[2:]:
            if "=" not in kv:
                raise CatalogueError("%s:%d: '%s' is not KEY=VALUE" % (path, num, kv))
            k, v = kv.split("=", 1)
            keys[k] = v
        if fields[0].endswith("_path"):
            if not re.match(r"^[\w*./-]+$", fields[1]):
                raise CatalogueError("%s:%d: '%s' is not a path glob" % (path, num, fields[1]))
        elif fields[0] in ("guard_ctor", "guard_dtor", "guard_type", "guard_test"):
            if not re.match(r"^[A-Za-z_]\w*%\w*$", fields[1]):
                raise CatalogueError("%s:%d: '%s' is not a name with one '%%'" % (path, num, fields[1]))
        elif fields[0] == "called_after":
            if not re.match(r"^[A-Za-z_]\w*\.[A-Za-z_]\w*$", fields[1]) or \
                    not re.match(r"^[A-Za-z_]\w*$", keys.get("member", "")):
                raise CatalogueError("%s:%d: '%s' is not STRUCT.MEMBER with member=MEMBER"
                                     % (path, num, fields[1]))
        elif fields[0] in ("softirq_field", "bh_off_field", "work_field"):
            if not re.match(r"^([A-Za-z_]\w*\.)?[A-Za-z_]\w*$", fields[1]):
                raise CatalogueError("%s:%d: '%s' is not MEMBER or STRUCT.MEMBER" % (path, num, fields[1]))
        elif fields[0] in ("lock_class_per_family", "lock_class_rekeyed"):
            if not re.match(r"^[A-Za-z_]\w*::[A-Za-z_][\w.]*$", fields[1]):
                raise CatalogueError("%s:%d: '%s' is not STRUCT::MEMBER.PATH" % (path, num, fields[1]))
            if fields[0] == "lock_class_rekeyed" and \
                    not re.match(r"^[\w./-]+$", keys.get("path", "")):
                raise CatalogueError("%s:%d: '%s' has no path=DIR/FILE" % (path, num, fields[1]))
        elif fields[0] == "process_cut" and \
                not re.match(r"^[A-Za-z_]\w*$", keys.get("from", "")):
            raise CatalogueError("%s:%d: '%s' has no from=FUNCTION" % (path, num, fields[1]))
        elif not re.match(r"^[A-Za-z_]\w*$", fields[1]):
            raise CatalogueError("%s:%d: '%s' is not a C identifier" % (path, num, fields[1]))
        if fields[0] == "bh_workqueue" and "bit" in keys and \
                not re.match(r"^([0-9]|[1-5][0-9]|6[0-3])$", keys["bit"]):
            raise CatalogueError("%s:%d: '%s' has bit= out of 0..63" % (path, num, fields[1]))
        if fields[0] == "bh_workqueue_alloc" and not re.match(r"^[1-9]$", keys.get("arg", "")):
            raise CatalogueError("%s:%d: '%s' has no arg=N" % (path, num, fields[1]))
        entries.append(Entry(fields[0], fields[1], keys))
    return entries


def names(entries, *kinds):
    """Sorted unique names of the given kinds."""
    return sorted({e.name for e in entries if e.kind in kinds})


def pairs(entries):
    """{do_name: [undo names]} in catalogue order of the do rows."""
    out = {}
    for e in entries:
        if e.kind == "do":
            out[e.name] = []
    for e in entries:
        if e.kind == "undo":
            do = e.keys.get("pair")
            if do not in out:
                raise CatalogueError("undo %s names unknown pair=%s" % (e.name, do))
            out[do].append(e.name)
    for do, undos in out.items():
        if not undos:
            raise CatalogueError("do %s has no undo row" % do)
    return out


class Rule:
    def __init__(self, rid, family, severity, scope, cocci, needs, seed, focus, engines, key,
                 summary):
        self.id = rid
        self.family = family
        self.severity = severity
        self.scope = scope
        self.cocci = cocci
        self.needs = [group.split("|") for group in needs.split("+")]
        self.seed = [] if seed == "-" else seed.split("|")
        self.focus = [] if focus == "-" else focus.split("+")
        self.engines = engines.split(",")
        self.key = None if key == "-" else re.compile(key)
        self.summary = summary


def load_rules(path=RULES_FILE):
    rules = []
    for num, line in _rows(path):
        fields = line.split(None, 10)
        if len(fields) != 11:
            raise CatalogueError("%s:%d: expected ID FAMILY SEVERITY SCOPE COCCI NEEDS SEED FOCUS"
                                 " ENGINES KEY SUMMARY" % (path, num))
        try:
            rule = Rule(*fields)
        except re.error as e:
            raise CatalogueError("%s:%d: KEY is not a regular expression: %s" % (path, num, e))
        if rule.scope not in ("file", "run"):
            raise CatalogueError("%s:%d: SCOPE must be file or run" % (path, num))
        # Coccinelle's cross-file schedule needs seeds; the compiled engines'
        # whole-tree analysis reads every unit's facts and needs none.
        if (rule.scope == "run" and "cocci" in rule.engines) != bool(rule.seed):
            raise CatalogueError("%s:%d: a SEED goes with SCOPE run under cocci, and only there"
                                 % (path, num))
        rules.append(rule)
    return rules


def rules_for(engine, spec):
    """The rules of spec (--rules) that engine implements; naming one it
    does not is an error, never a check that silently runs nothing."""
    rules = select_rules(load_rules(), spec)
    if spec:
        named = set(w.strip().lstrip("-") for w in spec.split(","))
        missing = [r.id for r in rules if engine not in r.engines and r.id in named]
        if missing:
            raise CatalogueError("engine %s does not implement %s" % (engine, ", ".join(missing)))
    return [r for r in rules if engine in r.engines]


def select_rules(rules, spec):
    """Rules named by a comma-separated list of IDs or families ('all' or
    None: every rule); '-ID' removes one.  Raises CatalogueError on an
    unknown name."""
    if not spec or spec == "all":
        return list(rules)
    chosen = []
    words = [w.strip() for w in spec.split(",") if w.strip()]
    if all(w.startswith("-") for w in words):
        chosen = list(rules)
    for w in words:
        neg = w.startswith("-")
        name = w[1:] if neg else w
        hit = [r for r in rules if name in (r.id, r.family)]
        if not hit:
            raise CatalogueError("unknown rule or family '%s' (see --list-checks)" % name)
        for r in hit:
            if neg and r in chosen:
                chosen.remove(r)
            elif not neg and r not in chosen:
                chosen.append(r)
    return chosen
