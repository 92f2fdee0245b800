#!/usr/bin/env python3
"""Builds survey-tool exports of one set of answers, in the shape each tool
writes them, and the canonical answers file (SPEC §4) they were built from.

The answers are drawn at random (seeded) as meanings (an option, a set of
options, a number, nsp, na, empty), then written:

  canonical.csv            field ids, option values, '|' (what `ask` writes)
  limesurvey-codes.csv     LimeSurvey response export, "question code"
                           headings, answer codes: CSV with every field
                           quoted, metadata columns first (id, submitdate,
                           lastpage, startlanguage, seed), CODE[SQ] columns
                           holding Y or nothing for multiple choices
  limesurvey-full.csv      same headings, "full answers": answer texts,
                           Oui/Non in the multiple-choice columns (LimeSurvey
                           writes its translated Yes/No there)
  limesurvey-text.csv      "full question text" headings ("text [option]"
                           for a multiple choice's columns), full answers
  forms.csv                a forms tool (Google Forms, Framaforms): a
                           time-stamp and an e-mail column, question texts
                           as headings, labels, choices joined by ", ",
                           "Je ne sais pas", "Non concerné", "15 %"
  excel-fr.csv             a spreadsheet filled from `template --excel` and
                           saved by French Excel as "CSV (séparateur :
                           point-virgule)": Windows-1252, CRLF, ';', no BOM,
                           decimal comma, choices joined by ';'
  demarches.csv            a Démarches simplifiées export: dossier metadata
                           first, numbered question headings ("3. text"),
                           choices joined by ", " and yes/no as Oui/Non, as
                           its Champs::MultipleDropDownListChamp and
                           Champs::BooleanChamp#for_export write them

The LimeSurvey files are built from the survey `esgdiag template -f
limesurvey` wrote (read here from its tab-separated file), so they use the
codes that survey really has.  Everything else comes from the YAML alone;
nothing here imports or copies esgdiag's matching rules.

usage: make_fixtures.py QUESTIONNAIRE.yaml SURVEY.txt OUTDIR N SEED
"""
import csv
import os
import random
import sys

import yaml

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "ref"))
from esgref import options_of  # noqa: E402  (the reference's reading of options)

NSP, NA = "<nsp>", "<na>"


def fields_of(q):
    return list(q.get("profile", [])) + [f for s in q["sections"] for f in s["questions"]]


def options(f):
    """(value, label) of each option, yes/no and scale included."""
    return [(v, l if l is not None else v) for v, l, _ in options_of(f)]


def draw(rng, f):
    """One meaning.  Multiple choices and numbers get no nsp/na: LimeSurvey's
    M and N questions have no place for them."""
    t, r = f["type"], rng.random()
    if r < 0.08:
        return None
    if t == "text":
        return rng.choice(["Délibération n° 12 du 3 mars", "voir le rapport ; page 3",
                           "Plan « sobriété »"])
    if t == "number":
        lo = float(f["min"]) if "min" in f else 0.0
        hi = float(f["max"]) if "max" in f else 100000.0
        if "scoring" in f:
            hi = min(hi, float(f["scoring"][-1][0]) * 1.2) if "max" not in f else hi
        x = rng.uniform(lo, hi)
        return round(x, 1) if rng.random() < 0.5 else float(int(x))
    if t != "multi" and r < 0.14:
        return NSP
    if t != "multi" and r < 0.2 and f.get("allow_na") == "true":
        return NA
    opts = options(f)
    if t != "multi":
        return rng.randrange(len(opts))
    excl = [i for i, o in enumerate(f["options"]) if o.get("exclusive") == "true"]
    if excl and rng.random() < 0.2:
        return {excl[0]}
    pool = [i for i in range(len(opts)) if i not in excl]
    return set(rng.sample(pool, rng.randint(1, len(pool))))


def num(x, comma, percent=False):
    s = ("%d" % x) if x == int(x) else ("%.1f" % x)
    if comma:
        s = s.replace(".", ",")
    return s + (" %" if percent else "")


def plain_cell(f, a, label, join, comma, nsp, na, pct=False):
    """A cell for a tool that writes labels (or values) of the meaning a."""
    if a is None:
        return ""
    if a == NSP:
        return nsp
    if a == NA:
        return na
    t = f["type"]
    if t == "text":
        return a
    if t == "number":
        return num(a, comma, pct and f.get("unit") == "%")
    opts = options(f)
    pick = (lambda i: opts[i][1]) if label else (lambda i: opts[i][0])
    if t == "multi":
        return join.join(pick(i) for i in sorted(a))
    return pick(a)


def read_survey(path):
    """Question rows of the LimeSurvey survey, with their answers or
    subquestions, in file order: (code, type, [(code, text)])."""
    rows = list(csv.DictReader(open(path, encoding="utf-8"), delimiter="\t"))
    out = []
    for r in rows:
        if r["class"] == "Q":
            out.append((r["name"], r["type/scale"], []))
        elif r["class"] in ("A", "SQ"):
            out[-1][2].append((r["name"], r["text"]))
    return out


def write(path, header, rows, **kw):
    enc = kw.pop("encoding", "utf-8")
    with open(path, "w", newline="", encoding=enc) as fp:
        w = csv.writer(fp, **kw)
        w.writerow(header)
        w.writerows(rows)


def canonical(fields, answers, out):
    rows = []
    for n, ans in enumerate(answers, 1):
        row = [str(n)]
        for f, a in zip(fields, ans):
            row.append({NSP: "nsp", NA: "na"}.get(a) if a in (NSP, NA) else
                       plain_cell(f, a, False, "|", False, "nsp", "na"))
        rows.append(row)
    write(os.path.join(out, "canonical.csv"), ["id"] + [f["id"] for f in fields], rows,
          lineterminator="\n")


def ls_columns(fields, survey, heading):
    """Headings of a LimeSurvey export: CODE, or CODE[SQ] per option."""
    cols = []
    for f, (code, qtype, subs) in zip(fields, survey):
        if qtype == "M":
            for k, (sq, text) in enumerate(subs):
                cols.append(heading(f, code, sq, text))
        else:
            cols.append(heading(f, code, None, None))
    return cols


def ls_cells(f, a, code, qtype, subs, full):
    if qtype == "M":
        ticked = a if isinstance(a, set) else set()
        yes, no = ("Oui", "Non") if full else ("Y", "")
        return [yes if k in ticked else no for k in range(len(subs))]
    if a is None:
        return [""]
    if qtype == "N":
        return [num(a, False)]
    if qtype == "T":
        return [a]
    nopt = len(options(f))
    index = nopt if a == NSP else (nopt + 1 if a == NA else a)
    acode, text = subs[index]
    return [text if full else acode]


def limesurvey(fields, survey, answers, out, name, full, text_headings):
    meta = ["id", "submitdate", "lastpage", "startlanguage", "seed"]
    if text_headings:
        heading = (lambda f, code, sq, text: f["text"] + (" [%s]" % text if sq else ""))
        meta = ["ID de la réponse", "Date de soumission", "Dernière page",
                "Langue de départ", "Tête de série"]
    else:
        heading = (lambda f, code, sq, text: code + ("[%s]" % sq if sq else ""))
    rows = []
    for n, ans in enumerate(answers, 1):
        row = [str(n), "2025-03-%02d 10:%02d:00" % (n % 28 + 1, n % 60), "9", "fr",
               str(1000 + n)]
        for f, a, (code, qtype, subs) in zip(fields, ans, survey):
            row += ls_cells(f, a, code, qtype, subs, full)
        rows.append(row)
    write(os.path.join(out, name), meta + ls_columns(fields, survey, heading), rows,
          quoting=csv.QUOTE_ALL, lineterminator="\n")


def forms(fields, answers, out):
    rows = []
    for n, ans in enumerate(answers, 1):
        row = ["2025/03/%02d 10:%02d:00 UTC+1" % (n % 28 + 1, n % 60), "agent%d@mairie.fr" % n]
        row += [plain_cell(f, a, True, ", ", True, "Je ne sais pas", "Non concerné", True)
                for f, a in zip(fields, ans)]
        rows.append(row)
    write(os.path.join(out, "forms.csv"), ["Horodateur", "Adresse e-mail"] +
          [f["text"] for f in fields], rows, lineterminator="\n")


def cp1252_ok(s):
    try:
        s.encode("cp1252")
        return True
    except UnicodeEncodeError:
        return False


def excel(fields, answers, out):
    rows = []
    for n, ans in enumerate(answers, 1):
        row = [str(n)]
        for f, a in zip(fields, ans):
            c = plain_cell(f, a, True, ";", True, "NSP", "Sans objet")
            if not cp1252_ok(c):   # a label Windows-1252 cannot hold: its value
                c = plain_cell(f, a, False, ";", True, "NSP", "Sans objet")
            row.append(c)
        rows.append(row)
    write(os.path.join(out, "excel-fr.csv"), ["id"] + [f["id"] for f in fields], rows,
          delimiter=";", lineterminator="\r\n", encoding="cp1252")


def demarches(fields, answers, out):
    meta = ["ID", "Email", "Civilité", "Nom", "Prénom", "Archivé", "État du dossier",
            "Dernière mise à jour le", "Déposé le"]
    rows = []
    for n, ans in enumerate(answers, 1):
        row = [str(40000 + n), "agent%d@mairie.fr" % n, "Mme", "Martin", "Claire", "false",
               "en_construction", "2025-03-04 10:00:00", "2025-03-04 09:00:00"]
        row += [plain_cell(f, a, True, ", ", True, "Ne sait pas", "Sans objet")
                for f, a in zip(fields, ans)]
        rows.append(row)
    write(os.path.join(out, "demarches.csv"), meta +
          ["%d. %s" % (i, f["text"]) for i, f in enumerate(fields, 1)], rows,
          lineterminator="\n")


def main():
    q = yaml.load(open(sys.argv[1], encoding="utf-8"), Loader=yaml.BaseLoader)
    survey = read_survey(sys.argv[2])
    out, n, seed = sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
    fields = fields_of(q)
    if [s[0] for s in survey] and len(survey) != len(fields):
        sys.exit("the survey has %d questions, the questionnaire %d fields"
                 % (len(survey), len(fields)))
    rng = random.Random(seed)
    answers = [[draw(rng, f) for f in fields] for _ in range(n)]
    canonical(fields, answers, out)
    limesurvey(fields, survey, answers, out, "limesurvey-codes.csv", False, False)
    limesurvey(fields, survey, answers, out, "limesurvey-full.csv", True, False)
    limesurvey(fields, survey, answers, out, "limesurvey-text.csv", True, True)
    forms(fields, answers, out)
    excel(fields, answers, out)
    demarches(fields, answers, out)


if __name__ == "__main__":
    main()
