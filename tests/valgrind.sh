#!/bin/sh
# make check-valgrind: the commands' main paths under valgrind's memcheck,
# which must find no error and no leak (definite or indirect).
set -u
ESGDIAG=$1
cd "$(dirname "$0")/cli" || exit 2
vg="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect"
ex=../../questionnaires/examples
d=$(mktemp -d) || exit 2
trap 'rm -rf "$d"' EXIT
vgerr=$d/vg.err
pass=0 fail=0
run() {
	$vg "$ESGDIAG" "$@" > /dev/null 2> "$vgerr" < /dev/null
	if [ $? = 99 ]; then
		fail=$((fail + 1))
		echo "valgrind: errors in: esgdiag $*"
		head -20 "$vgerr"
	else
		pass=$((pass + 1))
	fi
}
run validate
run validate fixtures/bad.yaml
run score $ex/commune-saint-aubin.csv
for f in json csv markdown html junit; do run score -f $f --sheets all $ex/epci-agglo-val-de-brenne.csv; done
run score -f json --aggregate --by population:3500,50000 --min-group 1 $ex/*.csv
run -q fixtures/hand.yaml score --fail-under 60 --fail-on-obligation --fail-on-regression fixtures/hand-before.csv fixtures/hand.csv
run -q fixtures/hand.yaml score fixtures/hand-bad.csv
run score --map fixtures/export-sondage.map.yaml fixtures/export-sondage.csv
run score --map fixtures/bad.map.yaml fixtures/export-sondage.csv
for f in text json csv markdown html; do run -q fixtures/hand.yaml score -f $f --peers fixtures/peers-hand.json fixtures/hand-peers.csv; done
run -q fixtures/hand.yaml score --peers fixtures/peers-bad-stats.json fixtures/hand-peers.csv
run -q fixtures/hand.yaml score --peers fixtures/peers-bad.json fixtures/hand-peers.csv
run -q fixtures/hand.yaml compare -f json fixtures/hand-before.csv fixtures/hand.csv
run -q fixtures/hand.yaml explain fixtures/hand.csv
run obligations --type epci --population 65000 --achats 60
run sheets -f json
run template -f markdown
printf 'commune\n2000\nmi\n1,2\n<\n\n3\n+ note\n5\nhello\nnsp\n' > "$d/in"
$vg "$ESGDIAG" -q fixtures/hand.yaml ask -o "$d/a.csv" < "$d/in" > /dev/null 2> "$vgerr"
if [ $? = 99 ]; then fail=$((fail + 1)); echo "valgrind: errors in ask"; head -20 "$vgerr"; else pass=$((pass + 1)); fi
echo "valgrind: $pass passed, $fail failed"
[ $fail = 0 ]
