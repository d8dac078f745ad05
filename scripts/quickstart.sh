#!/usr/bin/env bash
# The main job, from a fresh Debian machine with the .NET SDK: make sure a container engine answers
# (installing and starting Docker and Podman privately when none does), check it with `cox doctor`
# (which also imports the local busybox image), bring up the example stack and show it.
set -euo pipefail
cd "$(dirname "$0")/.."

rc=0
./cox doctor || rc=$?
if [ "$rc" -eq 3 ]; then
  echo "quickstart: no container engine answered; installing and starting one (scripts/engines.sh start)" >&2
  bash scripts/engines.sh start
  ./cox doctor
elif [ "$rc" -ne 0 ]; then
  exit "$rc"
fi

stack=(./cox -f examples/stack/compose.yaml)
"${stack[@]}" up -d --wait
"${stack[@]}" ps
echo
echo "quickstart: the example stack is up: curl http://127.0.0.1:${WEB_PORT:-18080}/cgi-bin/status" \
  "— stop it with: ./cox -f examples/stack/compose.yaml down -v"
