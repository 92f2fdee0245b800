#!/bin/sh
# The manual and the bash completion cannot drift from the commands: both
# are compared with the option tables the binary parses with
# (esgdiag --dump-options).
#  - completion/esgdiag.bash must be what tools/completion.sh makes now;
#  - docs/esgdiag.1 must have an entry (".B NAME") for every command and
#    mention every long option (\-\-name) and every command in its
#    synopsis of COMMANDS.
set -u
ESGDIAG=$1
top=$(cd "$(dirname "$0")/../.." && pwd)
man=$top/docs/esgdiag.1
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
if sh "$top/tools/completion.sh" "$ESGDIAG" > "$tmp/esgdiag.bash" &&
    cmp -s "$tmp/esgdiag.bash" "$top/completion/esgdiag.bash"; then
	pass=$((pass + 1))
else
	fail=$((fail + 1))
	echo "docs: completion/esgdiag.bash is stale; run:"
	echo "  sh tools/completion.sh $ESGDIAG > completion/esgdiag.bash"
	diff -u "$top/completion/esgdiag.bash" "$tmp/esgdiag.bash" | head -10
fi
"$ESGDIAG" --dump-options > "$tmp/table" || exit 2
while read -r name opts; do
	if [ "$name" != global ] && ! grep -q "^\.B $name\( \|$\)" "$man"; then
		echo "docs: docs/esgdiag.1 has no entry for the command '$name'"
		fail=$((fail + 1))
	fi
	for o in $opts; do
		roff=$(printf '%s' "$o" | sed 's/-/\\-/g')
		if grep -qF -- "$roff" "$man"; then
			pass=$((pass + 1))
		else
			echo "docs: docs/esgdiag.1 does not mention $o ($name)"
			fail=$((fail + 1))
		fi
	done
done < "$tmp/table"
echo "docs: $pass passed, $fail failed"
[ $fail = 0 ]
