"""The reference scorer's own reading of survey-tool exports (SPEC §4 and
docs/answers-csv.md, docs/limesurvey.md), written from those texts alone:
it turns an export into the canonical rows esgref.score() reads (field id
-> cell), so that esgdiag's reading of the same file can be compared with
an independent one.

Headings: field ids; LimeSurvey codes (camel case of snake_case ids, else
Q<position>; CODE[SQ] for an option); question texts compared after
Unicode decomposition without accents, lower case, one space for any run
of blanks, no space before ? : ! ;, typographic quotes made plain; the
text followed by its help, "text [label]" for an option, and the same
after a numbering prefix.  Cells: Windows-1252 and UTF-16 files decoded;
LimeSurvey answer codes in LimeSurvey files; option columns ticked unless
empty or 0/n/no/non/false/n/a.
"""
import codecs
import csv
import io
import re
import unicodedata


def decode(data):
    """The file's text: UTF-16 with a BOM, UTF-8, else Windows-1252."""
    if data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252")


def key(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.translate({0x2019: "'", 0x2018: "'", 0x2bc: "'", 0x201c: '"', 0x201d: '"',
                     0xab: '"', 0xbb: '"', 0x2013: "-", 0x2014: "-", 0x153: "oe",
                     0x152: "oe", 0xe6: "ae", 0xc6: "ae"})
    s = re.sub(r"\s+", " ", s.lower()).strip()
    return re.sub(r" ([?:!;])", r"\1", s)


def ls_code(fid, pos):
    if re.fullmatch(r"[a-z][a-z0-9]*(_[a-z][a-z0-9]*)*", fid):
        c = re.sub(r"_([a-z])", lambda m: m.group(1).upper(), fid)
        if len(c) <= 20:
            return c
    return "Q%d" % pos


def answer_code(value, pos):
    return value if re.fullmatch(r"[A-Za-z0-9]{1,5}", value) else "A%d" % pos


def strip_number(k):
    m = re.fullmatch(r"(?:q ?)?\d+[.)]* *[-:.]* *(.+)", k) or re.fullmatch(r"[a-z0-9]+\. (.+)", k)
    return m.group(1) if m else None


def by_text(fields, options_of, k):
    """[(field id, option index or None)] whose text the key k is."""
    found = []
    for f in fields:
        t = key(f["text"])
        if not k.startswith(t) or not t:
            continue
        rest = k[len(t):]
        help_ = key(f.get("help", "")) if f.get("help") else None
        if rest == "" or (help_ and rest.lstrip(" -:(").rstrip(")") == help_):
            found.append((f["id"], None))
        elif f["type"] == "multi":
            for i, (v, l, _) in enumerate(options_of(f)):
                if rest == " [%s]" % key(l if l is not None else v):
                    found.append((f["id"], i))
    return found


def resolve(fields, options_of, heading):
    h = heading.strip()
    ids = {f["id"] for f in fields}
    if h in ids or h == "id" or h.endswith(".note"):
        return (h, None)
    codes = {ls_code(f["id"], n).lower(): f for n, f in enumerate(fields, 1)}
    m = re.fullmatch(r"([^\[]+)\[([^\]]+)\]", h)
    if m and m.group(1).lower() in codes:
        f = codes[m.group(1).lower()]
        for i, (v, _, _) in enumerate(options_of(f)):
            if answer_code(v, i + 1).lower() == m.group(2).lower():
                return (f["id"], i)
        return None
    if h.lower() in codes:
        return (codes[h.lower()]["id"], "code")
    k = key(h)
    found = by_text(fields, options_of, k)
    if not found and strip_number(k):
        found = by_text(fields, options_of, strip_number(k))
    if len(found) > 1:
        raise ValueError("ambiguous heading %r" % heading)
    return found[0] if found else None


def read_export(path, q, options_of):
    """Canonical rows (field id -> cell) of an export."""
    text = decode(open(path, "rb").read())
    first = text.split("\n", 1)[0]
    delim = max([";", "\t", ","], key=lambda d: (first.count(d), -[";", "\t", ","].index(d)))
    table = [r for r in csv.reader(io.StringIO(text), delimiter=delim)
             if any(c.strip() for c in r)]
    fields = list(q.get("profile", [])) + [f for s in q["sections"] for f in s["questions"]]
    byid = {f["id"]: f for f in fields}
    cols = [resolve(fields, options_of, h) for h in table[0]]
    lime = "startlanguage" in table[0] or any(c and c[1] is not None for c in cols)
    rows = []
    for raw in table[1:]:
        row, ticks = {}, {}
        for c, cell in zip(cols, raw):
            if c is None:
                continue
            fid, part = c
            if isinstance(part, int):
                t = ticks.setdefault(fid, [])
                if cell.strip().lower() not in ("", "0", "n", "no", "non", "false", "n/a"):
                    t.append(options_of(byid[fid])[part][0])
                continue
            if lime and fid in byid:
                for i, (v, _, _) in enumerate(options_of(byid[fid])):
                    if cell.strip().lower() == answer_code(v, i + 1).lower():
                        cell = v
            row[fid] = cell
        for fid, t in ticks.items():
            row[fid] = "|".join(t)
        rows.append(row)
    return rows
