#!/usr/bin/env python3
"""Compares esgdiag's JSON result with the reference scorer's, value by value.

Scores must agree once rounded to two decimals (allowing one unit of the
last place where the two sums, done in different orders, straddle a
rounding boundary); levels, coverage, obligation statuses and the order of
recommended sheets must be equal.

usage: compare.py ESGDIAG_JSON REFERENCE_JSON
"""
import json
import sys


def close(a, b, what, errs):
    if (a is None) != (b is None):
        errs.append("%s: %r vs %r" % (what, a, b))
    elif a is not None and abs(a - b) > 0.0051:
        errs.append("%s: %.4f vs %.4f" % (what, a, b))


def main():
    mine = json.load(open(sys.argv[1]))["respondents"]
    ref = json.load(open(sys.argv[2]))
    errs = []
    if len(mine) != len(ref):
        errs.append("respondents: %d vs %d" % (len(mine), len(ref)))
    for m, r in zip(mine, ref):
        rid = m["id"]
        if rid != r["id"]:
            errs.append("id %s vs %s" % (rid, r["id"]))
        close(m["overall"]["score"], r["overall"]["score"], rid + " overall", errs)
        for kind in ("pillars", "sections"):
            for a, b in zip(m[kind], r[kind]):
                close(a["score"], b["score"], "%s %s" % (rid, a["id"]), errs)
                if a["level"] != b["level"] and abs(a["score"] - b["score"]) < 0.0051 and \
                        "%.2f" % b["score"] == "%.2f" % a["score"]:
                    errs.append("%s %s level %s vs %s" % (rid, a["id"], a["level"], b["level"]))
        if m["coverage"] != r["coverage"]:
            errs.append("%s coverage %s vs %s" % (rid, m["coverage"], r["coverage"]))
        if m["obligations"] != r["obligations"]:
            errs.append("%s obligations %s vs %s" % (rid, m["obligations"], r["obligations"]))
        ms = [x["sheet"] for x in m["recommendations"]]
        rs = [x["sheet"] for x in r["recommendations"]]
        if ms != rs:
            errs.append("%s sheets %s vs %s" % (rid, ms, rs))
        for a, b in zip(m["recommendations"], r["recommendations"]):
            close(a["gain"], b["gain"], "%s gain %s" % (rid, a["sheet"]), errs)
    for e in errs[:30]:
        print("  " + e)
    print("reference: %d respondents compared, %d differences" % (len(mine), len(errs)))
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main())
