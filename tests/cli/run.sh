#!/bin/sh
# Golden tests of the esgdiag binary (jq.test, git's test_cmp, tmux regress).
# Each case is a folder cases/NAME with:
#   cmd            a shell line run from tests/cli, with $ESGDIAG the binary
#   stdin          optional standard input
#   expected.out   expected standard output
#   expected.err   expected standard error (absent: must be empty)
#   expected.rc    expected exit status
#   json, xml      optional markers: standard output must parse as JSON, XML
# UPDATE=1 rewrites the expected files, for review with git diff.
# ESG_CASES names another folder of cases and ESG_LOCALE their locale (the
# French goldens: cases-fr, fr_FR.UTF-8); standard outputs are then kept in
# ESG_KEEP, a folder, for the catalogue's English-leak scan.
set -u
ESGDIAG=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
export ESGDIAG
here=$(cd "$(dirname "$0")" && pwd)
cd "$here" || exit 2
out=$(mktemp -d) || exit 2
trap 'rm -rf "$out"' EXIT
# A case's mktemp lands in this run's folder, removed with it, so a case that
# fails (or forgets its rm) leaves nothing in /tmp.
mkdir "$out/tmp" || exit 2
export TMPDIR="$out/tmp"
# Messages in English, whatever the machine's locale (unless told).
export LC_ALL=${ESG_LOCALE:-C.UTF-8} LANGUAGE= COLUMNS=80
unset NO_COLOR
pass=0 fail=0
for dir in "${ESG_CASES:-cases}"/*/; do
	name=$(basename "$dir")
	in=/dev/null
	[ -f "$dir/stdin" ] && in="$dir/stdin"
	sh -c "$(cat "$dir/cmd")" <"$in" >"$out/out" 2>"$out/err"
	echo $? >"$out/rc"
	if [ -n "${ESG_KEEP:-}" ]; then
		cp "$out/out" "$ESG_KEEP/$name.out"
		cp "$out/err" "$ESG_KEEP/$name.err"
	fi
	[ -f "$dir/expected.err" ] || : >"$out/expected.err.empty"
	if [ "${UPDATE:-}" = 1 ]; then
		cp "$out/out" "$dir/expected.out"
		cp "$out/rc" "$dir/expected.rc"
		if [ -s "$out/err" ]; then cp "$out/err" "$dir/expected.err"
		else rm -f "$dir/expected.err"; fi
	fi
	experr="$dir/expected.err"
	[ -f "$experr" ] || experr=/dev/null
	ok=1
	cmp -s "$out/out" "$dir/expected.out" || ok=0
	cmp -s "$out/err" "$experr" || ok=0
	cmp -s "$out/rc" "$dir/expected.rc" || ok=0
	if [ -f "$dir/json" ] && ! python3 -m json.tool "$out/out" >/dev/null 2>&1; then
		echo "  $name: standard output is not valid JSON"
		ok=0
	fi
	if [ -f "$dir/xml" ] && ! xmllint --noout "$out/out" 2>"$out/xmlerr"; then
		echo "  $name: standard output is not well-formed XML"
		cat "$out/xmlerr"
		ok=0
	fi
	if [ $ok = 1 ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL $name: $(cat "$dir/cmd")"
		diff -u "$dir/expected.out" "$out/out" | head -20
		diff -u "$experr" "$out/err" | head -20
		diff -u "$dir/expected.rc" "$out/rc"
	fi
done
echo "cli ${ESG_CASES:-cases}: $pass passed, $fail failed"
[ $fail = 0 ]
