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
echo "html: $pass passed, $fail failed"
[ $fail = 0 ]
