#!/usr/bin/env bash
# End-to-end check of the tarball scripts in a scratch root (nothing on this machine changes): install, modes and
# owners, upgrade keeping configuration, keys and outbox, uninstall keeping them, --purge removing them.
# Needs root (to set owners) and a publish output (deploy-edge/scripts/publish.sh).
#
#   deploy-edge/scripts/test-tarball.sh [ARCH]      (default amd64)
set -euo pipefail
arch="${1:-amd64}"
deploy="$(cd "$(dirname "$0")/.." && pwd)"; repo="$(cd "$deploy/.." && pwd)"
[ "$(id -u)" = 0 ] || { echo "test-tarball: run as root" >&2; exit 2; }
scratch="$(mktemp -d)"; trap 'rm -rf "$scratch"' EXIT
root="$scratch/root"; mkdir -p "$root/etc"
cp /etc/passwd /etc/group /etc/shadow /etc/gshadow "$root/etc/"
[ -f /etc/login.defs ] && cp /etc/login.defs "$root/etc/"

failures=0
expect() { # expect DESCRIPTION COMMAND...
  local what="$1"; shift
  if "$@" >/dev/null 2>&1; then echo "  ✔ $what"; else echo "  ✖ $what"; failures=$((failures + 1)); fi
}
# stat_is "MODE OWNER:GROUP" PATH, names among root and entryexit (compared by number: the scratch root's
# entryexit group does not exist on this machine).
stat_is() {
  local want="${1//root/0}"; want="${want//entryexit/$gid}"
  [ "$(stat -c '%A %u:%g' "$root$2" 2>/dev/null)" = "$want" ]
}

for v in 0.0.1 0.0.2; do
  "$deploy/scripts/build-tarball.sh" "$v" "$arch" >/dev/null
  tar -C "$scratch" -xzf "$repo/artifacts/tarball/entryexit-edge-$v-$arch.tar.gz"
done
rm -rf "$repo"/artifacts/tarball/entryexit-edge-0.0.[12]-"$arch" "$repo"/artifacts/tarball/entryexit-edge-0.0.[12]-"$arch".tar.gz
new="$scratch/entryexit-edge-0.0.2-$arch"; old="$scratch/entryexit-edge-0.0.1-$arch"

echo "== install"
"$old/install.sh" --root "$root" >/dev/null
gid="$(awk -F: '$1 == "entryexit" { print $3 }' "$root/etc/group")"
expect "system user entryexit, shell nologin" grep -q '^entryexit:x:[0-9]*:[0-9]*:[^:]*:/var/lib/entryexit-edge:/usr/sbin/nologin$' "$root/etc/passwd"
expect "entryexit in dialout and gpio" bash -c "grep -q '^dialout:.*entryexit' '$root/etc/group' && grep -q '^gpio:.*entryexit' '$root/etc/group'"
expect "binary 0755 root" stat_is "-rwxr-xr-x root:root" /usr/lib/entryexit-edge/entryexit-edge
expect "/usr/bin symlink" test "$(readlink "$root/usr/bin/entryexit-edge")" = ../lib/entryexit-edge/entryexit-edge
expect "unit 0644" stat_is "-rw-r--r-- root:root" /lib/systemd/system/entryexit-edge.service
expect "udev rule 0644" stat_is "-rw-r--r-- root:root" /lib/udev/rules.d/99-entryexit-readers.rules
expect "config dir 0750 root:entryexit" stat_is "drwxr-x--- root:entryexit" /etc/entryexit-edge
expect "config 0640 root:entryexit" stat_is "-rw-r----- root:entryexit" /etc/entryexit-edge/config.json
expect "key dir 0700 root" stat_is "drwx------ root:root" /etc/credstore/entryexit-edge
expect "no key shipped" test -z "$(ls -A "$root/etc/credstore/entryexit-edge")"
expect "state dir 0700 entryexit" test "$(stat -c '%a %u' "$root/var/lib/entryexit-edge")" = "700 $(awk -F: '$1 == "entryexit" { print $3 }' "$root/etc/passwd")"
expect "service enabled" test -L "$root/etc/systemd/system/multi-user.target.wants/entryexit-edge.service"
expect "nothing world-writable" test -z "$(find "$root" -path "$root/etc" -prune -o ! -type l -perm -o+w -print)"
expect "second install refused" bash -c "! '$new/install.sh' --root '$root'"

echo "== upgrade"
sed -i 's/"PortCode": ""/"PortCode": "0427"/' "$root/etc/entryexit-edge/config.json"
chmod 0644 "$root/etc/entryexit-edge/config.json"
head -c 32 /dev/urandom > "$root/etc/credstore/entryexit-edge/outbox.key"; chmod 0644 "$root/etc/credstore/entryexit-edge/outbox.key"
echo pending > "$root/var/lib/entryexit-edge/outbox.db"
"$new/upgrade.sh" --root "$root" >/dev/null
expect "new version in place" test "$(cat "$root/usr/lib/entryexit-edge/VERSION")" = 0.0.2
expect "previous version kept for rollback" test "$(cat "$root/usr/lib/entryexit-edge.previous/VERSION")" = 0.0.1
expect "technician's configuration kept" grep -q '"PortCode": "0427"' "$root/etc/entryexit-edge/config.json"
expect "no config.json.dist when the default did not change" test ! -e "$root/etc/entryexit-edge/config.json.dist"
expect "config mode restored to 0640" stat_is "-rw-r----- root:entryexit" /etc/entryexit-edge/config.json
expect "key kept, mode tightened to 0600 root" bash -c "[ -s '$root/etc/credstore/entryexit-edge/outbox.key' ] && [ \"\$(stat -c %a '$root/etc/credstore/entryexit-edge/outbox.key')\" = 600 ]"
expect "outbox kept" grep -q pending "$root/var/lib/entryexit-edge/outbox.db"

echo "== uninstall"
"$root/usr/lib/entryexit-edge/scripts/uninstall.sh" --root "$root" >/dev/null
expect "binary, unit and rule removed" bash -c "[ ! -e '$root/usr/lib/entryexit-edge' ] && [ ! -e '$root/lib/systemd/system/entryexit-edge.service' ] && [ ! -e '$root/lib/udev/rules.d/99-entryexit-readers.rules' ] && [ ! -L '$root/usr/bin/entryexit-edge' ]"
expect "service disabled" test ! -e "$root/etc/systemd/system/multi-user.target.wants/entryexit-edge.service"
expect "configuration, key, outbox and user kept" bash -c "[ -f '$root/etc/entryexit-edge/config.json' ] && [ -f '$root/etc/credstore/entryexit-edge/outbox.key' ] && [ -f '$root/var/lib/entryexit-edge/outbox.db' ] && grep -q '^entryexit:' '$root/etc/passwd'"

echo "== purge"
"$new/install.sh" --root "$root" >/dev/null
"$root/usr/lib/entryexit-edge/scripts/uninstall.sh" --purge --root "$root" >/dev/null
expect "configuration, keys and outbox deleted" bash -c "[ ! -e '$root/etc/entryexit-edge' ] && [ ! -e '$root/etc/credstore/entryexit-edge' ] && [ ! -e '$root/var/lib/entryexit-edge' ]"
expect "user and group entryexit deleted" bash -c "! grep -q '^entryexit:' '$root/etc/passwd' && ! grep -q '^entryexit:' '$root/etc/group'"

if [ "$failures" -gt 0 ]; then echo "test-tarball: $failures check(s) FAILED" >&2; exit 1; fi
echo "test-tarball: OK"
