#!/usr/bin/env bash
# Builds the entryexit-edge Debian package from a publish output, with dpkg-deb (no debhelper needed).
#
#   deploy-edge/scripts/build-deb.sh VERSION ARCH [PUBLISH_DIR]
#     VERSION      Debian version, e.g. 0.1.0 or 0.1.0~rc1 (must start with a digit)
#     ARCH         amd64 or arm64 (Debian names; linux-x64 / linux-arm64 publishes)
#     PUBLISH_DIR  default artifacts/publish/<rid> (run deploy-edge/scripts/publish.sh first);
#                  pass artifacts/publish/linux-x64-aot for the Native AOT build
# Writes artifacts/deb/entryexit-edge_VERSION_ARCH.deb. Check it with deploy-edge/scripts/check-deb.sh.
#
# Layout: /usr/lib/entryexit-edge/ (binary + native libraries), /usr/bin/entryexit-edge (symlink),
# /lib/systemd/system/entryexit-edge.service, /lib/udev/rules.d/99-entryexit-readers.rules,
# /etc/entryexit-edge/config.json (conffile, 0640; postinst gives it group entryexit), README under
# /usr/share/doc/entryexit-edge/. The package ships no key: keys are made on the box.
set -euo pipefail

die() { echo "build-deb: $*" >&2; exit 1; }
[ $# -ge 2 ] && [ $# -le 3 ] || die "usage: build-deb.sh VERSION ARCH [PUBLISH_DIR]"
version="$1"; arch="$2"
[[ "$version" =~ ^[0-9][A-Za-z0-9.+~-]*$ ]] || die "VERSION '$version' is not a Debian version (e.g. 0.1.0)"
case "$arch" in
  amd64) rid=linux-x64; elf_machine=62 ;;
  arm64) rid=linux-arm64; elf_machine=183 ;;
  *) die "ARCH '$arch' must be amd64 or arm64" ;;
esac

deploy="$(cd "$(dirname "$0")/.." && pwd)"
repo="$(cd "$deploy/.." && pwd)"
publish="${3:-$repo/artifacts/publish/$rid}"
[ -x "$publish/entryexit-edge" ] || die "no executable at $publish/entryexit-edge: run deploy-edge/scripts/publish.sh --rid $rid first"
# The binary must be for ARCH: ELF e_machine is the 16-bit little-endian field at offset 18.
machine=$(od -An -tu2 -j18 -N2 "$publish/entryexit-edge" | tr -d ' ')
[ "$machine" = "$elf_machine" ] || die "$publish/entryexit-edge is ELF machine $machine, not $arch ($elf_machine)"

out="$repo/artifacts/deb"
stage="$out/entryexit-edge_${version}_${arch}"
deb="$out/entryexit-edge_${version}_${arch}.deb"
rm -rf "$stage" "$deb"
mkdir -p "$stage/DEBIAN"
umask 022

# Payload. Modes are set explicitly: the package must not depend on the builder's umask or checkout.
install -d -m 0755 "$stage/usr/lib/entryexit-edge" "$stage/usr/bin" "$stage/lib/systemd/system" \
  "$stage/lib/udev/rules.d" "$stage/usr/share/doc/entryexit-edge"
install -m 0755 "$publish/entryexit-edge" "$stage/usr/lib/entryexit-edge/entryexit-edge"
shopt -s nullglob
for lib in "$publish"/*.so "$publish"/*.so.*; do install -m 0644 "$lib" "$stage/usr/lib/entryexit-edge/"; done
# Anything else a publish leaves (managed .dll of a non-single-file build, runtime config) goes along too.
for f in "$publish"/*; do
  name="$(basename "$f")"
  [ -f "$f" ] && [ ! -e "$stage/usr/lib/entryexit-edge/$name" ] || continue
  case "$name" in *.pdb|*.dbg|*.xml) continue ;; esac
  install -m 0644 "$f" "$stage/usr/lib/entryexit-edge/"
done
shopt -u nullglob
ln -s ../lib/entryexit-edge/entryexit-edge "$stage/usr/bin/entryexit-edge"
install -m 0644 "$deploy/systemd/entryexit-edge.service" "$stage/lib/systemd/system/"
install -m 0644 "$deploy/udev/99-entryexit-readers.rules" "$stage/lib/udev/rules.d/"
install -d -m 0750 "$stage/etc/entryexit-edge"
install -m 0640 "$deploy/config/config.json" "$stage/etc/entryexit-edge/config.json"
install -m 0644 "$deploy/README.md" "$stage/usr/share/doc/entryexit-edge/README.md"
cat > "$stage/usr/share/doc/entryexit-edge/copyright" <<'COPYRIGHT'
EntryExit.Edge gateway. Self-contained .NET runtime (MIT, Microsoft and the .NET Foundation).
See the project repository for the full licence texts of the gateway and its NuGet dependencies.
COPYRIGHT
chmod 0644 "$stage/usr/share/doc/entryexit-edge/copyright"

# Maintainer scripts: the shared set-up functions are pasted in so each script stands alone.
for script in postinst prerm postrm; do
  awk -v lib="$deploy/scripts/lib/system-setup.sh" '
    /^#EE_SYSTEM_SETUP#$/ { while ((getline line < lib) > 0) print line; next } { print }
  ' "$deploy/debian/$script" > "$stage/DEBIAN/$script"
  chmod 0755 "$stage/DEBIAN/$script"
  sh -n "$stage/DEBIAN/$script" || die "$script: syntax error"
done
echo /etc/entryexit-edge/config.json > "$stage/DEBIAN/conffiles"
chmod 0644 "$stage/DEBIAN/conffiles"

installed_kib=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
# Self-contained .NET: libc, libgcc, libstdc++ for the runtime, OpenSSL for TLS to the broker. passwd for
# useradd/groupadd in postinst. libgpiod is only needed on boards whose GPIO driver uses it.
cat > "$stage/DEBIAN/control" <<CONTROL
Package: entryexit-edge
Version: $version
Architecture: $arch
Maintainer: EntryExit.Edge maintainers <entryexit-edge@localhost>
Installed-Size: $installed_kib
Depends: libc6 (>= 2.31), libgcc-s1, libstdc++6, libssl3 | libssl3t64, passwd
Recommends: systemd (>= 247), udev
Suggests: libgpiod2 | libgpiod3
Section: net
Priority: optional
Description: EntryExit.Edge gateway for Canada-U.S. land ports of entry
 Reads passport and ID card MRZ scans from booth document readers (serial/USB)
 and booth sensors (GPIO), classifies each document locally, keeps eligible
 entry records in an encrypted SQLite outbox and forwards them over MQTT/TLS to
 the central exchange. No record of Canadian or U.S. citizens is kept or sent.
 .
 Runs as the systemd service entryexit-edge under the system user entryexit.
 Keys are not shipped: see /usr/share/doc/entryexit-edge/README.md.
CONTROL
chmod 0644 "$stage/DEBIAN/control"

dpkg-deb --root-owner-group -Zxz --build "$stage" "$deb" >/dev/null
echo "build-deb: $deb ($(( $(stat -c %s "$deb") / 1024 )) KiB, installed $installed_kib KiB)"
