#!/usr/bin/env python3
"""Independent reference scorer for esgdiag, written from SPEC §3-§5 alone.

It shares no code or data structure with the C implementation: PyYAML
(BaseLoader, so every scalar stays text) reads the questionnaire, the csv
module the answers, and a small recursive-descent parser the conditions.
It prints the respondents' scores as JSON (the keys of esgdiag-result/1
that hold numbers and statuses), unrounded, so that a test can compare the
two implementations value by value.  It assumes well-formed input
(validation is the C side's job and is tested there), with one rule of its
own: a number outside its field's `min`/`max` makes the row invalid, and an
invalid row is left out of the output, as SPEC §4 says.

usage: esgref.py QUESTIONNAIRE.yaml ANSWERS.csv [--aggregate BY|- [MIN_GROUP]]
       esgref.py QUESTIONNAIRE.yaml EXPORT.csv --export
The --export form reads a survey tool's export first (ref_exports.py).
       esgref.py QUESTIONNAIRE.yaml ANSWERS.csv --peers SURVEY.csv BY|- MIN_GROUP
The second form also places each respondent of ANSWERS among the groups of
the aggregate of SURVEY, from the statistics as published (to 2 decimals).
"""
import csv
import io
import json
import re
import statistics
import sys

import yaml

UNKNOWN, NA, EMPTY = "<nsp>", "<na>", None
NSP_TOKENS = {"nsp", "ne sait pas", "je ne sais pas", "?"}
NA_TOKENS = {"na", "n/a", "sans objet", "non applicable", "non concerné", "non concernée"}
YES = {"o", "y", "yes", "true", "1"}
NO = {"n", "no", "false", "0"}
BLANKS = " \t\r\n\v\f\u00a0\u202f"


def fold(s):
    return s.strip(BLANKS).lower()


def options_of(f):
    t = f["type"]
    if t == "yesno":
        return [("oui", "Oui", 1.0), ("non", "Non", 0.0)]
    if t == "scale":
        lo, hi = int(f["min"]), int(f["max"])
        labels = f.get("labels", [])
        if isinstance(labels, dict):
            labels = [labels.get(str(v)) for v in range(lo, hi + 1)]
        labels = list(labels) + [None] * (hi - lo + 1 - len(labels))
        return [(str(v), labels[v - lo], (v - lo) / (hi - lo)) for v in range(lo, hi + 1)]
    return [(o["value"], o["label"], float(o.get("score", "0"))) for o in f.get("options", [])]


def number(cell):
    m = re.fullmatch(r"([+-]?)(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[.,](\d+))?", cell)
    if not m:
        raise ValueError(cell)
    digits = re.sub(r"[ \u00a0\u202f]", "", m.group(2))
    return float(m.group(1) + digits + ("." + m.group(3) if m.group(3) else ""))


def in_bounds(f, x):
    """x, or ValueError when the field's optional min/max (inclusive) exclude it."""
    if ("min" in f and x < float(f["min"])) or ("max" in f and x > float(f["max"])):
        raise ValueError("%s: %r out of range" % (f["id"], x))
    return x


def parse_cell(f, raw):
    """The answer: None, UNKNOWN, NA, an option index, a set, a float or text."""
    if raw.strip(BLANKS) == "":
        return EMPTY
    if f["type"] == "text":
        return raw
    c = fold(raw)
    opts = options_of(f)
    if f["type"] != "number":
        for i, (v, l, _) in enumerate(opts):
            if c == v.lower() or (l is not None and c == l.strip(BLANKS).lower()):
                return {i} if f["type"] == "multi" else i
    if c in NSP_TOKENS:
        return UNKNOWN
    if c in NA_TOKENS:
        return NA
    if f["type"] == "yesno":
        return 0 if c in YES else 1
    if f["type"] == "multi":
        if "|" not in c and ("," in c or ";" in c):
            return joined(opts, c)
        sel = set()
        for item in c.split("|"):
            item = item.strip(BLANKS)
            sel.add(next(i for i, (v, l, _) in enumerate(opts)
                         if item in (v.lower(), (l or "").strip(BLANKS).lower())))
        return sel
    if f["type"] == "scale":
        return int(number(c)) - int(f["min"])
    if f.get("unit") == "%" and c.endswith("%"):
        c = c[:-1].strip(BLANKS)
    return in_bounds(f, number(c))


def joined(opts, c):
    """Items joined by ',' or ';' (forms tools): at each place the longest
    value or label that a separator or the end follows."""
    names = sorted(((n.strip(BLANKS).lower(), i) for i, (v, l, _) in enumerate(opts)
                    for n in (v, l) if n), key=lambda t: -len(t[0]))
    sel, rest = set(), c.strip(" ")
    while rest:
        for n, i in names:
            after = rest[len(n):]
            if rest.startswith(n) and re.match(r" *([,;]|$)", after):
                sel.add(i)
                rest = re.sub(r"^ *[,;]? *", "", after)
                break
        else:
            raise ValueError("no option at %r" % rest)
    return sel


def piecewise(points, x):
    pts = [(float(a), float(b)) for a, b in points]
    if x <= pts[0][0]:
        return pts[0][1]
    if x >= pts[-1][0]:
        return pts[-1][1]
    for (x0, s0), (x1, s1) in zip(pts, pts[1:]):
        if x < x1:
            return s0 + (x - x0) * (s1 - s0) / (x1 - x0)
    return pts[-1][1]


def qscore(f, a):
    if a is EMPTY or a == UNKNOWN:
        return 0.0
    opts = options_of(f)
    if f["type"] == "multi":
        return min(1.0, sum(opts[i][2] for i in a))
    if f["type"] == "number":
        return piecewise(f["scoring"], a)
    return opts[a][2]


# Conditions: tokens, then a parser producing closures over an environment.
TOKEN = re.compile(r"\s*(?:(==|!=|<=|>=|<|>|\(|\)|\[|\]|,)|\"((?:[^\"]|\"\")*)\"|'((?:[^']|'')*)'|([^\s()\[\],=!<>\"']+))")


def tokenize(src):
    out, pos = [], 0
    while src[pos:].strip():
        m = TOKEN.match(src, pos)
        op, dq, sq, word = m.groups()
        if op:
            out.append(("op", op))
        elif dq is not None or sq is not None:
            out.append(("str", (dq if dq is not None else sq).replace('""', '"').replace("''", "'")))
        else:
            out.append(("word", word))
        pos = m.end()
    return out


def tri_and(a, b):
    if a is False or b is False:
        return False
    return True if a is True and b is True else None


def tri_or(a, b):
    if a is True or b is True:
        return True
    return False if a is False and b is False else None


class Cond:
    def __init__(self, src, fields):
        self.t, self.i, self.fields = tokenize(src), 0, fields
        self.fn = self.expr()

    def peek(self, kind=None, val=None):
        if self.i >= len(self.t):
            return False
        k, v = self.t[self.i]
        return (kind is None or k == kind) and (val is None or v == val)

    def take(self):
        self.i += 1
        return self.t[self.i - 1]

    def expr(self):
        left = self.conj()
        while self.peek("word", "or"):
            self.take()
            l, r = left, self.conj()
            left = lambda e, l=l, r=r: tri_or(l(e), r(e))
        return left

    def conj(self):
        left = self.neg()
        while self.peek("word", "and"):
            self.take()
            l, r = left, self.neg()
            left = lambda e, l=l, r=r: tri_and(l(e), r(e))
        return left

    def neg(self):
        if self.peek("word", "not"):
            self.take()
            inner = self.neg()
            return lambda e: None if inner(e) is None else not inner(e)
        return self.atom()

    def value(self, f, tok):
        """A right-hand operand as a function of the environment."""
        kind, v = tok
        if f["type"] in ("single", "yesno", "multi"):
            idx = [o[0] for o in options_of(f)].index(v)
            return lambda e: idx
        if kind == "word" and v in self.fields:
            return lambda e: e(v)
        return (lambda e: float(v)) if f["type"] in ("number", "scale") else (lambda e: v)

    def atom(self):
        if self.peek("op", "("):
            self.take()
            inner = self.expr()
            self.take()
            return inner
        name = self.take()[1]
        f = self.fields[name]
        get = lambda e: e(name)
        if self.peek("op") and self.t[self.i][1] in ("==", "!=", "<", "<=", ">", ">="):
            op = self.take()[1]
            rhs = self.value(f, self.take())
            num = f["type"] in ("number", "scale")
            fns = {"==": lambda a, b: a == b, "!=": lambda a, b: a != b,
                   "<": lambda a, b: a < b, "<=": lambda a, b: a <= b,
                   ">": lambda a, b: a > b, ">=": lambda a, b: a >= b}

            def cmp(e):
                a, b = get(e), rhs(e)
                if a is None or b is None:
                    return None
                if num:
                    a = a + int(f["min"]) if f["type"] == "scale" else a
                return fns[op](a, b)
            return cmp
        if self.peek("word", "has"):
            self.take()
            rhs = self.value(f, self.take())
            return lambda e: None if get(e) is None else rhs(e) in get(e)
        negate = False
        if self.peek("word", "not"):
            self.take()
            negate = True
        if self.peek("word", "in"):
            self.take()
            self.take()  # [
            items = []
            while not self.peek("op", "]"):
                items.append(self.value(f, self.take()))
                if self.peek("op", ","):
                    self.take()
            self.take()
            num = f["type"] == "scale"

            def member(e):
                a = get(e)
                if a is None:
                    return None
                a = a + int(f["min"]) if num else a
                return (a in [it(e) for it in items]) != negate
            return member
        return lambda e: None if get(e) is None else get(e) == 0  # yes/no alone


def score(q, rows):
    fields = {}
    for p in q.get("profile", []):
        fields[p["id"]] = dict(p, _profile=True)
    for s in q["sections"]:
        for f in s["questions"]:
            fields[f["id"]] = dict(f, _section=s["id"])
    conds = {k: Cond(f["when"], fields) for k, f in fields.items() if "when" in f}
    pillars = [(p["id"], float(p.get("weight", "1"))) for p in q["pillars"]]
    levels = [(float(l["min"]), l["label"]) for l in q["levels"]]
    obligations = [(o["id"], Cond(o["applies"], fields), Cond(o["met"], fields), o.get("sheet"))
                   for o in q.get("obligations", [])]
    sheets = [s["id"] for s in q.get("sheets", [])]
    out = []
    for row_number, row in enumerate(rows, 1):
        rid = row.get("id") or str(row_number)   # before num is reused below
        try:
            ans = {k: parse_cell(f, row.get(k, "")) for k, f in fields.items()}
        except ValueError:
            continue
        app = {}

        def applies(k, stack=()):
            if k not in app:
                app[k] = k not in conds or conds[k].fn(lambda n: read(n)) is True
            return app[k]

        def read(n):
            a = ans[n]
            if not applies(n) or a is EMPTY or a in (UNKNOWN, NA):
                return None
            return a

        scored = [k for k, f in fields.items() if not f.get("_profile") and f["type"] != "text"]
        counts = {k: applies(k) and ans[k] != NA for k in scored}
        s = {k: qscore(fields[k], ans[k]) for k in scored if counts[k]}

        def overall_with(lift):
            res = {}
            for pid, _ in pillars:
                num = den = 0.0
                for k in s:
                    f = fields[k]
                    fac = float(f.get("pillars", {}).get(pid, "0"))
                    if fac > 0:
                        w = float(f.get("weight", "1"))
                        num += w * fac * (1.0 if k in lift else s[k])
                        den += w * fac
                res[pid] = 100 * num / den if den > 0 else None
            have = [(w, res[p]) for p, w in pillars if res[p] is not None]
            tot = sum(w for w, _ in have)
            return res, (sum(w * v for w, v in have) / tot if have and tot > 0 else None)

        pil, overall = overall_with(set())
        secs = {}
        for sec in q["sections"]:
            ks = [f["id"] for f in sec["questions"] if f["id"] in s]
            den = sum(float(fields[k].get("weight", "1")) for k in ks)
            num = sum(float(fields[k].get("weight", "1")) * s[k] for k in ks)
            secs[sec["id"]] = 100 * num / den if den > 0 else None
        obl = {}
        for oid, a_c, m_c, _ in obligations:
            a = a_c.fn(read)
            if a is False:
                obl[oid] = "not_applicable"
            elif a is None:
                obl[oid] = "unknown"
            else:
                m = m_c.fn(read)
                obl[oid] = {True: "compliant", False: "non_compliant", None: "unknown"}[m]
        gains = {}
        for sh in sheets:
            lift = {k for k in s if sh in fields[k].get("sheets", [])}
            _, o2 = overall_with(lift)
            gains[sh] = max(0.0, o2 - overall) if overall is not None else 0.0
        recs = []
        for oid, _, _, sh in obligations:
            if obl[oid] == "non_compliant" and sh and sh not in [r[0] for r in recs]:
                recs.append((sh, "obligation", gains[sh]))
        rest = [sh for sh in sheets if gains[sh] > 1e-9 and sh not in [r[0] for r in recs]]
        rest.sort(key=lambda sh: -round(gains[sh], 7))
        recs += [(sh, "gain", gains[sh]) for sh in rest]
        cov = {"applicable": 0, "answered": 0, "unknown": 0, "unanswered": 0, "not_applicable": 0}
        for k in scored:
            if not counts[k]:
                cov["not_applicable"] += 1
                continue
            cov["applicable"] += 1
            a = ans[k]
            cov["unanswered" if a is EMPTY else "unknown" if a == UNKNOWN else "answered"] += 1

        def level(x):
            if x is None:
                return None
            r = float("%.2f" % x)
            return [l for m, l in levels if m <= r][-1]
        out.append({
            "id": rid,
            "overall": {"score": overall, "level": level(overall)},
            "pillars": [{"id": p, "score": pil[p], "level": level(pil[p])} for p, _ in pillars],
            "sections": [{"id": k, "score": v, "level": level(v)} for k, v in secs.items()],
            "coverage": cov,
            "obligations": [{"id": k, "status": v} for k, v in obl.items()],
            "recommendations": [{"sheet": a, "priority": b, "gain": c} for a, b, c in recs],
        })
    return out


def stats(values):
    """n, mean, median, q1, q3, min, max with the statistics module (type 7)."""
    v = sorted(x for x in values if x is not None)
    if not v:
        return {"n": 0, "mean": None, "median": None, "q1": None, "q3": None,
                "min": None, "max": None}
    q = statistics.quantiles(v, n=4, method="inclusive") if len(v) > 1 else [v[0]] * 3
    return {"n": len(v), "mean": statistics.fmean(v), "median": statistics.median(v),
            "q1": q[0], "q3": q[2], "min": v[0], "max": v[-1]}


def block(q, rs):
    level_names = [l["label"] for l in q["levels"]]
    levels = {n: 0 for n in level_names}
    for r in rs:
        if r["overall"]["level"] is not None:
            levels[r["overall"]["level"]] += 1
    return {"overall": stats(r["overall"]["score"] for r in rs),
            "pillars": {p["id"]: stats(x["score"] for r in rs for x in r["pillars"]
                                      if x["id"] == p["id"]) for p in q["pillars"]},
            "sections": {s["id"]: stats(x["score"] for r in rs for x in r["sections"]
                                       if x["id"] == s["id"]) for s in q["sections"]},
            "levels": levels}


def group_key(f, bands, texts, cell):
    """The key of the group a raw cell puts its respondent in (SPEC §6)."""
    a = parse_cell(f, cell)
    if a is EMPTY or a in (UNKNOWN, NA) or f.get("when"):
        return None
    if bands:
        k = sum(1 for b in bands if b <= a)
        return "<" + texts[0] if k == 0 else ">=" + texts[-1] if k == len(bands) \
            else texts[k - 1] + "-" + texts[k]
    if f["type"] in ("single", "yesno", "scale"):
        return options_of(f)[a][0]
    return str(a)


def by_field(q, by):
    """The field, band limits and their texts of a --by specification."""
    field, _, limits = by.partition(":")
    profile = {p["id"]: p for p in q.get("profile", [])}
    f = profile.get(field) or next(x for s in q["sections"] for x in s["questions"]
                                   if x["id"] == field)
    bands = [float(x) for x in limits.split(",")] if limits else None
    texts = limits.split(",") if limits else None
    return field, f, bands, texts


def aggregate(q, rows, results, by, min_group, publish=False):
    """The aggregate of SPEC §6, from the results and the raw rows.

    publish: the file is made for publication (esgdiag's --no-respondents),
    where the complementary rule applies too; otherwise the size rule alone.
    """
    out = {"by": None, "groups": [], "all": dict(n=len(results), **block(q, results))}
    if by is None:
        return out
    field, f, bands, texts = by_field(q, by)
    out["by"] = field
    keys, members = [], {}
    for row, res in zip(rows, results):
        key = group_key(f, bands, texts, row.get(field, ""))
        if key not in members:
            keys.append(key)
            members[key] = []
        members[key].append(res)
    if bands:
        order = ["<" + texts[0]] + [texts[i - 1] + "-" + texts[i] for i in range(1, len(texts))] \
            + [">=" + texts[-1]]
    elif f["type"] in ("single", "yesno", "scale"):
        order = [o[0] for o in options_of(f)]
    else:
        order = [k for k in keys if k is not None]
    listed = [key for key in order + [None] if key in members]
    why = withheld([len(members[key]) for key in listed], min_group, publish)
    for key, reason in zip(listed, why):
        g = {"key": key, "n": len(members[key]), "suppressed": reason}
        if reason is None:
            g.update(block(q, members[key]))
        else:
            g.update({"overall": None, "pillars": None, "sections": None, "levels": None})
        out["groups"].append(g)
    return out


def withheld(sizes, min_group, publish):
    """Why each group is withheld (None: published), docs/observatory.md.

    "size": fewer than min_group.  "complement", only when publish: while
    all minus the published groups is some respondents but fewer than
    min_group, the smallest published group (the last listed among equals)
    is withheld too.
    """
    why = ["size" if n < min_group else None for n in sizes]
    while publish:
        hidden = sum(n for n, w in zip(sizes, why) if w)
        shown = [i for i, w in enumerate(why) if w is None]
        if hidden == 0 or hidden >= min_group or not shown:
            return why
        smallest = min(sizes[i] for i in shown)
        why[[i for i in shown if sizes[i] == smallest][-1]] = "complement"
    return why


def read_rows(path):
    text = open(path, encoding="utf-8-sig").read()
    first = text.split("\n", 1)[0]
    delim = max([";", "\t", ","], key=lambda d: (first.count(d), -[";", "\t", ","].index(d)))
    return [dict((k.strip(), v) for k, v in r.items())
            for r in csv.DictReader(io.StringIO(text), delimiter=delim)
            if any(v.strip() for v in r.values() if v)]


def cents(x):
    """A score as published: printf("%.2f"), in hundredths."""
    return round(float("%.2f" % x) * 100)


def position(score, st):
    """Where a score falls among published quartiles (docs/observatory.md)."""
    if score is None or st is None or st["n"] == 0:
        return None
    x, q1, med, q3 = cents(score), cents(st["q1"]), cents(st["median"]), cents(st["q3"])
    if x < q1:
        return "below_q1"
    if x < med:
        return "q1_median"
    if x == med:
        return "median"
    return "median_q3" if x <= q3 else "above_q3"


def peers(q, rows, results, args):
    """Each respondent's position in the aggregate of another survey."""
    survey, by, min_group = args[0], (args[1] if args[1] != "-" else None), int(args[2])
    srows = read_rows(survey)
    # The observatory was published (--no-respondents): both rules.
    agg = aggregate(q, srows, score(q, srows), by, min_group, True)
    out = []
    for row, res in zip(rows, results):
        own, used, fallback, key = None, agg["all"], None, None
        if by is not None:
            field, f, bands, texts = by_field(q, by)
            key = group_key(f, bands, texts, row.get(field, ""))
            own = next((g for g in agg["groups"] if g["key"] == key), None)
            if own is None:
                fallback = "missing"
            elif own["overall"] is None:   # withheld, for its size or another's
                fallback = "suppressed"
            else:
                used = own
        cols = {"overall": (res["overall"]["score"], used["overall"])}
        for kind in ("pillars", "sections"):
            for x in res[kind]:
                cols[x["id"] + "@" + kind] = (x["score"], used[kind][x["id"]])
        out.append({"group": key, "compared_with": "all" if used is agg["all"] else "group",
                    "fallback": fallback, "n": used["n"],
                    "columns": {k: dict(n=st["n"], q1=st["q1"], median=st["median"],
                                        q3=st["q3"], position=position(x, st))
                                for k, (x, st) in cols.items()}})
    return out


def main():
    q = yaml.load(open(sys.argv[1], encoding="utf-8"), Loader=yaml.BaseLoader)
    if len(sys.argv) > 3 and sys.argv[3] == "--export":   # a survey tool's export
        from ref_exports import read_export
        rows = read_export(sys.argv[2], q, options_of)
        json.dump(score(q, rows), sys.stdout, indent=1, ensure_ascii=False)
        print()
        return
    rows = read_rows(sys.argv[2])
    results = score(q, rows)
    if len(sys.argv) > 3 and sys.argv[3] == "--peers":   # SURVEY BY MIN_GROUP
        json.dump({"respondents": results, "peers": peers(q, rows, results, sys.argv[4:])},
                  sys.stdout, indent=1, ensure_ascii=False)
    elif len(sys.argv) > 3:   # --aggregate [BY] [MIN_GROUP] [--no-respondents]
        by = sys.argv[4] if len(sys.argv) > 4 and sys.argv[4] != "-" else None
        mg = int(sys.argv[5]) if len(sys.argv) > 5 else 5
        publish = sys.argv[6:7] == ["--no-respondents"]
        json.dump({"respondents": [] if publish else results,
                   "aggregate": aggregate(q, rows, results, by, mg, publish)},
                  sys.stdout, indent=1, ensure_ascii=False)
    else:
        json.dump(results, sys.stdout, indent=1, ensure_ascii=False)
    print()


if __name__ == "__main__":
    main()
