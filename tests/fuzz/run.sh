#!/usr/bin/env bash
# Fuzz the MRZ engine, the four reader framers, the EntryRecord JSON and the configuration loader (docs/fuzzing.md).
#
#   tests/fuzz/run.sh [--inputs N] [--inputs-<target> N] [--target a,b] [--threads T] [--seed S] [--replay]
#
# Default: 10,000,000 generated inputs per target (the configuration target at most 200,000: each of its inputs
# goes through a file and the binder). Prints inputs/s per target and a table of totals. Every failure (crash,
# broken property, hang) is kept in tests/EntryExit.Edge.Fuzz/corpus/<target>/ and replayed by the tests from then
# on. Exit 0: no failure; 1: a failure was kept; 2: usage; 3: an input hung.
# Built into artifacts/fuzz (gitignored), so a long run is not disturbed by builds of the test projects.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
out="$repo/artifacts/fuzz"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
if ! log=$(dotnet build "$repo/tests/EntryExit.Edge.Fuzz/EntryExit.Edge.Fuzz.csproj" -c Release -o "$out" -nologo -clp:NoSummary 2>&1); then
  echo "$log" | grep -E "error" >&2 || echo "$log" >&2
  echo "fuzz: build failed" >&2
  exit 2
fi
cd "$repo"
exec dotnet "$out/EntryExit.Edge.Fuzz.dll" "$@"
