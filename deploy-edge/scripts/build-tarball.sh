#!/usr/bin/env bash
# Builds the tarball for boxes without apt: a publish output plus the unit, udev rule, default configuration and
# install.sh / upgrade.sh / uninstall.sh, laid out as those scripts expect.
#
#   deploy-edge/scripts/build-tarball.sh VERSION ARCH [PUBLISH_DIR]     (ARCH: amd64 or arm64)
# Writes artifacts/tarball/entryexit-edge-VERSION-ARCH.tar.gz (one top folder of the same name).
set -euo pipefail
die() { echo "build-tarball: $*" >&2; exit 1; }
[ $# -ge 2 ] && [ $# -le 3 ] || die "usage: build-tarball.sh VERSION ARCH [PUBLISH_DIR]"
version="$1"; arch="$2"
case "$arch" in amd64) rid=linux-x64 ;; arm64) rid=linux-arm64 ;; *) die "ARCH must be amd64 or arm64" ;; esac
deploy="$(cd "$(dirname "$0")/.." && pwd)"; repo="$(cd "$deploy/.." && pwd)"
publish="${3:-$repo/artifacts/publish/$rid}"
[ -x "$publish/entryexit-edge" ] || die "no executable at $publish/entryexit-edge: run publish.sh --rid $rid first"

name="entryexit-edge-$version-$arch"
out="$repo/artifacts/tarball"; stage="$out/$name"
rm -rf "$stage" "$out/$name.tar.gz"; mkdir -p "$stage"/{bin,systemd,udev,config,lib}
umask 022
cp -a "$publish"/. "$stage/bin/"
find "$stage/bin" \( -name '*.pdb' -o -name '*.dbg' -o -name '*.xml' \) -delete
install -m 0644 "$deploy/systemd/entryexit-edge.service" "$stage/systemd/"
install -m 0644 "$deploy/udev/99-entryexit-readers.rules" "$stage/udev/"
install -m 0640 "$deploy/config/config.json" "$stage/config/"
install -m 0755 "$deploy/scripts/install.sh" "$deploy/scripts/upgrade.sh" "$deploy/scripts/uninstall.sh" "$stage/"
install -m 0644 "$deploy/scripts/lib/system-setup.sh" "$deploy/scripts/lib/payload.sh" "$stage/lib/"
install -m 0644 "$deploy/README.md" "$stage/"
echo "$version" > "$stage/VERSION"; echo "$arch" > "$stage/ARCH"
tar -C "$out" --owner=0 --group=0 --numeric-owner -czf "$out/$name.tar.gz" "$name"
echo "build-tarball: $out/$name.tar.gz ($(( $(stat -c %s "$out/$name.tar.gz") / 1024 )) KiB)"
