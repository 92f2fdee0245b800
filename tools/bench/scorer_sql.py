#!/usr/bin/python3
"""The benchmark's SQL scorer: SPEC 5's formulas as one DuckDB query.

Writes to stdout the SQL that reads ANSWERS.csv with DuckDB's read_csv
(every column as text) and writes OUT.csv: id, overall, pillars, sections
(2 decimals, empty when null) and the coverage counts.  Each field's cell
becomes an option index or number through CASE expressions built from the
questionnaire; the `when` conditions become SQL, whose NULL logic is SPEC
3's three-valued logic.  Obligations and the sheets' gains are left out, as
in scorer_pandas.py.  tools/bench/duckdb_run.js runs the SQL.

usage: scorer_sql.py QUESTIONNAIRE.yaml ANSWERS.csv OUT.csv [NROWS] > score.sql
"""
import os
import sys

import yaml

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tests", "ref"))
from esgref import BLANKS, NA_TOKENS, NO, NSP_TOKENS, YES, options_of, tokenize  # noqa: E402
from scorer_pandas import NUMBER, delimiter  # noqa: E402


def lit(s):
    return "'" + s.replace("'", "''") + "'"


def ident(s):
    return '"' + s.replace('"', '""') + '"'


BL = "' \t\r\n' || chr(160) || chr(8239)"


def fold(expr):
    return "lower(trim(coalesce(%s, ''), %s))" % (expr, BL)


# RE2 has no \u escapes: the two spaces go into the SQL as characters.
SQL_NUMBER = NUMBER.replace("\\u00a0", "\u00a0").replace("\\u202f", "\u202f")


def number(x):
    return ("CASE WHEN regexp_full_match(%s, %s) THEN CAST(replace(regexp_replace(%s, "
            "'[ ' || chr(160) || chr(8239) || ']', '', 'g'), ',', '.') AS DOUBLE) END"
            % (x, lit(SQL_NUMBER), x))


def option_case(x, opts, what):
    """CASE mapping a folded text to the option's index or score."""
    whens = []
    for i, (v, label, score) in enumerate(opts):
        out = str(i) if what == "idx" else repr(float(score))
        whens.append("WHEN %s THEN %s" % (lit(v.lower()), out))
        if label is not None:
            whens.append("WHEN %s THEN %s" % (lit(label.strip(BLANKS).lower()), out))
    return "CASE %s %s END" % (x, " ".join(whens))


def value_and_score(k, f):
    x = "f_" + k
    t = f["type"]
    if t == "number":
        v = number(x)
        pts = [(float(a), float(b)) for a, b in f.get("scoring", [[0, 0]])]
        cases = ["WHEN v_%s <= %r THEN %r" % (k, pts[0][0], pts[0][1]),
                 "WHEN v_%s >= %r THEN %r" % (k, pts[-1][0], pts[-1][1])]
        for (x0, s0), (x1, s1) in zip(pts, pts[1:]):
            cases.append("WHEN v_%s < %r THEN %r + (v_%s - %r) * %r / %r"
                         % (k, x1, s0, k, x0, s1 - s0, x1 - x0))
        return v, "CASE %s ELSE %r END" % (" ".join(cases), pts[-1][1])
    if t == "text":
        return "NULL", "NULL"
    opts = options_of(f)
    idx, sc = option_case(x, opts, "idx"), option_case(x, opts, "score")
    if t == "multi":
        items = "list_transform(string_split(%s, '|'), lambda y: trim(y, %s))" % (x, BL)
        mask = "list_sum(list_transform(%s, lambda y: 2 ** (%s)))" % (
            items, option_case("y", opts, "idx"))
        total = "list_sum(list_transform(%s, lambda y: coalesce(%s, 0)))" % (
            items, option_case("y", opts, "score"))
        return ("coalesce(2 ** (%s), %s)" % (idx, mask),
                "coalesce(%s, least(1.0, %s))" % (sc, total))
    if t == "yesno":
        yes, no = ", ".join(map(lit, sorted(YES))), ", ".join(map(lit, sorted(NO)))
        idx = "coalesce(%s, CASE WHEN %s IN (%s) THEN 0 WHEN %s IN (%s) THEN 1 END)" % (
            idx, x, yes, x, no)
    elif t == "scale":
        idx = "coalesce(%s, %s - %d)" % (idx, number(x), int(f["min"]))
    scores = ", ".join(repr(float(o[2])) for o in opts)
    return idx, "[%s][CAST(v_%s AS INTEGER) + 1]" % (scores, k)


class Cond:
    """A condition as SQL over the r_<id> (read) columns."""

    def __init__(self, src, fields, read):
        self.t, self.i, self.fields, self.read = tokenize(src), 0, fields, read

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
            left = "(%s OR %s)" % (left, self.conj())
        return left

    def conj(self):
        left = self.neg()
        while self.peek("word", "and"):
            self.take()
            left = "(%s AND %s)" % (left, self.neg())
        return left

    def neg(self):
        if self.peek("word", "not"):
            self.take()
            return "(NOT %s)" % self.neg()
        return self.atom()

    def const(self, f, tok):
        kind, v = tok
        if f["type"] in ("single", "yesno", "multi"):
            return str([o[0] for o in options_of(f)].index(v))
        if kind == "word" and v in self.fields:
            return self.read(v)
        return repr(float(v))

    def atom(self):
        if self.peek("op", "("):
            self.take()
            inner = self.expr()
            self.take()
            return inner
        name = self.take()[1]
        f = self.fields[name]
        a = self.read(name)
        if f["type"] == "scale":
            a = "(%s + %d)" % (a, int(f["min"]))
        if self.peek("op") and self.t[self.i][1] in ("==", "!=", "<", "<=", ">", ">="):
            op = self.take()[1]
            return "(%s %s %s)" % (a, {"==": "=", "!=": "<>"}.get(op, op),
                                   self.const(f, self.take()))
        if self.peek("word", "has"):
            self.take()
            return "((CAST(%s AS BIGINT) >> %s) & 1 = 1)" % (a, self.const(f, self.take()))
        neg = "NOT " if self.peek("word", "not") else ""
        if neg:
            self.take()
        self.take()
        self.take()
        items = []
        while not self.peek("op", "]"):
            items.append(self.const(f, self.take()))
            if self.peek("op", ","):
                self.take()
        self.take()
        return "(%s %sIN (%s))" % (a, neg, ", ".join(items))


def main():
    qpath, apath, opath = sys.argv[1:4]
    limit = " LIMIT %d" % int(sys.argv[4]) if len(sys.argv) > 4 else ""
    with open(qpath, encoding="utf-8") as fp:
        q = yaml.load(fp, Loader=yaml.BaseLoader)
    defs = {p["id"]: dict(p, _profile=True) for p in q.get("profile", [])}
    for s in q["sections"]:
        for f in s["questions"]:
            defs[f["id"]] = dict(f)
    apps = {}

    def app(k):
        if k not in apps:
            apps[k] = "TRUE"
            if "when" in defs[k]:
                apps[k] = "coalesce(%s, FALSE)" % Cond(defs[k]["when"], defs, read).expr()
        return apps[k]

    def read(k):
        return "(CASE WHEN %s THEN v_%s END)" % (app(k), k)

    with open(apath, encoding="utf-8-sig") as fp:
        header = [c.strip() for c in fp.readline().rstrip("\r\n").split(delimiter(apath))]
    l1 = ["%s AS f_%s" % (fold(ident(k)), k) if k in header else "'' AS f_%s" % k for k in defs]
    l1.insert(0, (ident("id") if "id" in header else "CAST(row_number() OVER () AS VARCHAR)")
              + " AS id")
    l2, l3 = [], []
    for k, f in defs.items():
        v, s = value_and_score(k, f)
        x = "f_" + k
        l2 += ["%s = '' AS e_%s" % (x, k),
               "%s IN (%s) AS u_%s" % (x, ", ".join(map(lit, sorted(NSP_TOKENS))), k),
               "(%s IN (%s)) AS n_%s" % (x, ", ".join(map(lit, sorted(NA_TOKENS))), k)]
        l2.append("CASE WHEN NOT (%s = '' OR %s IN (%s) OR %s IN (%s)) THEN %s END AS v_%s" % (
            x, x, ", ".join(map(lit, sorted(NSP_TOKENS))), x,
            ", ".join(map(lit, sorted(NA_TOKENS))), v, k))
        l3.append("CASE WHEN v_%s IS NULL THEN 0.0 ELSE %s END AS s_%s" % (k, s, k))
    scored = [k for k, f in defs.items() if not f.get("_profile") and f["type"] != "text"]
    l4 = ["(%s AND NOT n_%s) AS c_%s" % (app(k), k, k) for k in scored]
    out = ["id"]
    pil = []
    for p in q["pillars"]:
        num, den = [], []
        for k in scored:
            fac = float(defs[k].get("pillars", {}).get(p["id"], "0"))
            if fac > 0:
                w = float(defs[k].get("weight", "1")) * fac
                num.append("CASE WHEN c_%s THEN %r * s_%s ELSE 0 END" % (k, w, k))
                den.append("CASE WHEN c_%s THEN %r ELSE 0 END" % (k, w))
        pil.append("CASE WHEN (%s) > 0 THEN 100 * (%s) / (%s) END AS p_%s" % (
            " + ".join(den) or "0", " + ".join(num) or "0", " + ".join(den) or "1", p["id"]))
    secs = []
    for s in q["sections"]:
        ks = [f["id"] for f in s["questions"] if f["id"] in scored]
        num = " + ".join("CASE WHEN c_%s THEN %r * s_%s ELSE 0 END" % (
            k, float(defs[k].get("weight", "1")), k) for k in ks) or "0"
        den = " + ".join("CASE WHEN c_%s THEN %r ELSE 0 END" % (
            k, float(defs[k].get("weight", "1"))) for k in ks) or "0"
        secs.append("CASE WHEN (%s) > 0 THEN 100 * (%s) / (%s) END AS section_%s" % (
            den, num, den, s["id"]))
    def count(flag):
        return " + ".join("CAST(c_%s%s AS INTEGER)" % (k, flag and " AND %s_%s" % (flag, k))
                          for k in scored)
    l5 = pil + secs + ["%s AS applicable" % count(""), "%s AS unknown" % count("u"),
                       "%s AS unanswered" % count("e")]
    wsum = " + ".join("CASE WHEN p_%s IS NULL THEN 0 ELSE %r END" % (
        p["id"], float(p.get("weight", "1"))) for p in q["pillars"])
    osum = " + ".join("coalesce(p_%s, 0) * %r" % (p["id"], float(p.get("weight", "1")))
                      for p in q["pillars"])
    two = lambda x: "coalesce(printf('%%.2f', %s), '')" % x
    out.append("%s AS overall" % two("CASE WHEN (%s) > 0 THEN (%s) / (%s) END" % (wsum, osum, wsum)))
    out += ["%s AS pillar_%s" % (two("p_" + p["id"]), p["id"]) for p in q["pillars"]]
    out += ["%s AS section_%s" % (two("section_" + s["id"]), s["id"]) for s in q["sections"]]
    out += ["applicable", "applicable - unknown - unanswered AS answered", "unknown",
            "unanswered", "%d - applicable AS not_applicable" % len(scored)]
    sql = ("COPY (SELECT %s FROM (SELECT *, %s FROM (SELECT *, %s FROM (SELECT *, %s FROM "
           "(SELECT *, %s FROM (SELECT %s FROM read_csv(%s, delim=%s, header=true, "
           "all_varchar=true, quote='\"', escape='\"')%s)))))) TO %s (HEADER, DELIMITER ',');\n"
           % (", ".join(out), ", ".join(l5), ", ".join(l4), ", ".join(l3), ", ".join(l2),
              ", ".join(l1), lit(apath), lit(delimiter(apath)), limit, lit(opath)))
    sys.stdout.write(sql)


if __name__ == "__main__":
    main()
