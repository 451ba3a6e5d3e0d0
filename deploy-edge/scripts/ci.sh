#!/usr/bin/env bash
# The deployment checks for CI, in one call (from .ci/run, as root):
#   publish linux-x64 -> build the .deb -> check it (layout, modes, no secrets, unit score <= 2.0, printed)
#   -> tarball install/upgrade/uninstall/purge in a scratch root -> the publish under the unit's sandbox.
# One publish only, to keep CI short; arm64 and Native AOT are release-time steps (publish.sh --rid all / --aot).
# Under CI=true, missing tools (libseccomp-dev, a C compiler) are installed with apt.
#
#   deploy-edge/scripts/ci.sh [VERSION]        (default 0.0.0~ci)
set -euo pipefail
scripts="$(cd "$(dirname "$0")" && pwd)"; repo="$(cd "$scripts/../.." && pwd)"
version="${1:-0.0.0~ci}"
cd "$repo"

if [ "${CI:-}" = true ] && [ "$(id -u)" = 0 ]; then
  need=()
  command -v dpkg-deb >/dev/null || need+=(dpkg)
  command -v cc >/dev/null || need+=(gcc)
  [ -f /usr/include/seccomp.h ] || need+=(libseccomp-dev)
  if [ ${#need[@]} -gt 0 ]; then
    echo "deploy-ci: installing ${need[*]}"
    apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  fi
fi

"$scripts/publish.sh" --rid linux-x64
"$scripts/build-deb.sh" "$version" amd64
"$scripts/check-deb.sh" "artifacts/deb/entryexit-edge_${version}_amd64.deb" | sed -n '/== layout/,$p'
if [ "$(id -u)" = 0 ]; then
  "$scripts/test-tarball.sh" amd64
  if [ -f /usr/include/seccomp.h ] && command -v cc >/dev/null; then
    "$scripts/sandbox-check.sh" artifacts/publish/linux-x64
  else
    echo "deploy-ci: sandbox-check skipped (needs libseccomp-dev and a C compiler)"
  fi
else
  echo "deploy-ci: test-tarball and sandbox-check skipped (need root)"
fi
echo "deploy-ci: $(systemd-analyze security --offline=true --no-pager deploy-edge/systemd/entryexit-edge.service 2>&1 | grep 'Overall exposure')"
