#!/bin/sh
# make bench: esgdiag side by side, in one run, with a bare libcsv parse of
# the same file, a pandas scorer and a DuckDB SQL scorer of the same
# formulas (tools/bench/scorer_*.py, checked against esgdiag first), then
# memory at 1,000,000 respondents and how cost grows with rows, questions
# and files.  Wall seconds are the best of three runs (one for pandas);
# CPU is user + system of all threads.  docs/performance.md records a run.
#
# usage: run.sh ESGDIAG LIBCSV_PARSE MEASURE
set -eu
ESGDIAG=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
LIBCSV=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
MEASURE=$(cd "$(dirname "$3")" && pwd)/$(basename "$3")
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
dir=$top/build/bench
q=$top/questionnaires/default.yaml
PY=/usr/bin/python3			# Debian's, with python3-pandas and python3-yaml
N=200000				# the side-by-side file
mkdir -p "$dir"

# Data: 10,000 varied rows of the built-in questionnaire (tests/ref/gen.py),
# repeated with new ids into larger files: the work per row stays the same.
if [ ! -s "$dir/10000.csv" ] || [ "$q" -nt "$dir/10000.csv" ] ||
    [ "$top/tests/ref/gen.py" -nt "$dir/10000.csv" ]; then
	python3 "$top/tests/ref/gen.py" "$q" 10000 42 > "$dir/10000.csv"
fi
for n in 100000 $N 1000000; do
	[ -s "$dir/$n.csv" ] && [ "$dir/$n.csv" -nt "$dir/10000.csv" ] && continue
	awk -v copies=$((n / 10000)) -F';' -v OFS=';' '
	    NR == 1 { print; next } { rows[NR] = $0 }
	    END { for (c = 0; c < copies; c++) for (i = 2; i <= NR; i++) {
	        $0 = rows[i]; $1 = "r" c "_" i; print } }' "$dir/10000.csv" > "$dir/$n.csv"
done

# best N CMD...: "wall rss cpu" of the fastest of N runs; stops on a failure.
best() {
	k=$1
	shift
	out=""
	while [ "$k" -gt 0 ]; do
		r=$("$MEASURE" "$@")
		rc=$(echo "$r" | cut -d' ' -f3)
		if [ "$rc" != 0 ]; then
			echo "bench: '$*' failed (status $rc)" >&2
			exit 1
		fi
		out=$(printf '%s\n%s' "$out" "$r" | sed '/^$/d' | sort -n | head -1)
		k=$((k - 1))
	done
	echo "$out" | awk '{ print $1, $2, $4 }'
}
row() {	# row LABEL "wall rss cpu" [RATIO-TEXT]
	set -- "$1" $2 "${3:-}"
	printf '%-40s %8.2f %8.2f %8s  %s\n' "$1" "$2" "$4" "$(($3 / 1024)) MiB" "$5"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
verdict() {	# verdict VALUE OP TARGET
	awk -v v="$1" -v t="$3" -v op="$2" 'BEGIN {
	    ok = op == "<=" ? v <= t : v >= t; printf "%s", ok ? "met" : "NOT met" }'
}

f=$dir/$N.csv
echo "== side by side: $N respondents, $(head -1 "$f" | tr ';' '\n' | wc -l) columns, $(($(wc -c < "$f") / 1000000)) MB"
printf '%-40s %8s %8s %8s\n' "command" "wall s" "cpu s" "peak RSS"
t_csvp=$(best 3 "$LIBCSV" "$f")
row "libcsv parse only, counting fields" "$t_csvp"
t_csv=$(best 3 "$ESGDIAG" score -f csv "$f")
row "esgdiag score -f csv" "$t_csv"
t_json=$(best 3 "$ESGDIAG" score -f json "$f")
row "esgdiag score -f json" "$t_json"

# The two other scorers, checked on the first 2,000 rows before timing.
head -2001 "$f" > "$dir/check.csv"
"$ESGDIAG" score -f csv "$dir/check.csv" > "$dir/check-esgdiag.csv"
t_duck=""
duck=$dir/duckdb
if command -v npm >/dev/null 2>&1 && command -v node >/dev/null 2>&1; then
	[ -d "$duck/node_modules/@duckdb/node-api" ] ||
	    npm install --silent --no-audit --no-fund --prefix "$duck" @duckdb/node-api >&2 ||
	    echo "bench: npm could not install @duckdb/node-api" >&2
fi
if [ -d "$duck/node_modules/@duckdb/node-api" ]; then
	"$PY" "$here/scorer_sql.py" "$q" "$dir/check.csv" "$dir/check-duckdb.csv" > "$dir/check.sql"
	node "$here/duckdb_run.js" "$dir/check.sql" "$duck"
	"$PY" "$here/same_scores.py" "DuckDB SQL scorer" "$dir/check-esgdiag.csv" "$dir/check-duckdb.csv"
	"$PY" "$here/scorer_sql.py" "$q" "$f" /dev/null > "$dir/score.sql"
	t_duck=$(best 3 node "$here/duckdb_run.js" "$dir/score.sql" "$duck")
	row "DuckDB SQL scorer (node, all cores)" "$t_duck"
else
	echo "DuckDB SQL scorer: skipped (needs npm and node, and the npm registry, for @duckdb/node-api)"
fi
"$PY" "$here/scorer_pandas.py" "$q" "$dir/check.csv" > "$dir/check-pandas.csv"
"$PY" "$here/same_scores.py" "pandas scorer" "$dir/check-esgdiag.csv" "$dir/check-pandas.csv"
t_pd=$(best 1 "$PY" "$here/scorer_pandas.py" "$q" "$f")
row "pandas scorer" "$t_pd"

w() { echo "$1" | cut -d' ' -f1; }
echo
echo "== targets (wall-clock ratios of this run; CPU ratios in brackets)"
c() { echo "$1" | cut -d' ' -f3; }
r=$(ratio "$(w "$t_csv")" "$(w "$t_csvp")")
echo "score -f csv / libcsv parse:  $r [$(ratio "$(c "$t_csv")" "$(c "$t_csvp")")] (target <= 2: $(verdict "$r" '<=' 2))"
r=$(ratio "$(w "$t_json")" "$(w "$t_csv")")
echo "score -f json / score -f csv: $r [$(ratio "$(c "$t_json")" "$(c "$t_csv")")] (target <= 1.3: $(verdict "$r" '<=' 1.3))"
r=$(ratio "$(w "$t_pd")" "$(w "$t_csv")")
echo "pandas / score -f csv:        $r [$(ratio "$(c "$t_pd")" "$(c "$t_csv")")] (target >= 25: $(verdict "$r" '>=' 25))"
if [ -n "$t_duck" ]; then
	r=$(ratio "$(w "$t_duck")" "$(w "$t_csv")")
	echo "DuckDB / score -f csv:        $r [$(ratio "$(c "$t_duck")" "$(c "$t_csv")")] (target >= 5: $(verdict "$r" '>=' 5))"
fi
echo "load average during the run: $(cut -d' ' -f1-3 /proc/loadavg) (on $(nproc) CPUs)"

echo
echo "== memory, 1,000,000 respondents"
m_plain=$(best 1 "$ESGDIAG" score -f csv "$dir/1000000.csv")
row "esgdiag score -f csv" "$m_plain"
m_agg=$(best 1 "$ESGDIAG" score -f json --quiet --aggregate --by type "$dir/1000000.csv")
row "esgdiag score --aggregate --by type" "$m_agg"
set -- $m_plain
rss0=$2
set -- $m_agg
echo "peak without --aggregate: $((rss0 / 1024)) MiB (target < 32: $(verdict $((rss0 / 1024)) '<=' 31))"
awk -v r="$2" -v r0="$rss0" 'BEGIN { printf "with --aggregate: %.0f bytes a respondent in all, %.0f above the plain run (target < 100)\n", r * 1024 / 1e6, (r - r0) * 1024 / 1e6 }'

echo
echo "== cost against rows (score -f csv)"
for n in 10000 100000 1000000; do
	t=$(best 1 "$ESGDIAG" score -f csv "$dir/$n.csv")
	row "$n rows" "$t" "$(echo "$t" | awk -v n=$n '{ printf "%.2f us a row (cpu %.2f)", $1 * 1e6 / n, $3 * 1e6 / n }')"
done

echo
echo "== cost against questions (2,000 rows, generated questionnaires)"
for nq in 50 200 1000; do
	gq=$dir/q$nq.yaml
	[ -s "$gq" ] || python3 "$here/gen_questionnaire.py" $nq > "$gq"
	[ -s "$dir/q$nq.csv" ] || python3 "$top/tests/ref/gen.py" "$gq" 2000 7 > "$dir/q$nq.csv"
	t=$(best 1 "$ESGDIAG" -q "$gq" score -f csv "$dir/q$nq.csv")
	row "$nq questions" "$t" "$(echo "$t" | awk -v n=$nq '{ printf "%.3f us a row and question (cpu %.3f)", $1 * 1e6 / 2000 / n, $3 * 1e6 / 2000 / n }')"
done

echo
echo "== cost against files (10,000 rows in all, score -f csv)"
fd=$dir/files
if [ ! -s "$fd/f999.csv" ] || [ "$dir/10000.csv" -nt "$fd/f999.csv" ]; then
	rm -rf "$fd"
	mkdir -p "$fd"
	awk -v d="$fd" 'NR == 1 { h = $0; next }
	    { k = int((NR - 2) / 10); f = d "/f" k ".csv"
	      if ((NR - 2) % 10 == 0) { if (k) close(prev); print h > f; prev = f }
	      print > f }' "$dir/10000.csv"
fi
t1=$(best 3 "$ESGDIAG" score -f csv "$dir/10000.csv")
row "one file of 10,000 rows" "$t1"
t2=$(cd "$fd" && best 3 "$ESGDIAG" score -f csv $(ls f*.csv | sort -t f -k2 -n))
row "1,000 files of 10 rows" "$t2"
# The one file is read by two threads past 1,000 rows, files of 10 rows by
# one: the difference is the cost of a file plus what the thread saves.
echo "$t1 $t2" | awk '{ printf "per-file overhead: %.0f us (cpu %.0f)\n", ($4 - $1) * 1e3, ($6 - $3) * 1e3 }'
