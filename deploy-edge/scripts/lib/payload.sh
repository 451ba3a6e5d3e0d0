# shellcheck shell=bash
# EntryExit.Edge tarball installs: file layout shared by install.sh and upgrade.sh (the same layout as the .deb).
# Expects system-setup.sh to be sourced first and $payload to be the extracted tarball's folder.

payload_check() {
  [ "$(id -u)" = 0 ] || { echo "$0: run as root (sudo)" >&2; exit 2; }
  [ -x "$payload/bin/entryexit-edge" ] && [ -f "$payload/systemd/entryexit-edge.service" ] || {
    echo "$0: no payload next to this script: run it from an extracted entryexit-edge tarball" >&2
    echo "  (made by deploy-edge/scripts/build-tarball.sh)" >&2; exit 2; }
  if [ -z "$EE_ROOT" ] && command -v dpkg-query >/dev/null 2>&1 \
     && dpkg-query -W -f='${Status}' entryexit-edge 2>/dev/null | grep -q ' installed'; then
    echo "$0: entryexit-edge is installed as a Debian package here: use apt/dpkg instead" >&2; exit 2
  fi
  if [ -z "$EE_ROOT" ] && [ -f "$payload/ARCH" ]; then
    local want have; want="$(cat "$payload/ARCH")"; have="$(uname -m)"
    case "$want:$have" in amd64:x86_64|arm64:aarch64) ;; *)
      echo "$0: this tarball is for $want, this machine is $have" >&2; exit 2 ;; esac
  fi
}

# Puts the new binary folder in place by renaming, so a running gateway keeps its files until restarted and a
# failed copy never leaves half a folder. The folder it replaces is kept as entryexit-edge.previous (rollback).
payload_install_files() {
  local lib="$EE_ROOT$EE_LIB" new="$EE_ROOT$EE_LIB.new"
  rm -rf "$new"
  install -d -m 0755 "$new" "$new/scripts" "$new/scripts/lib"
  local f
  for f in "$payload"/bin/*; do
    if [ "$(basename "$f")" = entryexit-edge ]; then install -m 0755 "$f" "$new/"; else install -m 0644 "$f" "$new/"; fi
  done
  install -m 0644 "$payload/VERSION" "$new/VERSION"
  # The shipped default, kept to tell on the next upgrade whether the default itself changed.
  install -m 0644 "$payload/config/config.json" "$new/config.default.json"
  install -m 0755 "$payload/uninstall.sh" "$new/scripts/"
  install -m 0644 "$payload/lib/system-setup.sh" "$new/scripts/lib/"
  if [ -d "$lib" ]; then rm -rf "$lib.previous"; mv "$lib" "$lib.previous"; fi
  mv "$new" "$lib"
  install -d -m 0755 "$EE_ROOT/usr/bin"
  ln -sfn ../lib/entryexit-edge/entryexit-edge "$EE_ROOT/usr/bin/entryexit-edge"
  install -D -m 0644 "$payload/systemd/entryexit-edge.service" "$EE_ROOT/lib/systemd/system/entryexit-edge.service"
  install -D -m 0644 "$payload/udev/99-entryexit-readers.rules" "$EE_ROOT/lib/udev/rules.d/99-entryexit-readers.rules"
  install -D -m 0644 "$payload/README.md" "$EE_ROOT/usr/share/doc/entryexit-edge/README.md"
}

# The configuration is the technician's: never overwritten. When the shipped default itself changed and the
# technician's file differs from it, the new default goes next to it as config.json.dist (dpkg's conffile rule).
# Call after payload_install_files (the previous default is then in $EE_LIB.previous).
payload_install_config() {
  local target="$EE_ROOT$EE_ETC/config.json" new_default="$payload/config/config.json"
  local old_default="$EE_ROOT$EE_LIB.previous/config.default.json"
  install -d -m 0750 "$EE_ROOT$EE_ETC"
  if [ ! -e "$target" ]; then
    install -m 0640 "$new_default" "$target"
  elif cmp -s "$new_default" "$target" || { [ -f "$old_default" ] && cmp -s "$new_default" "$old_default"; }; then
    : # unchanged default, or the technician's file already is the new default
  else
    install -m 0640 "$new_default" "$target.dist"
    ee_log "kept your $EE_ETC/config.json; the new default is $EE_ETC/config.json.dist"
  fi
}
