#!/usr/bin/env bash
# Runs a published gateway under an approximation of the unit's sandbox, for machines where systemd cannot start
# the unit itself (containers, CI). Needs root, unshare/setpriv (util-linux), a C compiler and libseccomp-dev.
#
#   deploy-edge/scripts/sandbox-check.sh [PUBLISH_DIR ...]     (default: every folder in artifacts/publish/)
#
# What is reproduced from entryexit-edge.service:
#   SystemCallFilter=@system-service ~@privileged, SystemCallErrorNumber=EPERM, SystemCallArchitectures=native
#     (the exact list, expanded by systemd-analyze, applied with seccomp by deploy-edge/tools/seccomp-exec.c)
#   NoNewPrivileges, CapabilityBoundingSet= (empty), a non-root user without supplementary groups
#   ProtectSystem=strict (every mount read-only), ProtectHome, PrivateTmp, ProtectKernelTunables (/proc/sys, /sys
#     read-only), StateDirectory and RuntimeDirectory (private writable tmpfs), TMPDIR=runtime directory
#   DevicePolicy=closed (a /dev holding only null, zero, full, random, urandom, tty, ptmx, pts, shm)
#   PrivateIPC, private PID namespace (/proc mounted anew, NOT hidepid: ProtectProc is not set)
# Not reproduced: IPAddressDeny/Allow (cgroup BPF), RestrictAddressFamilies, RestrictNamespaces, LockPersonality,
#   RestrictRealtime, ProtectClock, LoadCredential, Type=notify/WatchdogSec (need systemd as the service manager).
# Also tries MemoryDenyWriteExecute=yes (not in the unit) and reports what it does to each build.
set -euo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$repo/artifacts/sandbox"
[ "$(id -u)" = 0 ] || { echo "sandbox-check: run as root (it creates namespaces and mounts)" >&2; exit 2; }
for tool in unshare setpriv systemd-analyze cc; do
  command -v "$tool" >/dev/null || { echo "sandbox-check: $tool is missing" >&2; exit 2; }
done
[ -f /usr/include/seccomp.h ] || { echo "sandbox-check: seccomp.h missing: apt-get install -y libseccomp-dev" >&2; exit 2; }

dirs=("$@")
if [ ${#dirs[@]} -eq 0 ]; then
  for d in "$repo"/artifacts/publish/*/; do [ -x "$d/entryexit-edge" ] && dirs+=("${d%/}"); done
fi
[ ${#dirs[@]} -gt 0 ] || { echo "sandbox-check: nothing published: run deploy-edge/scripts/publish.sh first" >&2; exit 2; }

rm -rf "$work"; mkdir -p "$work"
cc -O2 -Wall -o "$work/seccomp-exec" "$repo/deploy-edge/tools/seccomp-exec.c" -lseccomp

# The unit's filter, expanded: @system-service minus @privileged.
expand() {
  systemd-analyze syscall-filter --no-pager "$1" | tail -n +2 | while read -r name _; do
    case "$name" in ''|'#'*) ;; @*) expand "$name" ;; *) echo "$name" ;; esac
  done
}
expand @system-service | sort -u > "$work/system-service.txt"
expand @privileged | sort -u > "$work/privileged.txt"
comm -23 "$work/system-service.txt" "$work/privileged.txt" > "$work/allow.txt"
echo "sandbox-check: $(wc -l < "$work/allow.txt") system calls allowed (@system-service ~@privileged)"

nobody=65534
failures=0
check() { # check NAME EXPECTED ACTUAL
  if [ "$2" = "$3" ]; then echo "  ✔ $1"; else echo "  ✖ $1 (expected '$2', got '$3')"; failures=$((failures + 1)); fi
}

# sandboxed [--mdwe] PUBLISH_DIR COMMAND...: runs COMMAND (a shell snippet, $BIN = the gateway) in the sandbox.
sandboxed() {
  local mdwe=""; if [ "$1" = --mdwe ]; then mdwe=--mdwe; shift; fi
  local pub="$1"; shift
  local box; box="$(mktemp -d "$work/box.XXXXXX")"
  mkdir -p "$box/bin" "$box/state" "$box/runtime" "$box/olddev" "$box/in"
  cp -a "$pub"/. "$box/bin/"
  cp "$work/seccomp-exec" "$work/allow.txt" "$box/"
  cp -a "$repo/samples/." "$box/in/" 2>/dev/null || true
  chmod -R a+rX "$box"
  BOX="$box" MDWE="$mdwe" NOBODY="$nobody" CMD="$*" unshare --mount --ipc --uts --pid --fork --mount-proc bash -c '
    set -e
    mount --make-rprivate /
    mount --bind /dev "$BOX/olddev"
    # ProtectSystem=strict: every mount read-only, except the API file systems.
    awk "{ print \$5 }" /proc/self/mountinfo | sort -u | while read -r mp; do
      case "$mp" in /proc|/proc/*|/sys|/sys/*|/dev|/dev/*|"$BOX/olddev") continue ;; esac
      mount -o remount,bind,ro "$mp" 2>/dev/null || echo "  (could not make $mp read-only)" >&2
    done
    # ProtectKernelTunables: /proc/sys and /sys read-only.
    for p in /proc/sys /sys; do mount --bind "$p" "$p" && mount -o remount,bind,ro "$p"; done
    # ProtectHome, PrivateTmp.
    for h in /home /root /run/user; do [ -d "$h" ] && mount -t tmpfs -o ro,mode=0755 tmpfs "$h"; done
    mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs /tmp
    mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs /var/tmp
    # StateDirectory (0700) and RuntimeDirectory (0750), owned by the service user.
    mount -t tmpfs -o mode=0700,uid=$NOBODY,gid=$NOBODY tmpfs "$BOX/state"
    mount -t tmpfs -o mode=0750,uid=$NOBODY,gid=$NOBODY tmpfs "$BOX/runtime"
    # DevicePolicy=closed: only the pseudo devices systemd always allows.
    mount -t tmpfs -o mode=0755,nosuid tmpfs /dev
    for n in null zero full random urandom tty ptmx; do touch "/dev/$n"; mount --bind "$BOX/olddev/$n" "/dev/$n"; done
    mkdir /dev/pts /dev/shm; mount -t devpts -o newinstance,ptmxmode=0666 devpts /dev/pts; mount -t tmpfs -o mode=1777 tmpfs /dev/shm
    umount -l "$BOX/olddev"
    cd "$BOX/state"
    exec setpriv --reuid "$NOBODY" --regid "$NOBODY" --clear-groups --no-new-privs --bounding-set=-all --inh-caps=-all \
      env -i PATH=/usr/bin:/bin HOME=/nonexistent TMPDIR="$BOX/runtime" DOTNET_gcServer=0 \
        BIN="$BOX/bin/entryexit-edge" BOX="$BOX" STATE="$BOX/state" RUNTIME="$BOX/runtime" \
      "$BOX/seccomp-exec" $MDWE "$BOX/allow.txt" /bin/sh -c "$CMD"
  '
  local rc=$?
  rm -rf "$box"
  return $rc
}

for pub in "${dirs[@]}"; do
  name="$(basename "$pub")"
  echo "== $name"
  if ! "$pub/entryexit-edge" --help >/dev/null 2>&1; then echo "  (does not run on this machine: skipped)"; continue; fi

  # The sandbox itself is in force.
  probe="$(sandboxed "$pub" '
    grep -E "^(NoNewPrivs|Seccomp|CapBnd|CapEff):" /proc/self/status | tr -s "\t " " "
    touch /usr/lib/.sandbox-probe 2>/dev/null && echo "usr: writable" || echo "usr: read-only"
    touch "$STATE/probe" && echo "state: writable"
    [ -e /dev/sda ] || [ -e /dev/vda ] || [ -e /dev/mem ] || echo "dev: closed"
    ls /home | wc -l | sed "s/^/home entries: /"
  ' 2>&1)" || true
  check "no_new_privs set" "NoNewPrivs: 1" "$(grep NoNewPrivs <<<"$probe")"
  check "seccomp filter active" "Seccomp: 2" "$(grep '^Seccomp:' <<<"$probe")"
  check "no capabilities" "CapBnd: 0000000000000000" "$(grep CapBnd <<<"$probe")"
  check "OS tree read-only" "usr: read-only" "$(grep '^usr:' <<<"$probe")"
  check "state directory writable" "state: writable" "$(grep '^state:' <<<"$probe")"
  check "block devices hidden" "dev: closed" "$(grep '^dev:' <<<"$probe")"
  check "home directories hidden" "home entries: 0" "$(grep '^home entries:' <<<"$probe")"

  # The runtime starts, JITs (or runs AOT code) and does real work under the filter: output identical to an
  # unsandboxed run.
  expected_help="$("$pub/entryexit-edge" --help 2>&1; echo "exit $?")"
  actual_help="$(sandboxed "$pub" '"$BIN" --help 2>&1; echo "exit $?"' 2>&1)" || true
  check "--help under the sandbox: same output and exit code" "$expected_help" "$actual_help"
  if [ -f "$repo/samples/documents.txt" ]; then
    expected_parse="$("$pub/entryexit-edge" mrz parse --json --today 2026-01-15 < "$repo/samples/documents.txt" 2>&1; echo "exit $?")"
    actual_parse="$(sandboxed "$pub" '"$BIN" mrz parse --json --today 2026-01-15 < "$BOX/in/documents.txt" 2>&1; echo "exit $?"' 2>&1)" || true
    check "mrz parse of samples/documents.txt under the sandbox: same output" "$expected_parse" "$actual_parse"
  fi

  # dotnet-counters: the diagnostics socket must appear in the runtime directory (TMPDIR), not the private /tmp.
  diag="$(sandboxed "$pub" '
    mkfifo "$RUNTIME/in"; exec 3<>"$RUNTIME/in"
    "$BIN" mrz parse --json < "$RUNTIME/in" > /dev/null 2>&1 3>&- &
    i=0; while [ $i -lt 100 ] && ! ls "$RUNTIME"/dotnet-diagnostic-* >/dev/null 2>&1; do i=$((i + 1)); sleep 0.1; done
    ls "$RUNTIME"/dotnet-diagnostic-* >/dev/null 2>&1 && echo "socket: present" || echo "socket: absent"
    exec 3>&-; wait
  ' 2>&1)" || true
  if [[ "$name" == *-aot ]]; then
    # Native AOT has no diagnostics server by default, so dotnet-counters cannot attach to it: reported only.
    echo "  ℹ diagnostics socket (dotnet-counters): $(grep '^socket:' <<<"$diag" | cut -d' ' -f2) (Native AOT)"
  else
    check "diagnostics socket in the runtime directory (dotnet-counters)" "socket: present" "$(grep '^socket:' <<<"$diag")"
  fi

  # MemoryDenyWriteExecute=yes is not in the unit; show why (informational, never a failure).
  mdwe="$(sandboxed --mdwe "$pub" '"$BIN" --help >/dev/null 2>&1; echo "exit $?"' 2>&1 | tail -1)" || true
  echo "  ℹ with MemoryDenyWriteExecute=yes added: --help ${mdwe:-crashed}"
done

if [ "$failures" -gt 0 ]; then echo "sandbox-check: $failures check(s) FAILED" >&2; exit 1; fi
echo "sandbox-check: OK"
