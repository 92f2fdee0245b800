#!/usr/bin/env python3
"""A questionnaire of N scored questions, for the benchmark of cost
against questions: the profile of the built-in questionnaire (type,
population), sections of ten questions cycling through single (four
options), yesno, scale 0-4, number (piecewise scoring) and multi (four
options), spread over three pillars; one question in five has a `when`
on the profile.  Deterministic.

usage: gen_questionnaire.py N > q.yaml
"""
import sys

n = int(sys.argv[1])
out = ["schema: 1", "id: bench-%d" % n, "version: '1'", "title: Bench %d" % n,
       "pillars: [{id: E, label: E}, {id: S, label: S}, {id: G, label: G}]",
       "levels: [{min: 0, label: Bas}, {min: 50, label: Moyen}, {min: 80, label: Haut}]",
       "profile:",
       "  - {id: type, text: Type, type: single, options: [{value: commune, label: Commune},"
       " {value: epci, label: EPCI}, {value: departement, label: Département}]}",
       "  - {id: population, text: Population, type: number}",
       "sections:"]
opts = "[{value: a, label: Aucun, score: 0}, {value: b, label: Partiel, score: 0.4}, " \
       "{value: c, label: Large, score: 0.7}, {value: d, label: Complet, score: 1}]"
for i in range(n):
    if i % 10 == 0:
        out += ["- id: s%d" % (i // 10), "  title: Section %d" % (i // 10), "  questions:"]
    kind = i % 5
    pil = ["{E: 1}", "{S: 1}", "{G: 1}", "{E: 0.5, S: 0.5}", "{G: 1, E: 0.5}"][i % 5]
    q = "  - {id: q%d, text: Question %d, weight: %d, pillars: %s" % (i, i, 1 + i % 3, pil)
    if kind == 0:
        q += ", type: single, options: %s" % opts
    elif kind == 1:
        q += ", type: yesno"
    elif kind == 2:
        q += ", type: scale, min: 0, max: 4"
    elif kind == 3:
        q += ", type: number, allow_na: true, scoring: [[0, 0], [10, 0.5], [20, 1]]"
    else:
        q += ", type: multi, options: %s" % opts
    if i % 5 == 4:
        q += ", when: type != commune or population >= 3500"
    out.append(q + "}")
print("\n".join(out))
