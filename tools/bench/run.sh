#!/bin/sh
# make bench: esgdiag's throughput and peak memory on synthetic answers of
# 10,000 to 1,000,000 respondents of the built-in questionnaire, side by
# side in one run with (a) a plain libcsv parse of the same files and (b)
# the straightforward Python scorer tests/ref/esgref.py.  Prints a table;
# docs/performance.md records a run.
set -eu
ESGDIAG=$1
LIBCSV=$2
MEASURE=$(cd "$(dirname "$3")" && pwd)/$(basename "$3")
here=$(cd "$(dirname "$0")" && pwd)
top=$here/../..
dir=$top/build/bench
mkdir -p "$dir"
q=$top/questionnaires/default.yaml
m=$MEASURE

# 10,000 varied rows; larger files repeat them with new ids (fast, and the
# scoring work per row is the same).
[ -s "$dir/10000.csv" ] || python3 "$top/tests/ref/gen.py" "$q" 10000 42 > "$dir/10000.csv"
for n in 100000 1000000; do
	[ -s "$dir/$n.csv" ] || awk -v copies=$((n / 10000)) -F';' -v OFS=';' '
	    NR == 1 { print; next } { rows[NR] = $0 }
	    END { for (c = 0; c < copies; c++) for (i = 2; i <= NR; i++) {
	        $0 = rows[i]; $1 = "r" c "_" i; print } }' "$dir/10000.csv" > "$dir/$n.csv"
done

row() {	# row LABEL N RESULT(elapsed rss rc)
	set -- "$1" "$2" $3
	rate=$(awk -v n="$2" -v t="$3" 'BEGIN { printf "%.0f", n / (t > 0 ? t : 1e-9) }')
	printf '%-34s %9s %9.2f %12s %10s\n' "$1" "$2" "$3" "$rate" "$(($4 / 1024)) MiB"
	eval "rate_$(echo "$1" | tr -c 'a-z0-9\n' _)_$2=$rate; rss_$(echo "$1" | tr -c 'a-z0-9\n' _)_$2=$4"
}

printf '%-34s %9s %9s %12s %10s\n' "what" "rows" "seconds" "rows/s" "peak RSS"
for n in 10000 100000 1000000; do
	f=$dir/$n.csv
	row "libcsv parse only" $n "$($m "$LIBCSV" "$f")"
	row "esgdiag score -f json" $n "$($m "$ESGDIAG" score -f json "$f")"
	row "esgdiag score -f csv" $n "$($m "$ESGDIAG" score -f csv "$f")"
	row "esgdiag score --aggregate --by" $n "$($m "$ESGDIAG" score -f json --quiet --aggregate --by type "$f")"
	if [ $n -le 100000 ]; then
		row "python reference scorer" $n "$($m python3 "$top/tests/ref/esgref.py" "$q" "$f")"
	fi
done
echo
awk -v a="$rate_esgdiag_score__f_json_1000000" -v b="$rate_libcsv_parse_only_1000000" \
    'BEGIN { printf "esgdiag json / libcsv parse, 1,000,000 rows: %.0f%%\n", 100 * a / b }'
awk -v a="$rate_esgdiag_score__f_json_100000" -v b="$rate_python_reference_scorer_100000" \
    'BEGIN { printf "esgdiag json / python scorer, 100,000 rows: %.1fx\n", a / b }'
awk -v r="$rss_esgdiag_score___aggregate___by_1000000" -v r0="$rss_esgdiag_score__f_json_1000000" \
    'BEGIN { printf "aggregate memory, 1,000,000 rows: %.0f bytes per respondent in all (%.0f above the plain run)\n", r * 1024 / 1e6, (r - r0) * 1024 / 1e6 }'
