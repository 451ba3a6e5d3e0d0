#!/usr/bin/env bash
# Upgrades a tarball install of the EntryExit.Edge gateway. Run as root from the NEW tarball's folder:
#
#   sudo ./upgrade.sh [--root DIR]
#
# Keeps /etc/entryexit-edge (a changed default lands in config.json.dist), the keys and the outbox; replaces the
# binary, the unit and the udev rule; restarts the gateway if it was running. The replaced binary folder stays as
# /usr/lib/entryexit-edge.previous: to roll back, swap the two folders and restart.
set -euo pipefail
payload="$(cd "$(dirname "$0")" && pwd)"
while [ $# -gt 0 ]; do
  case "$1" in
    --root) shift; EE_ROOT="$(cd "${1:?--root needs a directory}" && pwd)" ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "upgrade.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
  shift
done
export EE_ROOT="${EE_ROOT:-}"
# shellcheck source=lib/system-setup.sh
. "$payload/lib/system-setup.sh"
# shellcheck source=lib/payload.sh
. "$payload/lib/payload.sh"

payload_check
if [ ! -e "$EE_ROOT$EE_LIB/entryexit-edge" ]; then
  echo "upgrade.sh: entryexit-edge is not installed: use install.sh" >&2; exit 2
fi
old="$(cat "$EE_ROOT$EE_LIB/VERSION" 2>/dev/null || echo '?')"
ee_ensure_user
payload_install_files
payload_install_config
ee_fix_permissions
ee_udev_reload
ee_systemctl daemon-reload || true
ee_log "upgraded $old -> $(cat "$payload/VERSION")"
if ee_have_systemd; then
  if systemctl is-active --quiet "$EE_UNIT"; then
    systemctl restart "$EE_UNIT" && ee_log "restarted" || {
      ee_log "restart FAILED: journalctl -u entryexit-edge -n 50; roll back by swapping $EE_LIB.previous"; exit 1; }
  else
    ee_log "the gateway was not running; start it with: systemctl start entryexit-edge"
  fi
fi
