#!/usr/bin/env python3
"""Lists the messages of a template (xgettext output) that a catalogue does
not translate: absent, empty or fuzzy.  Usage: po_missing.py POT PO.
With --leaks POT PO FILE...: lists the English pieces of messages (the text
between format directives, a few words long, and absent from the
translation) found in the files, the outputs of runs in the translated
language.  Exit status 1 when anything is found.  A small PO reader: enough for the files
gettext's tools write (msgctxt is not used by esgdiag)."""
import re
import sys


def unquote(s):
    s = s.strip()[1:-1]
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c == '\\' and i + 1 < len(s):
            n = s[i + 1]
            out.append({'n': '\n', 't': '\t', '"': '"', '\\': '\\'}.get(n, '\\' + n))
            i += 2
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def entries(path):
    """Yields (msgid, msgid_plural, [msgstr...], fuzzy, obsolete)."""
    cur, key, fuzzy = None, None, False
    with open(path, encoding='utf-8') as f:
        for raw in f:
            line = raw.rstrip('\n')
            obsolete = line.startswith('#~')
            if obsolete:
                line = line[2:].lstrip()
            if line.startswith('#,') and 'fuzzy' in line:
                fuzzy = True
                continue
            if line.startswith('#') or not line.strip():
                continue
            if line.startswith('msgid '):
                if cur is not None and key != 'msgid':
                    yield cur
                cur = {'id': '', 'plural': None, 'str': {}, 'fuzzy': fuzzy,
                       'obsolete': obsolete}
                fuzzy = False
                key = 'msgid'
                cur['id'] = unquote(line[6:])
            elif line.startswith('msgid_plural '):
                key = 'plural'
                cur['plural'] = unquote(line[13:])
            elif line.startswith('msgstr'):
                idx = 0
                if line.startswith('msgstr['):
                    idx = int(line[7:line.index(']')])
                key = ('str', idx)
                cur['str'][idx] = unquote(line[line.index(' ') + 1:])
            elif line.startswith('"'):
                if key == 'msgid':
                    cur['id'] += unquote(line)
                elif key == 'plural':
                    cur['plural'] += unquote(line)
                else:
                    cur['str'][key[1]] += unquote(line)
    if cur is not None:
        yield cur


DIRECTIVE = re.compile(r'%[-+ #0-9.*]*(?:zu|zd|ld|lu|[sdiufgcx%])|\n|\t')
WORD = re.compile(r'[A-Za-z]{2,}')


def pieces(msgid):
    """The pieces of an English message worth looking for in an output."""
    for p in DIRECTIVE.split(msgid):
        p = p.strip(' :;,.()[]\'"-')
        if len(p) >= 10 and len(WORD.findall(p)) >= 2:
            yield p


def leaks(pot, po, files):
    trans = {}
    for e in entries(po):
        if not e['obsolete']:
            trans[e['id']] = ' '.join(e['str'].values())
    text = {}
    for f in files:
        with open(f, encoding='utf-8', errors='replace') as fp:
            text[f] = fp.read()
    found = 0
    for e in entries(pot):
        for msgid in filter(None, (e['id'], e['plural'])):
            for p in pieces(msgid):
                if p in trans.get(e['id'], ''):
                    continue
                for f, t in text.items():
                    if p in t:
                        print('English in %s: %r (from %r)' % (f, p, msgid))
                        found += 1
    return 1 if found else 0


def main():
    if sys.argv[1] == '--leaks':
        return leaks(sys.argv[2], sys.argv[3], sys.argv[4:])
    pot, po = sys.argv[1], sys.argv[2]
    done = {}
    for e in entries(po):
        if e['obsolete']:
            continue
        ok = not e['fuzzy'] and e['str'] and all(e['str'].values())
        done[e['id']] = ok
    missing = [e['id'] for e in entries(pot) if e['id'] and not done.get(e['id'])]
    for m in missing:
        print('untranslated: %r' % m)
    return 1 if missing else 0


if __name__ == '__main__':
    sys.exit(main())
