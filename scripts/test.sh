#!/usr/bin/env bash
# The whole test suite: starts both real engines (installing them if needed), checks formatting,
# builds, runs every test project, and ends with one line of totals: "N passed, N failed, N skipped".
# Extra arguments go to `dotnet test` (e.g. --filter "Category=Contract").
set -uo pipefail
cd "$(dirname "$0")/.."

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
failed_steps=0

step() { printf '\n== %s\n' "$*" >&2; }

step "engines"
if ! bash scripts/engines.sh start; then
  echo "test: could not start the engines; engine tests will fail (CI) or skip (local)" >&2
  failed_steps=$((failed_steps + 1))
fi
eval "$(bash scripts/engines.sh env)"

step "format"
if ! dotnet format Coxswain.slnx --verify-no-changes --verbosity quiet; then
  echo "test: 'dotnet format Coxswain.slnx' would change files; run it and commit the result" >&2
  failed_steps=$((failed_steps + 1))
fi

step "build"
if ! dotnet build Coxswain.slnx -c Release --nologo -v quiet -clp:ErrorsOnly; then
  echo "test: build failed" >&2
  exit 1
fi

step "tests"
test_rc=0
projects=$(find tests -name '*.csproj' | sort)
for project in $projects; do
  name=$(basename "$project" .csproj)
  step "tests: $name"
  dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" "$@" || test_rc=1
done

# Totals from the TRX files, one per test project.
read -r passed failed skipped < <(
  cat "$results"/*.trx 2>/dev/null |
    grep -o '<Counters [^>]*>' |
    awk '{ for (i = 1; i <= NF; i++) { split($i, kv, "\""); k = kv[1]; v = kv[2];
           if (k == "passed=") p += v; if (k == "failed=" || k == "error=") f += v;
           if (k == "notExecuted=") s += v } }
         END { printf "%d %d %d\n", p, f, s }')
for project in $projects; do
  name=$(basename "$project" .csproj)
  if [ ! -s "$results/$name.trx" ]; then
    echo "test: $name reported no results (it crashed or did not run); counted as a failure" >&2
    failed=$((failed + 1))
  fi
done
failed=$((failed + failed_steps))

echo
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$test_rc" -ne 0 ] || [ "$failed" -ne 0 ]; then exit 1; fi
