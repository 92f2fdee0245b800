#!/bin/sh
# Makes sure the Debian packages the build and the tests need are present.
# As root it installs what is missing (apt-get update, then install -y);
# otherwise it prints the exact command to run and fails.
set -eu

pkgs="pkg-config libyaml-dev libcsv-dev nettle-dev libjansson-dev libcmocka-dev gettext python3 python3-yaml cppcheck clang clang-tidy valgrind"
# Extra packages for one target (make bench asks for python3-pandas).
[ $# -gt 0 ] && pkgs="$*"
missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0

cmd="apt-get update && apt-get install -y --no-install-recommends$missing"
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "deps: installing$missing" >&2
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
else
	echo "deps: missing Debian packages:$missing" >&2
	echo "deps: run as root: $cmd" >&2
	exit 1
fi
