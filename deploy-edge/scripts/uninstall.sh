#!/usr/bin/env bash
# Removes a tarball install of the EntryExit.Edge gateway. Run as root:
#
#   sudo /usr/lib/entryexit-edge/scripts/uninstall.sh [--purge] [--root DIR]
#
# Without --purge the configuration (/etc/entryexit-edge), the keys (/etc/credstore/entryexit-edge), the outbox
# (/var/lib/entryexit-edge) and the user entryexit stay, so a re-install carries on where it stopped. Records
# still in the outbox have NOT reached the exchange: check `entryexit-edge status` first.
# --purge deletes all of them too (the gpio group stays: other software may use it).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
purge=0
while [ $# -gt 0 ]; do
  case "$1" in
    --purge) purge=1 ;;
    --root) shift; EE_ROOT="$(cd "${1:?--root needs a directory}" && pwd)" ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "uninstall.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
  shift
done
export EE_ROOT="${EE_ROOT:-}"
# shellcheck source=lib/system-setup.sh
. "$here/lib/system-setup.sh"

[ "$(id -u)" = 0 ] || { echo "uninstall.sh: run as root (sudo)" >&2; exit 2; }
if [ -z "$EE_ROOT" ] && command -v dpkg-query >/dev/null 2>&1 \
   && dpkg-query -W -f='${Status}' entryexit-edge 2>/dev/null | grep -q ' installed'; then
  echo "uninstall.sh: installed as a Debian package: use apt remove (or apt purge) entryexit-edge" >&2; exit 2
fi
if ee_have_systemd; then systemctl stop "$EE_UNIT" 2>/dev/null || true; fi
ee_systemctl disable "$EE_UNIT" >/dev/null 2>&1 || true
rm -rf "$EE_ROOT$EE_LIB" "$EE_ROOT$EE_LIB.previous" "$EE_ROOT$EE_LIB.new" "$EE_ROOT/usr/share/doc/entryexit-edge"
[ -L "$EE_ROOT/usr/bin/entryexit-edge" ] && rm -f "$EE_ROOT/usr/bin/entryexit-edge"
rm -f "$EE_ROOT/lib/systemd/system/$EE_UNIT" "$EE_ROOT/lib/udev/rules.d/99-entryexit-readers.rules"
ee_systemctl daemon-reload || true
ee_udev_reload
if [ "$purge" = 1 ]; then
  ee_purge
  ee_log "removed and purged: configuration, keys, outbox and user are gone"
else
  ee_log "removed; kept $EE_ETC, $EE_CREDSTORE, $EE_STATE and user $EE_USER (--purge deletes them)"
fi
