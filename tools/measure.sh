#!/bin/sh
# Size and duplication counts of the sources, for issue notes and reviews:
#   sh tools/measure.sh [N]     the counts, then the N (10) longest functions
#   sh tools/measure.sh --type-defaults   each switch on a question type with
#                               a default: (make hygiene wants none: a default
#                               hides a missing type from -Wswitch)
# A function is a line that opens with '{' in column one (style(9): the
# opening brace of a function is alone on its line) up to the next '}' in
# column one; its name is the last identifier before '(' above the brace.
# Counts are of lines between the braces, as the house style counts them.
set -eu

type_defaults() {
	for f in src/lib/*.c src/cli/*.c; do awk -v F="$f" '
	/switch \(.*(->|\.)type\)/ { in_sw = 1; depth = 0; hit = 0 }
	in_sw { t = $0; depth += gsub(/\{/, "{", t); depth -= gsub(/\}/, "}", t)
		if ($0 ~ /default:/ && depth == 1) hit = 1
		if (depth == 0 && $0 ~ /\}/) { if (hit) print F ":" NR; in_sw = 0 } }' "$f"
	done
}
if [ "${1:-}" = --type-defaults ]; then
	type_defaults
	exit 0
fi
n=${1:-10}

count() { printf '%-58s %s\n' "$1" "$2"; }
# Places that read answers: loops over an answers source, and CSV readers
# the CLI runs itself (outside source.c, the one answers source).
count "places that read answers (respondent loops, own CSV reads)" \
    "$(grep -n 'cli_source_next(\|esg_csv_answers_next(\|esg_csv_next(' src/cli/*.c |
	grep -v '^src/cli/source\.c:' | wc -l)"
count "places that pick a format (strcmp on a format name)" \
    "$(grep -nE 'strcmp\([^)]*"(text|json|csv|md|markdown|html|junit)"' src/cli/*.c src/lib/*.c | wc -l)"
count "switch on the question type with a default:" \
    "$(type_defaults | wc -l)"
count "lines of the CLI (wc -l src/cli/*.c)" "$(cat src/cli/*.c | wc -l)"
count "lines of the library (wc -l src/lib/*.c)" "$(cat src/lib/*.c | wc -l)"
echo
echo "$n longest functions (lines between the braces):"
for f in src/lib/*.c src/cli/*.c; do
	awk -v F="$f" '
	/^[A-Za-z_].*\(/ { sig = $0 }
	/^\{/ { start = NR; name = sig; sub(/\(.*/, "", name); sub(/.*[ *]/, "", name) }
	/^\}/ && start { print NR - start - 1, F ":" start, name; start = 0 }' "$f"
done | sort -rn | head -n "$n"
