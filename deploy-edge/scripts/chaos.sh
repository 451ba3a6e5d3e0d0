#!/usr/bin/env bash
# The chaos suite's long version (issue 7; docs/chaos.md), on demand:
#
#   deploy-edge/scripts/chaos.sh [runner options]     e.g. --scans 10000 --kills 12 --seed 7 (see --help)
#
# Publishes the gateway as it ships (publish.sh: self-contained, trimmed, single file), then runs the chaos runner
# against that binary: 8 lanes of simulated readers on ptys, a real Mosquitto behind a fault proxy, SIGKILLs, broker
# restarts, network cuts / black holes / slow links, a full disk, clock steps. Needs root for the loop-mounted outbox
# disk (else the outbox's cap stands in), mosquitto and libfaketime (apt-get install -y mosquitto faketime).
# Prints the report table; exit 0 when the gateway kept every promise, 1 when it did not.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$repo"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [ "${1:-}" = "-h" ] || [ "${1:-}" = "--help" ]; then
  sed -n '2,10p' "$0"
  exec dotnet run -c Release --project tests/EntryExit.Edge.Chaos -- --help
fi
deploy-edge/scripts/publish.sh --rid linux-x64 --no-measure
exec dotnet run -c Release --project tests/EntryExit.Edge.Chaos -- --gateway artifacts/publish/linux-x64/entryexit-edge "$@"
