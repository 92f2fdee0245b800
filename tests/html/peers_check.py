#!/usr/bin/env python3
"""Checks the box plots of score --peers -f html against the JSON result.

For every respondent, the chart's red diamonds (in row order: overall,
pillars, sections) must sit at x = 250 + 4 * score, and the boxes at
x = 250 + 4 * q1 with width 4 * (q3 - q1) + 0.5, the numbers being those
the JSON result of the same run publishes; a row without a statistic has
no box.

usage: peers_check.py PAGE.html RESULT.json
"""
import json
import re
import sys


def main():
    page = open(sys.argv[1], encoding="utf-8").read()
    res = json.load(open(sys.argv[2], encoding="utf-8"))
    errs = []
    for n, r in enumerate(res["respondents"]):
        start = page.index('<h3 id="peers%d">' % n)
        svg = page[start:page.index("</svg>", start)]
        marks = [float(m) for m in re.findall(r'<polygon points="([0-9.]+),', svg)]
        boxes = [(float(x), float(w)) for x, w in
                 re.findall(r'<rect x="([0-9.]+)" y="[0-9.]+" width="([0-9.]+)"', svg)]
        p = r["peers"]
        cols = [(r["overall"]["score"], p["overall"])]
        cols += [(x["score"], p["pillars"][x["id"]]) for x in r["pillars"]]
        cols += [(x["score"], p["sections"][x["id"]]) for x in r["sections"]]
        want_m = [250 + 4 * s for s, _ in cols if s is not None]
        want_b = [(250 + 4 * st["q1"], 4 * (st["q3"] - st["q1"]) + 0.5)
                  for _, st in cols if st and st["n"] > 0]
        if len(marks) != len(want_m) or any(abs(a - b) > 0.06 for a, b in zip(marks, want_m)):
            errs.append("%s: markers at %s, expected %s" % (r["id"], marks, want_m))
        if len(boxes) != len(want_b) or any(abs(a[0] - b[0]) > 0.06 or abs(a[1] - b[1]) > 0.06
                                            for a, b in zip(boxes, want_b)):
            errs.append("%s: boxes %s, expected %s" % (r["id"], boxes, want_b))
    for e in errs:
        print("  " + e)
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main())
