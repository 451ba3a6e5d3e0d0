# shellcheck shell=sh
# EntryExit.Edge: system set-up shared by the Debian maintainer scripts (build-deb.sh pastes this file into
# postinst and postrm) and the tarball scripts (install.sh, upgrade.sh and uninstall.sh source it).
# POSIX sh. EE_ROOT (default empty) points everything at another root directory, for tests and image builds:
# then no service manager or udev is touched and users are written with the shadow tools' --prefix.
# Never creates, prints or copies a key: keys are provisioned on the box by the technician.

EE_ROOT="${EE_ROOT:-}"
EE_USER=entryexit
EE_LIB=/usr/lib/entryexit-edge
EE_ETC=/etc/entryexit-edge
EE_STATE=/var/lib/entryexit-edge
EE_CREDSTORE=/etc/credstore/entryexit-edge
EE_UNIT=entryexit-edge.service

ee_log() { echo "entryexit-edge: $*"; }

ee_shadow() { # ee_shadow TOOL ARGS...: a shadow tool (useradd, groupadd...) acting on $EE_ROOT.
  ee_tool="$1"; shift
  if [ -n "$EE_ROOT" ]; then "$ee_tool" --prefix "$EE_ROOT" "$@"; else "$ee_tool" "$@"; fi
}

ee_group_exists() { grep -q "^$1:" "$EE_ROOT/etc/group"; }
ee_user_exists() { grep -q "^$1:" "$EE_ROOT/etc/passwd"; }
ee_gid() { awk -F: -v n="$1" '$1 == n { print $3 }' "$EE_ROOT/etc/group"; }
ee_uid() { awk -F: -v n="$1" '$1 == n { print $3 }' "$EE_ROOT/etc/passwd"; }

# The system user and its groups: dialout opens serial readers, gpio opens /dev/gpiochip* (the udev rule gives
# the chips to group gpio). Boards without a gpio group get a system group of that name.
ee_ensure_user() {
  ee_group_exists "$EE_USER" || ee_shadow groupadd --system "$EE_USER"
  if ! ee_user_exists "$EE_USER"; then
    ee_shadow useradd --system --gid "$EE_USER" --home-dir "$EE_STATE" --no-create-home \
      --shell /usr/sbin/nologin --comment "EntryExit.Edge gateway" "$EE_USER"
    ee_log "created system user $EE_USER"
  fi
  ee_group_exists dialout || ee_shadow groupadd --system dialout
  ee_group_exists gpio || { ee_shadow groupadd --system gpio; ee_log "created system group gpio"; }
  ee_shadow usermod --append --groups dialout,gpio "$EE_USER"
}

# Modes that keep secrets and configuration away from other users. Applied on every install and upgrade.
ee_fix_permissions() {
  ee_g="$(ee_gid "$EE_USER")"; ee_u="$(ee_uid "$EE_USER")"
  # Configuration: root writes, the service reads, nobody else. No secrets live here (keys come as credentials),
  # but broker names, port codes and certificate paths are nobody else's business either.
  install -d -m 0750 -o 0 -g "$ee_g" "$EE_ROOT$EE_ETC"
  for ee_f in "$EE_ROOT$EE_ETC"/*; do
    [ -f "$ee_f" ] || continue
    chown "0:$ee_g" "$ee_f"; chmod 0640 "$ee_f"
  done
  # Keys: root only; systemd's LoadCredential= hands the service a private copy at start.
  [ -d "$EE_ROOT/etc/credstore" ] || install -d -m 0700 -o 0 -g 0 "$EE_ROOT/etc/credstore"
  install -d -m 0700 -o 0 -g 0 "$EE_ROOT$EE_CREDSTORE"
  for ee_f in "$EE_ROOT$EE_CREDSTORE"/*; do
    [ -f "$ee_f" ] || continue
    chown 0:0 "$ee_f"; chmod 0600 "$ee_f"
  done
  # State (the outbox): systemd's StateDirectory= creates it too; made here for runs outside systemd.
  install -d -m 0700 -o "$ee_u" -g "$ee_g" "$EE_ROOT$EE_STATE"
}

ee_have_systemd() { [ -z "$EE_ROOT" ] && [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; }

ee_systemctl() { # systemctl on the running system, or on $EE_ROOT's unit links (enable/disable work offline).
  command -v systemctl >/dev/null 2>&1 || return 0
  if [ -n "$EE_ROOT" ]; then
    case "$1" in enable|disable|is-enabled) systemctl --root="$EE_ROOT" "$@" ;; *) return 0 ;; esac
  elif [ -d /run/systemd/system ]; then systemctl "$@"
  else case "$1" in enable|disable|is-enabled) systemctl "$@" ;; *) return 0 ;; esac
  fi
}

ee_udev_reload() {
  [ -z "$EE_ROOT" ] && command -v udevadm >/dev/null 2>&1 && [ -S /run/udev/control ] || return 0
  udevadm control --reload-rules || true
  udevadm trigger --action=add --subsystem-match=tty --subsystem-match=gpio || true
}

# Purge: the outbox, the configuration directory (certificates the technician placed included) and the keys.
# The gpio group stays: other software may use it.
ee_purge() {
  rm -rf "$EE_ROOT$EE_STATE" "$EE_ROOT$EE_ETC" "$EE_ROOT$EE_CREDSTORE" "$EE_ROOT/run/entryexit-edge"
  rm -rf "$EE_ROOT/etc/systemd/system/$EE_UNIT.d"
  if ee_user_exists "$EE_USER"; then ee_shadow userdel "$EE_USER"; ee_log "removed system user $EE_USER"; fi
  if ee_group_exists "$EE_USER"; then ee_shadow groupdel "$EE_USER"; fi
}
