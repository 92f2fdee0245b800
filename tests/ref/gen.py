#!/usr/bin/env python3
"""Generates random valid answers for a questionnaire (answers CSV, SPEC §4).

Cells use every accepted spelling: values, labels in odd case, nsp tokens,
na where allowed, blanks, French numbers (decimal comma, grouped
thousands), yes/no synonyms.  Deterministic for a given seed.  Used by the
differential test against the reference scorer and by the benchmark.

Numbers stay within their field's `min`/`max`, except that a share BAD of
them (default 0) is pushed just outside, to test that such rows are invalid.

usage: gen.py QUESTIONNAIRE.yaml N [SEED [BAD]] > answers.csv
"""
import csv
import random
import sys

import yaml

BAD = 0.0   # share of numbers pushed outside their bounds


def spell(rng, s):
    return rng.choice([s, s.upper(), s.lower(), " %s " % s])


def number_text(rng, x):
    if rng.random() < 0.5 or abs(x) < 1000:
        t = ("%.2f" % x).rstrip("0").rstrip(".")
        return t.replace(".", ",") if rng.random() < 0.5 else t
    n = "{:,}".format(int(x)).replace(",", rng.choice([" ", "\u00a0", "\u202f"]))
    return n


def cell(rng, f, profile):
    r = rng.random()
    if r < 0.08:
        return ""
    if r < 0.12:
        return rng.choice(["nsp", "NSP", "ne sait pas", "?"])
    if r < 0.16 and f.get("allow_na") == "true":
        return rng.choice(["na", "N/A", "sans objet"])
    t = f["type"]
    if t == "yesno":
        return rng.choice(["oui", "non", "Oui", "NON", "o", "n", "yes", "no", "1", "0", "true"])
    if t == "single":
        o = rng.choice(f["options"])
        return spell(rng, o["value"] if rng.random() < 0.6 else o["label"])
    if t == "multi":
        opts = f["options"]
        excl = [o for o in opts if o.get("exclusive") == "true"]
        if excl and rng.random() < 0.15:
            return excl[0]["value"]
        pool = [o for o in opts if o.get("exclusive") != "true"]
        k = rng.randint(1, len(pool))
        return "|".join(o["value"] if rng.random() < 0.7 else o["label"]
                        for o in rng.sample(pool, k))
    if t == "scale":
        return str(rng.randint(int(f["min"]), int(f["max"])))
    if t == "number":
        return number_text(rng, bounded(rng, f, number_value(rng, f)))
    return rng.choice(["", "Délibération n° 12", "voir rapport ; page 3", "texte \"cité\""])


def bounded(rng, f, x):
    lo = float(f["min"]) if "min" in f else None
    hi = float(f["max"]) if "max" in f else None
    if (lo is not None or hi is not None) and BAD > 0 and rng.random() < BAD:
        return lo - 1 if lo is not None and (hi is None or rng.random() < 0.5) else hi + 1
    if lo is not None and x < lo:
        x = lo
    if hi is not None and x > hi:
        x = hi
    return x


def number_value(rng, f):
    if "scoring" in f:
        lo = float(f["scoring"][0][0])
        hi = float(f["scoring"][-1][0])
        return rng.uniform(lo - (hi - lo) * 0.2, hi * 1.3)
    return rng.choice([800, 3200, 4800, 25000, 62480, 250000, 1.5, 12, 60, 300])


def main():
    q = yaml.load(open(sys.argv[1], encoding="utf-8"), Loader=yaml.BaseLoader)
    n = int(sys.argv[2])
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    global BAD
    BAD = float(sys.argv[4]) if len(sys.argv) > 4 else 0.0
    fields = [(f, True) for f in q.get("profile", [])]
    fields += [(f, False) for s in q["sections"] for f in s["questions"]]
    w = csv.writer(sys.stdout, delimiter=";", lineterminator="\n")
    w.writerow(["id"] + [f["id"] for f, _ in fields])
    for i in range(n):
        w.writerow(["r%d" % (i + 1)] + [cell(rng, f, p) for f, p in fields])


if __name__ == "__main__":
    main()
