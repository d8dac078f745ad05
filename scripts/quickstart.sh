#!/usr/bin/env bash
# The main job, from a fresh Debian machine with the .NET SDK: make sure a container engine answers
# (installing and starting Docker and Podman privately when none does), then check it with `cox doctor`.
set -euo pipefail
cd "$(dirname "$0")/.."

rc=0
./cox doctor >/dev/null 2>&1 || rc=$?
if [ "$rc" -eq 3 ]; then
  echo "quickstart: no container engine answered; installing and starting one (scripts/engines.sh start)" >&2
  bash scripts/engines.sh start
fi
exec ./cox doctor
