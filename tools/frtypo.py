#!/usr/bin/env python3
"""French typography of a questionnaire's text (the built-in one by default).

    tools/frtypo.py [--fix] [FILE]

Without --fix, loads FILE as YAML and reports every text value that breaks
the house rules (exit 1 if any): a plain space where French typography wants
a no-break one.  With --fix, rewrites FILE in place line by line first (keys,
conditions and comments are left alone, only text after a text key or
inside a folded block changes), then checks.  A break that falls across two
lines of a folded scalar cannot be fixed line by line: the check reports it
and a person rejoins the words.

Rules: U+202F before ; ! ? and inside « »; U+00A0 before :, between a
number and its unit, inside grouped thousands (20 000), inside dates
(9 mars 2021), after n° and art.
"""
import re
import sys

import yaml

NNBSP, NBSP = "\u202f", "\u00a0"
MONTHS = ("janvier|février|mars|avril|mai|juin|juillet|août|septembre|"
          "octobre|novembre|décembre")
UNITS = r"(?:%|M€|€|habitants|agents|salariés|ans|heures|jours|mois)"
RULES = [
    (re.compile(r" ([;!?])"), NNBSP + r"\1"),
    (re.compile(r"« "), "«" + NNBSP),
    (re.compile(r" »"), NNBSP + "»"),
    (re.compile(r" :(?=\s|$)"), NBSP + ":"),
    (re.compile(r"(\d) (\d{3})\b"), r"\1" + NBSP + r"\2"),
    (re.compile(r"(\d) (" + UNITS + r")(?![\w])"), r"\1" + NBSP + r"\2"),
    (re.compile(r"\b(\d{1,2}|1er) (" + MONTHS + r")\b"), r"\1" + NBSP + r"\2"),
    (re.compile(r"\b(" + MONTHS + r") (\d{4})\b"), r"\1" + NBSP + r"\2"),
    (re.compile(r"n° "), "n°" + NBSP),
    (re.compile(r"\b(art\.) (?=[\dLRD])"), r"\1" + NBSP),
]
TEXT_KEYS = ("text", "help", "label", "title", "intro", "objective",
             "description", "source")


def fix_text(s):
    # Thousands twice: "1 234 567" needs two passes of the same rule.
    for _ in range(2):
        for rx, rep in RULES:
            s = rx.sub(rep, s)
    return s


def fix_file(path):
    out, in_block = [], None
    for line in open(path, encoding="utf-8"):
        indent = len(line) - len(line.lstrip(" "))
        body = line.strip()
        if in_block is not None and body and indent <= in_block:
            in_block = None
        m = re.match(r"(\s*(?:- )?(\w+): )(>-?|\|-?)?\s*$", line)
        if m and m.group(2) in TEXT_KEYS and m.group(3):
            in_block = indent
            out.append(line)
            continue
        if in_block is not None or body.startswith("- ") and ":" not in body.split(" ", 2)[1]:
            out.append(fix_text(line))
            continue
        fixed = re.sub(r"((?:%s): )(.*)" % "|".join(TEXT_KEYS),
                       lambda k: k.group(1) + fix_text(k.group(2)), line)
        out.append(fixed)
    open(path, "w", encoding="utf-8").write("".join(out))


def strings(node, where):
    if isinstance(node, dict):
        for k, v in node.items():
            yield from strings(v, where + "." + str(k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from strings(v, "%s[%d]" % (where, i))
    elif isinstance(node, str):
        yield where, node


def check(path):
    doc = yaml.load(open(path, encoding="utf-8"), Loader=yaml.BaseLoader)
    bad = 0
    for where, s in strings(doc, ""):
        if not where.split(".")[-1].split("[")[0] in TEXT_KEYS + ("steps", "deliverables"):
            continue
        if fix_text(s) != s:
            bad += 1
            print("%s: %s: %r" % (path, where.lstrip("."), s))
    return bad


def main(argv):
    args = [a for a in argv if a != "--fix"]
    path = args[0] if args else "questionnaires/default.yaml"
    if "--fix" in argv:
        fix_file(path)
    return 1 if check(path) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
