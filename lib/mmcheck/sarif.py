"""Findings as SARIF 2.1.0 (OASIS), for code-scanning dashboards and the
bot: one run per analysis, the rules with their help from docs/rules.md,
each result at its place with its path of notes as a code flow (the notes
in order, then the warning), and partialFingerprints from the shared
fingerprint (fingerprint.py), so a result keeps its identity when lines
move.  Files not fully analysed become error notifications of the run and
mark it unsuccessful: a SARIF consumer never sees them as clean.
"""
import json
import os
import re

from . import catalogue, fingerprint

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFO_URI = "https://github.com/mmcheck/mmcheck"
LEVEL = {"warning": "warning", "error": "error", "note": "note"}


def rule_help():
    """{rule id: the text of its section in docs/rules.md}."""
    try:
        with open(os.path.join(catalogue.TOP, "docs", "rules.md"), encoding="utf-8") as f:
            text = f.read()
    except OSError:
        return {}
    out = {}
    for m in re.finditer(r"^## (\S+)\n(.*?)(?=^## |\Z)", text, re.M | re.S):
        out[m.group(1)] = m.group(2).strip()
    return out


def describe_rules(rules):
    docs = rule_help()
    out = []
    for r in rules:
        d = {"id": r.id, "name": "".join(w.title() for w in r.id.split("-")),
             "shortDescription": {"text": r.summary},
             "fullDescription": {"text": r.summary},
             "help": {"text": docs.get(r.id, r.summary)},
             "defaultConfiguration": {"level": LEVEL.get(r.severity, "warning")},
             "properties": {"tags": [r.family], "engines": r.engines}}
        out.append(d)
    return out


def _location(path, line, col, text=None):
    loc = {"physicalLocation": {"artifactLocation": {"uri": _uri(path), "uriBaseId": "SRCROOT"},
                                "region": {"startLine": max(1, line),
                                           "startColumn": max(1, col)}}}
    if text:
        loc["message"] = {"text": text}
    return loc


def _uri(path):
    from urllib.parse import quote
    return quote(os.path.normpath(path).replace(os.sep, "/").lstrip("/"))


def result(fd, index):
    r = {"ruleId": fd.rule, "ruleIndex": index, "level": LEVEL.get(fd.severity, "warning"),
         "message": {"text": fd.message},
         "locations": [_location(fd.file, fd.line, fd.col)],
         "partialFingerprints": {"mmcheck/v1": fingerprint.digest(fd)}}
    if fd.function:
        r["locations"][0]["logicalLocations"] = [{"name": fd.function, "kind": "function"}]
    steps = [{"location": _location(f, ln, c, t)} for f, ln, c, t in fd.notes]
    if steps:
        steps.append({"location": _location(fd.file, fd.line, fd.col, fd.message)})
        r["codeFlows"] = [{"threadFlows": [{"locations": steps}]}]
    return r


def run(findings, rules, incomplete, engine, version, root=None, revision=None, props=None):
    """One SARIF run object."""
    rules = list(rules)
    used = {fd.rule for fd in findings}
    known = {r.id for r in rules}
    rules += [r for r in catalogue.load_rules() if r.id in used and r.id not in known]
    index = {r.id: i for i, r in enumerate(rules)}
    fingerprint.number(findings)
    notes = [{"level": "error", "message": {"text": "%s: not fully analysed: %s" % (f, reason)},
              "descriptor": {"id": "mmcheck-incomplete"},
              "locations": [_location(f, 1, 1)]} for f, reason in incomplete]
    out = {"tool": {"driver": {"name": "mmcheck", "version": version, "informationUri": INFO_URI,
                               "rules": describe_rules(rules)}},
           "invocations": [{"executionSuccessful": not incomplete,
                            "toolExecutionNotifications": notes}],
           "originalUriBaseIds": {"SRCROOT": {"uri": _root_uri(root)}},
           "results": [result(fd, index[fd.rule]) for fd in findings],
           "columnKind": "unicodeCodePoints",
           "properties": dict(props or {}, engine=engine)}
    if revision:
        out["versionControlProvenance"] = [{"repositoryUri": _root_uri(root),
                                            "revisionId": revision}]
    return out


def _root_uri(root):
    root = os.path.abspath(root or ".")
    from urllib.parse import quote
    return "file://" + quote(root.rstrip("/") + "/")


def log(runs):
    """The SARIF log (text) of the runs."""
    return json.dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": list(runs)}, indent=2) + "\n"
