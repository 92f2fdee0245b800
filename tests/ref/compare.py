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


def compare_stats(a, b, what, errs):
    if a is None or b is None:
        if a is not b:
            errs.append("%s: %r vs %r" % (what, a, b))
        return
    if a["n"] != b["n"]:
        errs.append("%s n: %r vs %r" % (what, a["n"], b["n"]))
    for k in ("mean", "median", "q1", "q3", "min", "max"):
        close(a[k], b[k], "%s %s" % (what, k), errs)


def compare_block(a, b, what, errs):
    if a is None or b is None:
        if a is not b:
            errs.append("%s: %r vs %r" % (what, a, b))
        return
    compare_stats(a["overall"], b["overall"], what + " overall", errs)
    for kind in ("pillars", "sections"):
        if (a[kind] is None) != (b[kind] is None):
            errs.append("%s %s: %r vs %r" % (what, kind, a[kind], b[kind]))
            continue
        for k in (a[kind] or {}):
            compare_stats(a[kind][k], b[kind][k], "%s %s" % (what, k), errs)
    if a["levels"] != b["levels"]:
        errs.append("%s levels %s vs %s" % (what, a["levels"], b["levels"]))


def compare_aggregate(a, b, errs):
    if a["by"] != b["by"]:
        errs.append("by %r vs %r" % (a["by"], b["by"]))
    if [(g["key"], g["n"]) for g in a["groups"]] != [(g["key"], g["n"]) for g in b["groups"]]:
        errs.append("groups %s vs %s" % ([(g["key"], g["n"]) for g in a["groups"]],
                                         [(g["key"], g["n"]) for g in b["groups"]]))
    for ga, gb in zip(a["groups"], b["groups"]):
        if ga["suppressed"] != gb["suppressed"]:
            errs.append("group %s suppressed %r vs %r" % (ga["key"], ga["suppressed"],
                                                          gb["suppressed"]))
        compare_block(ga, gb, "group %s" % ga["key"], errs)
    if a["all"]["n"] != b["all"]["n"]:
        errs.append("all n %s vs %s" % (a["all"]["n"], b["all"]["n"]))
    compare_block(a["all"], b["all"], "all", errs)


def compare_peers(mine, ref, errs):
    """Each respondent's "peers" (score --peers) against the reference's."""
    for m, r in zip(mine, ref):
        a, what = m["peers"], m["id"] + " peers"
        for k in ("group", "compared_with", "fallback", "n"):
            if a[k] != r[k]:
                errs.append("%s %s: %r vs %r" % (what, k, a[k], r[k]))
        cols = {"overall": a["overall"]}
        for kind in ("pillars", "sections"):
            cols.update({k + "@" + kind: v for k, v in a[kind].items()})
        if set(cols) != set(r["columns"]):
            errs.append("%s columns %s vs %s" % (what, sorted(cols), sorted(r["columns"])))
            continue
        for k, v in cols.items():
            b = r["columns"][k]
            if v["n"] != b["n"] or v["position"] != b["position"]:
                errs.append("%s %s: n %r position %r vs n %r position %r" % (
                    what, k, v["n"], v["position"], b["n"], b["position"]))
            for s in ("q1", "median", "q3"):
                close(v[s], b[s], "%s %s %s" % (what, k, s), errs)


def main():
    whole = json.load(open(sys.argv[1]))
    mine = whole["respondents"]
    ref = json.load(open(sys.argv[2]))
    errs = []
    if isinstance(ref, dict) and "peers" in ref:
        compare_peers(mine, ref["peers"], errs)
        ref = ref["respondents"]
    elif isinstance(ref, dict):
        compare_aggregate(whole["aggregate"], ref["aggregate"], errs)
        ref = ref["respondents"]
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
