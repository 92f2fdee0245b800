#!/bin/sh
# The French catalogue in a French locale.  Machines here have only the C
# locales: as root, fr_FR.UTF-8 is made with localedef when missing;
# otherwise the test is skipped with a clear message.
set -u
ESGDIAG=$1
export ESGDIAG_LOCALEDIR=$2
here=$(cd "$(dirname "$0")" && pwd)
has_fr() { locale -a 2>/dev/null | grep -qiE '^fr_FR\.utf-?8$'; }
if ! has_fr && [ "$(id -u)" = 0 ] && command -v localedef >/dev/null 2>&1; then
	localedef -i fr_FR -f UTF-8 fr_FR.UTF-8 2>/dev/null || true
fi
if ! has_fr; then
	echo "i18n: SKIPPED: no fr_FR.UTF-8 locale (as root: localedef -i fr_FR -f UTF-8 fr_FR.UTF-8)"
	exit 0
fi
export LC_ALL=fr_FR.UTF-8 LANGUAGE=
pass=0 fail=0
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
ex="$here/../../questionnaires/examples/commune-saint-aubin.csv"
fx="$here/../cli/fixtures"
check help "commandes :" "$ESGDIAG" --help
check report "Fiches action recommandées" "$ESGDIAG" score "$ex"
check coverage "questions notées s'appliquent" "$ESGDIAG" score "$ex"
check unknown-command "commande inconnue « frob »" "$ESGDIAG" frob
check cell-error "attendu : un nombre entier de 0 à 4" "$ESGDIAG" -q "$fx/hand.yaml" score "$fx/hand-bad.csv"
check range-error "« 100,5 » : hors limites ; attendu : un nombre de 0 à 100" "$ESGDIAG" -q "$fx/range.yaml" score "$fx/range.csv"
check yaml-error "clé inconnue « wieght » dans une question" "$ESGDIAG" validate "$fx/bad.yaml"
check explain "Comment les scores de R1 ont été obtenus" "$ESGDIAG" -q "$fx/hand.yaml" explain "$fx/hand.csv"
# Numbers keep the "C" syntax whatever the locale: JSON stays JSON.
check json-numbers '"score": 23.74' "$ESGDIAG" score -f json "$ex"
echo "i18n: $pass passed, $fail failed"
[ $fail = 0 ]
