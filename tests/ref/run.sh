#!/bin/sh
# Differential test: esgdiag against the independent reference scorer
# (tests/ref/esgref.py) on random answers to each questionnaire.
set -eu
ESGDIAG=$1
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0 pass=0
# Counts $tmp/mine.json against $tmp/ref.json; $1 says what differs.
verdict() {
	if python3 "$here/compare.py" "$tmp/mine.json" "$tmp/ref.json"; then
		pass=$((pass + 1))
	else
		echo "differs from the reference: $1"
		fail=$((fail + 1))
	fi
}
for case in "$here/../../questionnaires/default.yaml:400:7" \
    "$here/../cli/fixtures/hand.yaml:400:11"; do
	q=${case%%:*}; rest=${case#*:}; n=${rest%%:*}; seed=${rest#*:}
	python3 "$here/gen.py" "$q" "$n" "$seed" > "$tmp/a.csv"
	"$ESGDIAG" -q "$q" score -f json --sheets all "$tmp/a.csv" > "$tmp/mine.json"
	python3 "$here/esgref.py" "$q" "$tmp/a.csv" > "$tmp/ref.json"
	if python3 "$here/compare.py" "$tmp/mine.json" "$tmp/ref.json"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
	fi
done
# Number bounds: some numbers pushed outside theirs; both sides drop those
# rows, and esgdiag says so with status 3.
python3 "$here/gen.py" "$here/../cli/fixtures/range.yaml" 300 17 0.03 > "$tmp/a.csv"
rc=0
"$ESGDIAG" -q "$here/../cli/fixtures/range.yaml" score -f json "$tmp/a.csv" \
    > "$tmp/mine.json" 2>/dev/null || rc=$?
python3 "$here/esgref.py" "$here/../cli/fixtures/range.yaml" "$tmp/a.csv" > "$tmp/ref.json"
if [ $rc = 3 ] && python3 "$here/compare.py" "$tmp/mine.json" "$tmp/ref.json"; then
	pass=$((pass + 1))
else
	echo "differs from the reference: number bounds (status $rc)"
	fail=$((fail + 1))
fi
# Observatory statistics: by a choice field, by bands, without groups, each
# plain (the size rule alone) and for publication (--no-respondents, the
# complementary rule too).  In these 300 answers, type 16 leaves "autre"
# (15) alone under the threshold, so "region" (19) is withheld with it when
# published; population 25 does the same to 3500-20000 (22) and
# 20000-50000 (29).
python3 "$here/gen.py" "$here/../../questionnaires/default.yaml" 300 5 > "$tmp/a.csv"
for by in "type 5" "population:3500,20000,50000 5" "- 5" "type 80" "type 16" \
    "population:3500,20000,50000 25"; do
	set -- $by
	if [ "$1" = - ]; then opt=""; else opt="--by $1"; fi
	for pub in "" --no-respondents; do
		"$ESGDIAG" score -f json --sheets all --aggregate $pub $opt --min-group "$2" \
		    "$tmp/a.csv" > "$tmp/mine.json"
		python3 "$here/esgref.py" "$here/../../questionnaires/default.yaml" "$tmp/a.csv" \
		    --aggregate "$1" "$2" $pub > "$tmp/ref.json"
		verdict "--aggregate $pub by $1, min-group $2"
	done
done
# Few respondents: every quantile reads neighbouring positions.
for n in 2 3 4; do
	python3 "$here/gen.py" "$here/../../questionnaires/default.yaml" $n $((n + 20)) > "$tmp/a.csv"
	"$ESGDIAG" score -f json --sheets all --aggregate --by type --min-group 1 "$tmp/a.csv" > "$tmp/mine.json"
	python3 "$here/esgref.py" "$here/../../questionnaires/default.yaml" "$tmp/a.csv" --aggregate type 1 > "$tmp/ref.json"
	if python3 "$here/compare.py" "$tmp/mine.json" "$tmp/ref.json" >/dev/null; then
		pass=$((pass + 1))
	else
		echo "differs from the reference: $n respondents"
		fail=$((fail + 1))
	fi
done
# Positions among peers (score --peers): an observatory published from one
# survey, another survey placed in it; the reference recomputes the
# statistics from the first survey and places each respondent itself.
python3 "$here/gen.py" "$here/../../questionnaires/default.yaml" 200 9 > "$tmp/survey.csv"
python3 "$here/gen.py" "$here/../../questionnaires/default.yaml" 150 13 > "$tmp/a.csv"
# type 13 withholds "cu" (12) for its size and "autre" (14) with it.
for by in "type 5" "type 30" "type 13" "population:3500,20000,50000 5" "- 5"; do
	set -- $by
	if [ "$1" = - ]; then opt=""; else opt="--by $1"; fi
	"$ESGDIAG" score -f json --aggregate --no-respondents $opt --min-group "$2" \
	    "$tmp/survey.csv" > "$tmp/obs.json"
	"$ESGDIAG" score -f json --sheets all --peers "$tmp/obs.json" "$tmp/a.csv" > "$tmp/mine.json"
	python3 "$here/esgref.py" "$here/../../questionnaires/default.yaml" "$tmp/a.csv" \
	    --peers "$tmp/survey.csv" "$1" "$2" > "$tmp/ref.json"
	verdict "--peers by $1, min-group $2"
done
# The shipped examples, scored by both.
for ex in "$here"/../../questionnaires/examples/*.csv; do
	"$ESGDIAG" score -f json --sheets all "$ex" > "$tmp/mine.json"
	python3 "$here/esgref.py" "$here/../../questionnaires/default.yaml" "$ex" > "$tmp/ref.json"
	if python3 "$here/compare.py" "$tmp/mine.json" "$tmp/ref.json" >/dev/null; then
		pass=$((pass + 1))
	else
		echo "differs from the reference: $ex"
		fail=$((fail + 1))
	fi
done
# Survey-tool exports (tests/exports/make_fixtures.py): the same answers as
# LimeSurvey (codes, full answers, full question texts), a forms tool,
# French Excel (Windows-1252, CRLF, ';') and Démarches simplifiées write
# them, scored with no map; each must give what the reference gives for
# the canonical file they were built from, and what the reference gives
# reading the export itself (ref_exports.py), with nothing on stderr but
# the Windows-1252 note.
for case in "$here/../../questionnaires/default.yaml:40:3" \
    "$here/../cli/fixtures/hand.yaml:40:8"; do
	q=${case%%:*}; rest=${case#*:}; n=${rest%%:*}; seed=${rest#*:}
	"$ESGDIAG" -q "$q" template -f limesurvey > "$tmp/survey.txt"
	python3 "$here/../exports/make_fixtures.py" "$q" "$tmp/survey.txt" "$tmp" "$n" "$seed"
	python3 "$here/esgref.py" "$q" "$tmp/canonical.csv" > "$tmp/ref.json"
	for ex in limesurvey-codes limesurvey-full limesurvey-text forms excel-fr demarches; do
		"$ESGDIAG" -q "$q" score -f json --sheets all "$tmp/$ex.csv" \
		    > "$tmp/mine.json" 2> "$tmp/err" || true
		grep -v "not UTF-8; read as WINDOWS-1252" "$tmp/err" > "$tmp/err2" || true
		# ...and what the reference reads in the export itself.
		python3 "$here/esgref.py" "$q" "$tmp/$ex.csv" --export > "$tmp/ref-ex.json"
		if [ ! -s "$tmp/err2" ] &&
		    python3 "$here/compare.py" "$tmp/mine.json" "$tmp/ref.json" >/dev/null &&
		    python3 "$here/compare.py" "$tmp/mine.json" "$tmp/ref-ex.json" >/dev/null; then
			pass=$((pass + 1))
		else
			echo "differs from the reference: export $ex of $(basename "$q")"
			head -3 "$tmp/err2"
			fail=$((fail + 1))
		fi
	done
done
echo "reference: $pass passed, $fail failed"
[ $fail = 0 ]
