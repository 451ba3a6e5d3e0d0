#!/usr/bin/env bash
# The performance table of issue 7, in one command (docs/benchmarks.md holds the latest one):
#
#   tests/perf/run.sh [--quick] [--skip-publish] [--only parse,outbox,drain,latency,process]
#
# 1. publishes the gateway twice with deploy-edge/scripts/publish.sh: the JIT build (self-contained, trimmed,
#    single file) and the Native AOT build (needs clang: apt-get install -y clang zlib1g-dev);
# 2. runs `dotnet run -c Release --project tests/EntryExit.Edge.Benchmarks -- perf-table --jit ... --aot ...`,
#    which prints one table: MRZ parse ns/op and B/op; durable appends/s beside the disk's fsync rate; backlog
#    drain beside mosquitto_pub -q 1; scan to PUBACK p50/p99 at 50 and 500 records/s; start-up to READY=1,
#    and steady RSS and CPU at idle and at 50 records/s of the real gateway process, for each build.
# Needs mosquitto and mosquitto-clients. About 12 minutes on 2 cores (publishing included); --quick about 6.
# The table is also written to artifacts/perf/perf-table.md.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
quick=()
publish=1
only=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=(--quick) ;;
    --skip-publish) publish=0 ;;
    --only) shift; only=(--only "${1:?--only needs a list}") ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "perf: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
command -v mosquitto >/dev/null || [ -x /usr/sbin/mosquitto ] || echo "perf: mosquitto is not installed; the broker rows will say so" >&2

jit="$repo/artifacts/publish/linux-x64/entryexit-edge"
aot="$repo/artifacts/publish/linux-x64-aot/entryexit-edge"
if [ "$publish" = 1 ]; then
  echo "perf: publishing the JIT build"
  "$repo/deploy-edge/scripts/publish.sh" --no-measure || echo "perf: the JIT publish failed; the process rows fall back to the build output" >&2
  echo "perf: publishing the Native AOT build"
  "$repo/deploy-edge/scripts/publish.sh" --aot --no-measure || echo "perf: the Native AOT publish failed (clang installed?); its column will say so" >&2
fi

cd "$repo"
exec dotnet run -c Release --project tests/EntryExit.Edge.Benchmarks -- perf-table "${quick[@]}" "${only[@]}" \
  --jit "$jit" --aot "$aot" --out "$repo/artifacts/perf/perf-table.md"
