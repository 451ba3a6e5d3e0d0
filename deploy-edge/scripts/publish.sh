#!/usr/bin/env bash
# Self-contained publishes of the gateway executable (entryexit-edge) for the booth boxes.
#
#   deploy-edge/scripts/publish.sh [--rid linux-x64|linux-arm64|all] [--aot] [--no-measure]
#
# Variants (output under artifacts/publish/<variant>/, artifacts/ is gitignored):
#   <rid>        self-contained, trimmed, single file; native libraries (SQLite, serial, libgpiod shims)
#                stay next to the binary so the package can ship them under /usr/lib/entryexit-edge/.
#   <rid>-aot    Native AOT. Needs clang (apt-get install -y clang zlib1g-dev). Cross-compiling linux-arm64 on an
#                x64 machine also needs lld and Debian's arm64 cross toolchain:
#                apt-get install -y lld gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu libc6-dev-arm64-cross
#                (the binary then needs glibc at least as new as the one it was linked against).
# Start-up time is measured where the binary runs natively. An arm64 build on x64 is only checked to run under
# qemu-user when qemu-user-static and libc6-arm64-cross are installed: emulated timings mean nothing.
#
# Trim and AOT analysis warnings are reported (counted, full log kept), not turned into errors, so a
# dependency that is not annotated (System.Device.Gpio, Iot.Device.Bindings, Microsoft.Data.Sqlite) is visible
# without blocking the package. Compiler warnings in our own code stay errors (Directory.Build.props).
# One publish at a time: the build machines have few cores.
set -euo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
project="$repo/src/EntryExit.Edge.Host/EntryExit.Edge.Host.csproj"
out_root="$repo/artifacts/publish"
rids=(linux-x64)
aot=0
measure=1

while [ $# -gt 0 ]; do
  case "$1" in
    --rid) shift; case "${1:-}" in all) rids=(linux-x64 linux-arm64) ;; linux-x64|linux-arm64) rids=("$1") ;;
             *) echo "publish: unknown --rid '${1:-}' (linux-x64, linux-arm64 or all)" >&2; exit 2 ;; esac ;;
    --aot) aot=1 ;;
    --no-measure) measure=0 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "publish: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
mkdir -p "$out_root"
summary="$out_root/summary.txt"
host_rid="$(dotnet --info | sed -n 's/^ *RID: *//p' | head -1)"

# Prints the size of a publish folder and, when the binary runs on this machine, its start-up time.
report() {
  local variant="$1" dir="$2" log="$3"
  local bin="$dir/entryexit-edge" size_all size_bin warnings startup="not measured (other architecture)"
  size_all=$(du -sk "$dir" | cut -f1)
  size_bin=$(stat -c %s "$bin")
  # Distinct trim/AOT analysis warnings (ILxxxx), each counted once.
  warnings=$(grep -oE 'warning IL[0-9]{4}[^[]*' "$log" | sort -u | wc -l || true)
  if [[ "$variant" == linux-arm64* ]] && [ "$(uname -m)" != aarch64 ]; then
    if command -v qemu-aarch64-static >/dev/null && [ -d /usr/aarch64-linux-gnu/lib ]; then
      if QEMU_LD_PREFIX=/usr/aarch64-linux-gnu qemu-aarch64-static "$bin" --help >/dev/null 2>&1; then
        startup="not measured (runs under qemu-user; emulated timing is meaningless)"
      else
        startup="not measured; FAILED to run under qemu-user"
      fi
    fi
  elif [ "$measure" = 1 ] && "$bin" --help >/dev/null 2>&1; then
    # Best of 5 cold-ish starts of `--help` (the run command needs a configuration and hardware).
    local best=999999 t0 t1 ms
    for _ in 1 2 3 4 5; do
      t0=$(date +%s%N); "$bin" --help >/dev/null; t1=$(date +%s%N)
      ms=$(( (t1 - t0) / 1000000 )); [ "$ms" -lt "$best" ] && best=$ms
    done
    startup="${best} ms (best of 5, --help)"
  fi
  local line
  line=$(printf '%-18s binary %6s KiB, folder %6s KiB, %s IL warnings, start-up %s' \
    "$variant" "$((size_bin / 1024))" "$size_all" "$warnings" "$startup")
  # One line per variant in the summary: the latest measurement replaces the previous one.
  if [ -f "$summary" ]; then grep -v "^$variant " "$summary" > "$summary.tmp" || true; mv "$summary.tmp" "$summary"; fi
  echo "$line" | tee -a "$summary"
  if [ "$warnings" -gt 0 ]; then
    grep -oE 'warning IL[0-9]{4}[^[]*' "$log" | sort -u | sed 's/^/    /'
  fi
}

publish() {
  local rid="$1" variant="$1" extra=()
  if [ "$aot" = 1 ]; then
    variant="$rid-aot"
    extra=(-p:PublishAot=true -p:StripSymbols=true -p:IlcTreatWarningsAsErrors=false)
    if [ "$rid" != "$host_rid" ]; then
      # Cross-AOT (x64 -> arm64): clang targets aarch64-linux-gnu by itself; lld links, the cross objcopy strips.
      extra+=(-p:LinkerFlavor=lld -p:ObjCopyName=aarch64-linux-gnu-objcopy)
    fi
  else
    extra=(-p:PublishSingleFile=true -p:IncludeNativeLibrariesForSelfExtract=false
           -p:EnableCompressionInSingleFile=false -p:DebugType=none)
  fi
  local dir="$out_root/$variant" log="$out_root/$variant.log"
  rm -rf "$dir"
  echo "publish: $variant -> ${dir#"$repo"/}"
  # InvariantGlobalization comes from Directory.Build.props; UseSystemResourceKeys trims exception texts of the
  # runtime itself only (our own messages are unaffected).
  if ! dotnet publish "$project" -c Release -r "$rid" --self-contained true -o "$dir" \
      -p:PublishTrimmed=true -p:TrimMode=full -p:ILLinkTreatWarningsAsErrors=false \
      -p:SatelliteResourceLanguages=en \
      "${extra[@]}" -nologo -clp:NoSummary >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    echo "publish: $variant FAILED (full log: ${log#"$repo"/})" >&2
    return 1
  fi
  # Leave nothing in the folder that should not ship.
  find "$dir" \( -name '*.pdb' -o -name '*.dbg' -o -name '*.xml' \) -delete
  report "$variant" "$dir" "$log"
}

status=0
for rid in "${rids[@]}"; do
  if [ "$aot" = 1 ] && [ "$rid" != "$host_rid" ]; then
    if [ "$rid" != linux-arm64 ] || ! command -v ld.lld >/dev/null || ! command -v aarch64-linux-gnu-objcopy >/dev/null \
       || [ ! -f /usr/aarch64-linux-gnu/lib/crt1.o ]; then
      echo "publish: skipping $rid-aot: cross-compiling needs lld and the arm64 cross toolchain (see --help)"
      continue
    fi
  fi
  publish "$rid" || status=1
done
exit $status
