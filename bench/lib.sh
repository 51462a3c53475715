# Shared by bench/run, bench/profile and bench/fleet-costs (sourced, not run): processes, ports, the admin
# API, starting a control plane and nodes. Everything listens on 127.0.0.1; every process started through
# `started` is stopped on exit, and the work directory is removed unless the run failed.
PATH="$PATH:/usr/sbin:/sbin"   # Debian's nginx and haproxy live in /usr/sbin

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CP_JAR="$ROOT/control-plane/target/quarkus-app/quarkus-run.jar"
NODE_JAR="$ROOT/data-plane/node/target/portico-node-all.jar"
START_TIMEOUT="${BENCH_START_TIMEOUT:-180}"
WORK="$(mktemp -d /tmp/portico-bench.XXXXXX)"
PIDS=()
USED_PORTS=" "

log() { echo "[bench] $*" >&2; }
fail() { log "FAILED: $*"; exit 1; }

# started PID: stop PID when the run ends.
started() { PIDS+=("$1"); }

# stop_started: TERM every process this run started, KILL what is still there 10 s later.
stop_started() {
  local pid
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  PIDS=()
}

# Stops every process this run started; keeps the logs when the run failed.
cleanup() {
  local status=$? pid pg
  stop_started
  # A killed control plane leaves its embedded PostgreSQL running (a clean stop removes this file).
  for pg in "$WORK"/*/postgres/postmaster.pid; do
    pid="$(head -n 1 "$pg" 2>/dev/null || true)"
    if [[ -n "$pid" ]] && grep -qs postgres "/proc/$pid/cmdline"; then kill -INT "$pid" || true; fi
  done
  if ((status == 0)); then rm -rf "$WORK"; else log "logs kept in $WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

install_tools() {
  local tool missing=() sudo=()
  for tool in "$@"; do command -v "$tool" >/dev/null || missing+=("$tool"); done
  ((${#missing[@]} == 0)) && return 0
  ((EUID == 0)) || sudo=(sudo)
  log "installing ${missing[*]} from Debian"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q </dev/null >&2
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null >&2
}

# Builds the jars when they are missing, then runs copies of them from $WORK: a rebuild during the run
# (another build, a test run) would otherwise pull classes out from under the running processes.
build_if_missing() {
  if [[ ! -f "$CP_JAR" || ! -f "$NODE_JAR" ]]; then
    log "building the control plane and the node"
    (cd "$ROOT" && ./mvnw -q -B package -DskipTests -pl control-plane,data-plane/node -am) || fail "build"
  fi
  mkdir -p "$WORK/jars"
  cp -r "$(dirname "$CP_JAR")" "$WORK/jars/quarkus-app"
  cp "$NODE_JAR" "$WORK/jars/"
  CP_JAR="$WORK/jars/quarkus-app/quarkus-run.jar"
  NODE_JAR="$WORK/jars/portico-node-all.jar"
  export PORTICO_NODE_JAR="$NODE_JAR"   # ./portico node runs this one
}

# free_port VAR: sets VAR to a port nothing listens on now and that this run has not handed out yet.
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 40000))
    [[ "$USED_PORTS" == *" $port "* ]] && continue
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue
    USED_PORTS+="$port "
    printf -v "$1" '%s' "$port"
    return
  done
}

# wait_for NAME PID URL [curl args…]: until URL answers 2xx; fail if PID dies or time runs out.
wait_for() {
  local name="$1" pid="$2" url="$3" deadline=$((SECONDS + START_TIMEOUT))
  shift 3
  until curl -fsS -o /dev/null --max-time 2 "$@" "$url" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || fail "$name exited; see its log in $WORK"
    ((SECONDS < deadline)) || fail "$name did not answer $url within ${START_TIMEOUT}s"
    sleep 0.3
  done
}

# start_control_plane: a control plane on embedded PostgreSQL in $WORK/cp; sets CP_PORT, CP_PID, TOKEN,
# ADMIN_PASSWORD and, once it is up, ACCESS_TOKEN for `admin`.
start_control_plane() {
  free_port CP_PORT
  TOKEN="bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
  ADMIN_PASSWORD="bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
  log "starting the control plane on :$CP_PORT (embedded PostgreSQL in $WORK/cp)"
  PORTICO_DATA_DIR="$WORK/cp" PORTICO_HTTP_PORT="$CP_PORT" PORTICO_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    PORTICO_CLUSTER_TOKEN="$TOKEN" java -jar "$CP_JAR" >"$WORK/control-plane.log" 2>&1 &
  CP_PID=$!
  started "$CP_PID"
  wait_for "control plane" "$CP_PID" "http://127.0.0.1:$CP_PORT/q/health/ready"
  ACCESS_TOKEN="$(admin POST /auth/token "$(jq -nc --arg p "$ADMIN_PASSWORD" '{username:"admin",password:$p}')" \
    | jq -r .access_token)"
}

# start_node NAME [VAR=VALUE…]: a node on the control plane, started by the launcher (./portico node, so
# with the JVM and flags users get), access log to $WORK/NAME-access.log. Sets NODE_PORT, NODE_STATUS_PORT
# and NODE_PID for this node.
start_node() {
  local name="$1"
  shift
  free_port NODE_PORT; free_port NODE_STATUS_PORT
  log "starting node $name on :$NODE_PORT (access log to $WORK/$name-access.log)"
  env PORTICO_CONTROL_PLANE="http://127.0.0.1:$CP_PORT" PORTICO_CLUSTER_TOKEN="$TOKEN" PORTICO_DATA_DIR="$WORK/$name" \
    PORTICO_NODE_ID="$name" PORTICO_GATEWAY_PORT="$NODE_PORT" PORTICO_STATUS_PORT="$NODE_STATUS_PORT" \
    PORTICO_BIND_HOST=127.0.0.1 "$@" "$ROOT/portico" node >"$WORK/$name-access.log" 2>"$WORK/$name.log" &
  NODE_PID=$!
  started "$NODE_PID"
  wait_for "node $name" "$NODE_PID" "http://127.0.0.1:$NODE_STATUS_PORT/health"
}

# admin METHOD PATH [JSON]: call the admin API; print the response body; fail on a non-2xx answer.
admin() {
  local out status args=(-sS -X "$1" -H 'Content-Type: application/json' -w '\n%{http_code}')
  [[ -n "${ACCESS_TOKEN:-}" ]] && args+=(-H "Authorization: Bearer $ACCESS_TOKEN")
  [[ -n "${3:-}" ]] && args+=(--data "$3")
  out="$(curl "${args[@]}" "http://127.0.0.1:$CP_PORT/admin/v1$2")"
  status="${out##*$'\n'}"
  out="${out%$'\n'*}"
  [[ "$status" == 2* ]] || fail "$1 $2 answered $status: $out"
  echo "$out"
}

# rss_mb PID…: resident memory of the processes, in MiB.
rss_mb() {
  local pid kb=0
  for pid in "$@"; do kb=$((kb + $(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0))); done
  echo $((kb / 1024))
}

# heap_mb PID: a JVM's used heap in MiB (jstat of the JDK the process runs on), or "-".
heap_mb() {
  local jstat
  jstat="$(dirname "$(readlink -f "/proc/$1/exe")")/jstat"
  [[ -x "$jstat" ]] || { echo "-"; return; }
  "$jstat" -gc "$1" 2>/dev/null | awk 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i }
    NR == 2 { printf "%.0f\n", ($col["S0U"] + $col["S1U"] + $col["EU"] + $col["OU"]) / 1024 }' || echo "-"
}
