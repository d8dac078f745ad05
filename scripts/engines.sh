#!/usr/bin/env bash
# Private Docker and Podman engines for Coxswain's tests (see docs in /work/shared/ENGINE-NOTES.md).
#
#   scripts/engines.sh start    install missing packages, start both engines (idempotent)
#   scripts/engines.sh stop     stop both engines, remove sockets and pid files (idempotent)
#   scripts/engines.sh restart docker|podman
#                               one engine goes down with its containers, as in a host reboot, and comes back
#                               (Podman's containers outlive its API service, so they are stopped while it is down)
#   scripts/engines.sh env      print `export COX_TEST_*_HOST=...` for every engine that answers
#   scripts/engines.sh status   one line per engine: up/down, socket, version
#
# Everything lives under /run/cox-test (sockets, pids, logs, config) and /var/lib/cox-test (data),
# so the engines never touch a Docker or Podman the machine may already run. Needs root.
# Messages go to stderr prefixed "engines:"; stdout carries only the output of `env`/`status`.
set -euo pipefail

RUN=/run/cox-test
DATA=/var/lib/cox-test
DOCKER_SOCK=$RUN/docker.sock
PODMAN_SOCK=$RUN/podman.sock
# netavark + aardvark-dns: Podman's network backend with container DNS (the CNI default that the
# podman package pulls in has no name resolution between containers, unlike Docker).
PACKAGES=(docker.io podman runc busybox-static netavark aardvark-dns)

# Podman reads these; they point it at the private config written by write_podman_conf.
export CONTAINERS_CONF=$RUN/containers.conf
export CONTAINERS_STORAGE_CONF=$RUN/storage.conf

log() { echo "engines: $*" >&2; }
die() { log "error: $*"; exit 1; }

# True when the engine behind unix socket $1 answers GET /_ping with OK.
ping_ok() {
  [[ -S $1 ]] && [[ $(curl -sS --max-time 2 --unix-socket "$1" http://d/_ping 2>/dev/null) == OK ]]
}

# wait_ping SOCKET [PID]: poll ping every 0.2 s for up to 30 s (wall clock: a hung engine makes
# each ping take 2 s); give up early when process PID has exited.
wait_ping() {
  local deadline=$((SECONDS + 30))
  while ((SECONDS < deadline)); do
    ping_ok "$1" && return 0
    [[ -z ${2:-} ]] || kill -0 "$2" 2>/dev/null || return 1
    sleep 0.2
  done
  return 1
}

# Print the pid recorded in pid file $1 if that process is alive and really is command $2
# (a pid file left by an earlier boot may name an unrelated process by now).
live_pid() {
  local pid state
  pid=$(cat "$1" 2>/dev/null) || return 0
  [[ $pid =~ ^[0-9]+$ ]] || return 0
  state=$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null) || return 0
  [[ $state != Z && $(cat "/proc/$pid/comm" 2>/dev/null) == "$2" ]] && echo "$pid"
  return 0
}

# stop_engine PIDFILE COMM SOCKET [SECONDS]: SIGTERM, wait (10 s), SIGKILL; remove leftovers.
stop_engine() {
  local pid i wait=${4:-10}
  pid=$(live_pid "$1" "$2")
  if [[ -n $pid ]]; then
    log "stopping $2 (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < wait * 5; i++)); do [[ -z $(live_pid "$1" "$2") ]] && break; sleep 0.2; done
    if [[ -n $(live_pid "$1" "$2") ]]; then
      log "$2 (pid $pid) ignored SIGTERM for $wait s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.2
    fi
  fi
  rm -f "$1" "$3"
}

install_packages() {
  local missing=() p
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
  done
  ((${#missing[@]})) || return 0
  log "installing ${missing[*]} (log: $RUN/apt.log)"
  local install=(env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}")
  # Refresh the package lists only when they are empty or the first attempt fails.
  if ! compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null; then apt-get update >>"$RUN/apt.log" 2>&1 || true; fi
  if ! "${install[@]}" >>"$RUN/apt.log" 2>&1; then
    log "install failed; running apt-get update and retrying"
    { apt-get update && "${install[@]}"; } >>"$RUN/apt.log" 2>&1 || { tail -n 20 "$RUN/apt.log" >&2; die "could not install ${missing[*]}"; }
  fi
}

# Podman needs runc (crun: "cgroups in hybrid mode not supported"), rlimits it may set without
# CAP_SYS_RESOURCE, and (no systemd/journald here) cgroupfs, file events and k8s-file logs.
# init_path: `--init` wants catatonit (not installed); tini-static comes with docker.io.
# Storage, runtime state and networks are private too, so it never meets the machine's Podman.
write_podman_conf() {
  mkdir -p "$DATA/podman/networks"
  cat >"$CONTAINERS_CONF" <<EOF
[containers]
default_ulimits = ["nofile=4096:4096", "nproc=4096:4096"]
log_driver = "k8s-file"
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
events_logfile_path = "$RUN/podman-events.log"
tmp_dir = "$RUN/podman-tmp"
init_path = "/usr/bin/tini-static"
[network]
network_backend = "netavark"
network_config_dir = "$DATA/podman/networks"
EOF
  cat >"$CONTAINERS_STORAGE_CONF" <<EOF
[storage]
driver = "overlay"
graphroot = "$DATA/podman/storage"
runroot = "$RUN/podman-run"
EOF
}

# start_engine NAME PIDFILE COMM SOCKET LOG CMD...: start CMD detached unless the socket answers.
start_engine() {
  local name=$1 pidfile=$2 comm=$3 sock=$4 logf=$5 pid
  shift 5
  if ping_ok "$sock"; then log "$name already up on $sock"; return 0; fi
  pid=$(live_pid "$pidfile" "$comm")
  if [[ -n $pid ]]; then # alive but silent: maybe still starting, else wedged
    log "$name (pid $pid) does not answer yet; waiting"
    if wait_ping "$sock"; then log "$name up on $sock"; return 0; fi
  fi
  "stop_$name" # clears a wedged process, stale pid files or a stale socket
  log "starting $name"
  # setsid + nohup: the engine outlives this script and its terminal. The wrapper shell records
  # its own pid and then becomes the engine (exec), so the pid file names the engine itself.
  # dockerd writes its own pid file (and refuses to start if the file names a live process).
  local record='echo $$ >"$0";'
  [[ $comm == dockerd ]] && record=
  # 9>&-: the engine must not inherit (and so hold forever) the lock taken below.
  # Run from the engines' data folder: Podman's conmon drops an empty "oom" marker file in its working directory when
  # a container is OOM-killed, which would otherwise land in the checkout the script was started from.
  mkdir -p "$DATA"
  nohup setsid bash -c 'cd "$1" || exit 1; shift; '"$record"' exec "$@"' "$pidfile" "$DATA" "$@" </dev/null >"$logf" 2>&1 9>&- &
  if ! wait_ping "$sock" $!; then
    log "$name did not come up on $sock (exited, or no answer within 30 s); last lines of $logf:"
    tail -n 30 "$logf" >&2 || true
    exit 1
  fi
  log "$name up on $sock"
}

# On SIGTERM dockerd stops its running containers (in parallel, each with its stop timeout, 10 s
# by default) before exiting, so it gets 20 s: killing it midway orphans the containers.
# dockerd runs its own containerd (pid file under the exec root). If dockerd died hard, that file
# can still name a dying (zombie) or unrelated process, and a new dockerd would then wait forever
# for that "running" containerd ("timeout waiting for containerd to start"): clear it as well.
# Podman containers do not depend on the API service: they keep running when it stops.
stop_docker() {
  stop_engine "$RUN/dockerd.pid" dockerd "$DOCKER_SOCK" 20
  stop_engine "$RUN/docker-exec/containerd/containerd.pid" containerd "$RUN/docker-exec/containerd/containerd.sock"
}
stop_podman() { stop_engine "$RUN/podman.pid" podman "$PODMAN_SOCK"; }

start_docker() {
  start_engine docker "$RUN/dockerd.pid" dockerd "$DOCKER_SOCK" "$RUN/dockerd.log" \
    dockerd --host "unix://$DOCKER_SOCK" --data-root "$DATA/docker" \
    --exec-root "$RUN/docker-exec" --pidfile "$RUN/dockerd.pid"
}

start_podman() {
  local conf; conf=$(cat "$CONTAINERS_CONF" "$CONTAINERS_STORAGE_CONF" 2>/dev/null || true)
  write_podman_conf
  if [[ $conf != "$(cat "$CONTAINERS_CONF" "$CONTAINERS_STORAGE_CONF")" ]] && ping_ok "$PODMAN_SOCK"; then
    log "podman configuration changed; restarting podman"
    stop_podman
  fi
  start_engine podman "$RUN/podman.pid" podman "$PODMAN_SOCK" "$RUN/podman.log" \
    podman system service --time 0 "unix://$PODMAN_SOCK"
}

start() {
  install_packages
  start_docker
  start_podman
}

stop() { stop_docker; stop_podman; }

# restart ENGINE: what the supervisor sees when the engine or the host restarts. dockerd stops its containers itself on
# the way down; Podman's keep running under conmon without the API service, so they are stopped (as a reboot would) first.
restart() {
  case ${1:-} in
    docker) stop_docker; start_docker ;;
    podman)
      stop_podman
      log "stopping every podman container (as a host restart would)"
      podman stop --all --time 2 >/dev/null || log "podman stop --all failed; continuing"
      start_podman ;;
    *) echo "usage: $0 restart docker|podman" >&2; exit 2 ;;
  esac
}

env_lines() {
  if ping_ok "$DOCKER_SOCK"; then echo "export COX_TEST_DOCKER_HOST=unix://$DOCKER_SOCK"; fi
  if ping_ok "$PODMAN_SOCK"; then echo "export COX_TEST_PODMAN_HOST=unix://$PODMAN_SOCK"; fi
}

# First "KEY":"value" string in the JSON on stdin (in GET /version: the Engine component's).
json_str() { grep -o "\"$1\":\"[^\"]*\"" | head -n1 | cut -d'"' -f4 || true; }

status() {
  local name sock version
  for name in docker podman; do
    sock=$RUN/$name.sock
    if ping_ok "$sock"; then
      version=$(curl -sS --max-time 5 --unix-socket "$sock" http://d/version || true)
      echo "$name up unix://$sock $(json_str Version <<<"$version") (API $(json_str ApiVersion <<<"$version"))"
    else
      echo "$name down unix://$sock"
    fi
  done
}

[[ $EUID -eq 0 ]] || die "must run as root"
mkdir -p "$RUN" "$DATA"
case ${1:-} in
  start | stop | restart)
    exec 9>"$RUN/engines.lock" # one start/stop at a time
    flock -w 120 9 || die "another engines.sh start/stop has held $RUN/engines.lock for 2 minutes"
    "$@" ;;
  env) env_lines ;;
  status) status ;;
  *) echo "usage: $0 start|stop|restart docker|podman|env|status" >&2; exit 2 ;;
esac
