#!/bin/sh
# Makes sure the Debian packages a target needs are present:
#   sh tools/deps.sh build     what `make` needs (compiler, pkg-config modules, msgfmt)
#   sh tools/deps.sh check     what the tests and the linters add to it
#   sh tools/deps.sh PKG...    those packages (make bench asks for python3-pandas)
# As root it installs what is missing (apt-get update, then install -y);
# otherwise it prints the exact command to run and fails.
set -eu

build="pkg-config libyaml-dev libcsv-dev nettle-dev libjansson-dev gettext"
check="libcmocka-dev python3 python3-yaml libxml2-utils tmux locales cppcheck clang clang-tidy valgrind"
case "${1:-build}" in
build) pkgs=$build ;;
check) pkgs="$build $check" ;;
*) pkgs="$*" ;;
esac
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
