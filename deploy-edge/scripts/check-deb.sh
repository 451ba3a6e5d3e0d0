#!/usr/bin/env bash
# Checks an entryexit-edge .deb: lists it, asserts the layout, owners and modes, that it holds no secret and
# nothing world-writable, that the control data is complete, and prints the unit's systemd-analyze score.
# Fails (exit 1) with every problem listed when something is wrong.
#
#   deploy-edge/scripts/check-deb.sh artifacts/deb/entryexit-edge_0.1.0_amd64.deb [--max-exposure 2.0]
set -euo pipefail

[ $# -ge 1 ] || { echo "usage: check-deb.sh FILE.deb [--max-exposure N]" >&2; exit 2; }
deb="$1"; shift
max_exposure=2.0
while [ $# -gt 0 ]; do
  case "$1" in --max-exposure) shift; max_exposure="$1" ;; *) echo "check-deb: unknown argument '$1'" >&2; exit 2 ;; esac
  shift
done
[ -f "$deb" ] || { echo "check-deb: no such file: $deb" >&2; exit 2; }

problems=()
fail() { problems+=("$*"); echo "  ✖ $*"; }
ok() { echo "  ✔ $*"; }

echo "== $deb"
dpkg-deb --info "$deb"
echo "== contents"
listing="$(dpkg-deb --contents "$deb")"
echo "$listing"

echo "== layout, owners and modes"
# mode  path (symlinks: "l" and their target)
expected=(
  "drwxr-x--- ./etc/entryexit-edge/"
  "-rw-r----- ./etc/entryexit-edge/config.json"
  "drwxr-xr-x ./usr/lib/entryexit-edge/"
  "-rwxr-xr-x ./usr/lib/entryexit-edge/entryexit-edge"
  "lrwxrwxrwx ./usr/bin/entryexit-edge -> ../lib/entryexit-edge/entryexit-edge"
  "-rw-r--r-- ./lib/systemd/system/entryexit-edge.service"
  "-rw-r--r-- ./lib/udev/rules.d/99-entryexit-readers.rules"
  "-rw-r--r-- ./usr/share/doc/entryexit-edge/README.md"
)
for entry in "${expected[@]}"; do
  mode="${entry%% *}"; rest="${entry#* }"
  # dpkg-deb -c: mode owner/group size date time path [-> target]
  line="$(awk -v p="$rest" '{ s = $6; for (i = 7; i <= NF; i++) s = s " " $i; if (s == p) print $1 " " $2 }' <<<"$listing")"
  if [ -z "$line" ]; then fail "missing: $rest"
  elif [ "$line" != "$mode root/root" ]; then fail "$rest is '$line', expected '$mode root/root'"
  else ok "$mode root/root $rest"; fi
done
before=${#problems[@]}
while read -r mode owner _ _ _ path _; do
  [ "$owner" = root/root ] || fail "$path owned by $owner (everything must be root/root in the archive)"
  case "$mode" in
    l*) ;;
    ?????????[wT]|????????w?) fail "$path is world-writable ($mode)" ;;
  esac
  case "$mode" in ???[sS]*|??????[sS]*) fail "$path is setuid/setgid ($mode)" ;; esac
  case "$path" in
    *.key|*.pem|*.p12|*.pfx|*.crt|*credstore*) fail "$path looks like key material: the package must ship none" ;;
    ./etc/entryexit-edge/*) [ "${mode:7:1}" = "-" ] || fail "$path under /etc is world-readable ($mode)" ;;
  esac
done <<<"$listing"
[ ${#problems[@]} -gt "$before" ] \
  || ok "all entries root/root; nothing world-writable, setuid, key-like, or world-readable in /etc/entryexit-edge"

echo "== control data"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
dpkg-deb --control "$deb" "$work/DEBIAN"
for field in Package Version Architecture Maintainer Installed-Size Depends Section Priority Description; do
  value="$(dpkg-deb --field "$deb" "$field")"
  if [ -n "$value" ]; then ok "$field: ${value%%$'\n'*}"; else fail "control field $field is missing"; fi
done
[ "$(dpkg-deb --field "$deb" Package)" = entryexit-edge ] || fail "Package is not entryexit-edge"
grep -qx /etc/entryexit-edge/config.json "$work/DEBIAN/conffiles" 2>/dev/null \
  && ok "conffiles: /etc/entryexit-edge/config.json" || fail "/etc/entryexit-edge/config.json is not a conffile"
for script in postinst prerm postrm; do
  f="$work/DEBIAN/$script"
  if [ ! -f "$f" ]; then fail "maintainer script $script is missing"; continue; fi
  [ -x "$f" ] || fail "$script is not executable"
  sh -n "$f" || fail "$script has a syntax error"
  # No key is ever generated or shipped by the package.
  if grep -vE '^[[:space:]]*#' "$f" | grep -nE 'urandom|openssl (genpkey|genrsa|req)|systemd-creds encrypt|provision'; then
    fail "$script generates key material"
  fi
done
grep -q 'useradd --system' "$work/DEBIAN/postinst" && ok "postinst creates the system user" || fail "postinst does not create the system user"
grep -q 'userdel' "$work/DEBIAN/postrm" && ok "postrm purge removes the user" || fail "postrm does not remove the user on purge"

echo "== payload"
dpkg-deb --extract "$deb" "$work/root"
bin="$work/root/usr/lib/entryexit-edge/entryexit-edge"
arch="$(dpkg-deb --field "$deb" Architecture)"
machine=$(od -An -tu2 -j18 -N2 "$bin" | tr -d ' ')
case "$arch:$machine" in
  amd64:62|arm64:183) ok "binary is an ELF for $arch" ;;
  *) fail "binary is ELF machine $machine, package says $arch" ;;
esac
if python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$work/root/etc/entryexit-edge/config.json" 2>/dev/null; then
  ok "config.json is valid JSON"
else
  fail "config.json is not valid JSON"
fi
if [ "$arch" = "$(dpkg --print-architecture)" ]; then
  if "$bin" --help >/dev/null 2>&1; then ok "entryexit-edge --help runs"; else fail "entryexit-edge --help fails"; fi
fi

echo "== unit security (systemd-analyze security --offline=true)"
unit="$work/root/lib/systemd/system/entryexit-edge.service"
if command -v systemd-analyze >/dev/null 2>&1; then
  score_line="$(systemd-analyze security --offline=true --no-pager "$unit" 2>&1 | grep 'Overall exposure level' || true)"
  echo "$score_line"
  score="$(grep -oE '[0-9]+\.[0-9]+' <<<"$score_line" | head -1)"
  if [ -z "$score" ]; then fail "systemd-analyze printed no score"
  elif awk -v s="$score" -v m="$max_exposure" 'BEGIN { exit !(s <= m) }'; then ok "exposure $score <= $max_exposure"
  else fail "exposure $score is above $max_exposure"; fi
else
  echo "  (systemd-analyze not installed: score not checked)"
fi

if [ ${#problems[@]} -gt 0 ]; then
  echo "check-deb: FAILED, ${#problems[@]} problem(s):" >&2
  printf '  - %s\n' "${problems[@]}" >&2
  exit 1
fi
echo "check-deb: OK"
