#!/usr/bin/python3
"""Checks that a benchmark scorer gives esgdiag's scores.

Both files are CSV with an id column; every column of OTHER that ESGDIAG
also has (overall, pillars, sections, coverage counts) must hold the same
value for the same id: equal text, or numbers within 0.01 (one unit of the
last printed decimal, for sums taken in another order that land on the
other side of a rounding tie).  Prints one line; exit 1 on a difference.

usage: same_scores.py NAME ESGDIAG.csv OTHER.csv
"""
import csv
import sys


def rows(path):
    with open(path, newline="", encoding="utf-8") as fp:
        return {r["id"]: r for r in csv.DictReader(fp)}


def same(a, b):
    if a == b:
        return True
    try:
        return abs(float(a) - float(b)) <= 0.0100001
    except ValueError:
        return False


name, mine, other = sys.argv[1], rows(sys.argv[2]), rows(sys.argv[3])
cols = [c for c in next(iter(other.values())) if c != "id" and c in next(iter(mine.values()))]
bad = [(i, c, mine[i][c], r[c]) for i, r in other.items() for c in cols
       if i not in mine or not same(mine[i][c], r[c])]
missing = len(set(mine) ^ set(other))
if bad or missing:
    print("%s: %d differences, %d ids in one file only; first: %s" % (name, len(bad), missing, bad[:3]))
    sys.exit(1)
print("%s: same scores as esgdiag on %d respondents (%d columns each)" % (name, len(other), len(cols)))
