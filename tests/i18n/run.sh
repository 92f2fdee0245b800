#!/bin/sh
# The French catalogue in a French locale.  Machines here have only the C
# locales: as root, fr_FR.UTF-8 is made with localedef when missing;
# otherwise the test is skipped with a clear message.
#  1. every message of the source (xgettext) has a French translation that
#     is neither empty nor fuzzy (tools/po_missing.py);
#  2. the French goldens (tests/cli/cases-fr: every command, run under
#     fr_FR.UTF-8) match, and none of their outputs holds an English
#     message of the source (tools/po_missing.py --leaks);
#  3. a few spot checks of translated messages, and JSON stays JSON.
set -u
ESGDIAG=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
ESGDIAG_LOCALEDIR=$(cd "$2" && pwd) || exit 2
export ESGDIAG_LOCALEDIR
here=$(cd "$(dirname "$0")" && pwd)
top=$here/../..
has_fr() { locale -a 2>/dev/null | grep -qiE '^fr_FR\.utf-?8$'; }
if ! has_fr && [ "$(id -u)" = 0 ] && command -v localedef >/dev/null 2>&1; then
	localedef -i fr_FR -f UTF-8 fr_FR.UTF-8 2>/dev/null || true
fi
if ! has_fr; then
	echo "i18n: SKIPPED: no fr_FR.UTF-8 locale (as root: localedef -i fr_FR -f UTF-8 fr_FR.UTF-8)"
	exit 0
fi
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
xgettext --from-code=UTF-8 -k_ -kN_ -o "$tmp/esgdiag.pot" "$top"/src/lib/*.c "$top"/src/cli/*.c
if python3 "$top/tools/po_missing.py" "$tmp/esgdiag.pot" "$top/po/fr.po"; then
	pass=$((pass + 1))
else
	fail=$((fail + 1))
	echo "i18n: messages above are missing from po/fr.po (append them at its end)"
fi
mkdir "$tmp/out"
if ESG_CASES=cases-fr ESG_LOCALE=fr_FR.UTF-8 ESG_KEEP="$tmp/out" \
    sh "$top/tests/cli/run.sh" "$ESGDIAG"; then
	pass=$((pass + 1))
else
	fail=$((fail + 1))
fi
if python3 "$top/tools/po_missing.py" --leaks "$tmp/esgdiag.pot" "$top/po/fr.po" \
    "$tmp"/out/*; then
	pass=$((pass + 1))
else
	fail=$((fail + 1))
	echo "i18n: English messages above appear in French runs"
fi
# The program-name prefix stays "esgdiag:" (Unix style) in every language:
# no translation may respace it (a French run once printed both forms).
if grep -n "esgdiag$(printf '\302\240') *:\|esgdiag :" "$top/po/fr.po"; then
	fail=$((fail + 1))
	echo "i18n: the lines above give 'esgdiag:' another form; keep it as is"
else
	pass=$((pass + 1))
fi
# One apostrophe in the catalogue: the straight one, as in most of it (a
# curly one once slipped into two messages).
if grep -n "^msgstr.*$(printf '\342\200\231')" "$top/po/fr.po"; then
	fail=$((fail + 1))
	echo "i18n: the lines above use a curly apostrophe; use the straight one"
else
	pass=$((pass + 1))
fi
export LC_ALL=fr_FR.UTF-8 LANGUAGE=
check() {	# check NAME EXPECTED-TEXT COMMAND...
	name=$1 want=$2
	shift 2
	got=$("$@" 2>&1)
	if printf '%s' "$got" | grep -qF -- "$want"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "i18n: $name: '$want' not in:"
		printf '%s\n' "$got" | head -5
	fi
}
nb=$(printf '\302\240')
ex="$top/questionnaires/examples/commune-saint-aubin.csv"
check help "commandes$nb:" "$ESGDIAG" --help
fx="$top/tests/cli/fixtures"
check report "Fiches action recommandées" "$ESGDIAG" score "$ex"
check range-error "«${nb}100,5$nb»$nb: hors limites$nb; attendu$nb: un nombre de 0 à 100" "$ESGDIAG" -q "$fx/range.yaml" score "$fx/range.csv"
check numbers "Population$nb: 4$(printf '\342\200\257')820 habitants" "$ESGDIAG" score "$ex"
check unknown-command "commande inconnue «${nb}frob$nb»" "$ESGDIAG" frob
check peers "à la médiane du groupe" "$ESGDIAG" -q "$fx/hand.yaml" score --peers "$fx/peers-hand.json" "$fx/hand-peers.csv"
# Right after make, with no ESGDIAG_LOCALEDIR: the build's own catalogue.
check build-catalogue "commandes$nb:" env -u ESGDIAG_LOCALEDIR -u LC_ALL \
    LANG=fr_FR.UTF-8 "$ESGDIAG" --help
[ -x "$top/esgdiag" ] && check build-catalogue-top "commandes$nb:" \
    env -u ESGDIAG_LOCALEDIR -u LC_ALL LANG=fr_FR.UTF-8 "$top/esgdiag" --help
# Numbers keep the "C" syntax whatever the locale: JSON stays JSON.
check json-numbers '"score": 24.18' "$ESGDIAG" score -f json "$ex"
echo "i18n: $pass passed, $fail failed"
[ $fail = 0 ]
