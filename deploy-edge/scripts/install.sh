#!/usr/bin/env bash
# Installs the EntryExit.Edge gateway from an extracted tarball on a box without apt: the same layout, user and
# modes as the Debian package. Run as root from the tarball's folder:
#
#   sudo ./install.sh [--root DIR]
#
# --root DIR installs into another root directory (image builds, tests): no service manager or udev is touched.
# Enables the service but does not start it: keys, port and broker come first (see README.md).
set -euo pipefail
payload="$(cd "$(dirname "$0")" && pwd)"
while [ $# -gt 0 ]; do
  case "$1" in
    --root) shift; EE_ROOT="$(cd "${1:?--root needs a directory}" && pwd)" ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
  shift
done
export EE_ROOT="${EE_ROOT:-}"
# shellcheck source=lib/system-setup.sh
. "$payload/lib/system-setup.sh"
# shellcheck source=lib/payload.sh
. "$payload/lib/payload.sh"

payload_check
if [ -e "$EE_ROOT$EE_LIB/entryexit-edge" ]; then
  echo "install.sh: already installed ($(cat "$EE_ROOT$EE_LIB/VERSION" 2>/dev/null || echo '?')): use upgrade.sh" >&2
  exit 2
fi
ee_ensure_user
payload_install_files
payload_install_config
ee_fix_permissions
ee_udev_reload
ee_systemctl daemon-reload || true
ee_systemctl enable "$EE_UNIT" >/dev/null 2>&1 || true
ee_log "installed $(cat "$payload/VERSION")."
ee_log "Next: put outbox.key and client.key in $EE_CREDSTORE (mode 0600), fill in Gateway.PortCode,"
ee_log "  Gateway.PortName and Mqtt.Host in $EE_ETC/config.json, then: systemctl start entryexit-edge"
