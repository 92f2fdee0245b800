#!/bin/sh
# Renders the HTML report in headless Chromium (Debian's chromium) to a PDF
# and checks that it loads without console errors and prints.  Chromium is
# installed when missing and we are root; otherwise the test is skipped with
# a clear message (it is the only test that needs a browser).
set -u
ESGDIAG=$1
here=$(cd "$(dirname "$0")" && pwd)
if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ] &&
    command -v apt-get >/dev/null 2>&1; then
	echo "html: installing Debian's chromium for the rendering test" >&2
	DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -qq chromium \
	    >/dev/null 2>&1 || true
fi
if ! command -v chromium >/dev/null 2>&1; then
	echo "html: SKIPPED: chromium is not installed (apt-get install chromium)"
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
for ex in "$here"/../../questionnaires/examples/*.csv; do
	name=$(basename "$ex" .csv)
	"$ESGDIAG" score -f html --sheets all "$ex" > "$tmp/$name.html" || { fail=$((fail + 1)); continue; }
	timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic \
	    --no-first-run --disable-background-networking --disable-component-update \
	    --disable-sync --user-data-dir="$tmp/profile" --enable-logging=stderr --v=0 \
	    --print-to-pdf="$tmp/$name.pdf" "file://$tmp/$name.html" 2> "$tmp/$name.log"
	if [ -s "$tmp/$name.pdf" ] && head -c 5 "$tmp/$name.pdf" | grep -q '%PDF' &&
	    ! grep -q 'CONSOLE' "$tmp/$name.log"; then
		pass=$((pass + 1))
	else
		echo "html: $name did not render cleanly:"
		grep CONSOLE "$tmp/$name.log" | head -5
		fail=$((fail + 1))
	fi
done
# Positioning among peers: the page with box plots and markers loads and
# prints cleanly, and every marker and box sits where the JSON result of the
# same run puts the score and the group's quartiles (x = 250 + 4 * value).
obs="$here/../cli/fixtures/peers-hand.json"
hq="$here/../cli/fixtures/hand.yaml"
ha="$here/../cli/fixtures/hand-peers.csv"
"$ESGDIAG" -q "$hq" score -f html --peers "$obs" "$ha" > "$tmp/peers.html" &&
    "$ESGDIAG" -q "$hq" score -f json --peers "$obs" "$ha" > "$tmp/peers.json"
timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic \
    --no-first-run --disable-background-networking --disable-component-update \
    --disable-sync --user-data-dir="$tmp/profile" --enable-logging=stderr --v=0 \
    --print-to-pdf="$tmp/peers.pdf" "file://$tmp/peers.html" 2> "$tmp/peers.log"
if [ -s "$tmp/peers.pdf" ] && ! grep -q CONSOLE "$tmp/peers.log" &&
    python3 "$here/peers_check.py" "$tmp/peers.html" "$tmp/peers.json"; then
	pass=$((pass + 1))
else
	echo "html: the page with peers did not render or place its markers right"
	fail=$((fail + 1))
fi
# The observatory page (French): printed to PDF and captured as an image,
# with its three box plots and five tables.
agg="$tmp/observatoire.html"
LC_ALL=fr_FR.UTF-8 "$ESGDIAG" score -f html --aggregate --by type --min-group 1 \
    "$here"/../../questionnaires/examples/*.csv > "$agg"
timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic \
    --no-first-run --disable-background-networking --disable-component-update \
    --disable-sync --user-data-dir="$tmp/profile" --enable-logging=stderr --v=0 \
    --window-size=1100,2600 --screenshot="$tmp/observatoire.png" \
    "file://$agg" 2> "$tmp/agg.log"
timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic \
    --no-first-run --disable-background-networking --disable-component-update \
    --disable-sync --user-data-dir="$tmp/profile" \
    --print-to-pdf="$tmp/observatoire.pdf" "file://$agg" 2>> "$tmp/agg.log"
if [ -s "$tmp/observatoire.png" ] && head -c 5 "$tmp/observatoire.pdf" | grep -q '%PDF' &&
    ! grep -q CONSOLE "$tmp/agg.log" && [ "$(grep -c '<svg' "$agg")" = 3 ] &&
    [ "$(grep -c '<table' "$agg")" = 5 ] && ! grep -q '<pre' "$agg"; then
	pass=$((pass + 1))
else
	echo "html: the observatory page did not render cleanly"
	fail=$((fail + 1))
fi
echo "html: $pass passed, $fail failed"
[ $fail = 0 ]
