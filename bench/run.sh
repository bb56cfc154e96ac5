#!/usr/bin/env bash
# THE benchmark command: builds Release, then runs every scenario against Collection Store ("ours") and the
# reference Node.js stack ("peer", bench/peer), alternating ours/peer, each server started fresh per run, and
# writes bench/results/latest.md (raw JSON per run in bench/results/raw/).
#   bench/run.sh           full run (about 15 minutes)
#   bench/run.sh --quick   smoke run with small N, writes bench/results/quick.md
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

QUICK=0
if [[ "${1:-}" == "--quick" ]]; then
  QUICK=1
fi
COMMAND="bench/run.sh${1:+ $1}"
NAME=$([[ $QUICK == 1 ]] && echo quick || echo latest)
RESULTS="$ROOT/bench/results"
RAW="$RESULTS/raw-$NAME"
WORK="$(mktemp -d -t collectionstore-bench-XXXXXX)"
PIDS=()
STARTED=""
ADMIN_PASSWORD="bench-admin-$RANDOM$RANDOM"
SIGNING_KEY="$(head -c 32 /dev/urandom | base64)"
PORT_OURS=5611 PORT_OURS2=5612 PORT_PEER=5621 PORT_REDIS=5631

cleanup() {
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "=== build (Release)"
dotnet build src/Api -c Release -v q -nologo >"$WORK/build-api.log" || { cat "$WORK/build-api.log"; exit 1; }
dotnet build bench/LoadClient -c Release -v q -nologo >"$WORK/build-bench.log" || { cat "$WORK/build-bench.log"; exit 1; }
(cd bench/peer && npm ci --no-audit --no-fund --silent)
(cd tests/clients && npm ci --no-audit --no-fund --silent)
node tests/clients/lib/open-schema.mjs schema.graphql >"$WORK/open.graphql"
cp schema.graphql "$WORK/rules.graphql"
API_DLL="$ROOT/src/Api/bin/Release/net10.0/CollectionStore.Api.dll"
LOAD_DLL="$ROOT/bench/LoadClient/bin/Release/net10.0/CollectionStore.Bench.LoadClient.dll"
rm -rf "$RAW" && mkdir -p "$RAW"

wait_ready() {
  local port="$1" pid="$2"
  for _ in $(seq 1 300); do
    if curl -fs "http://127.0.0.1:$port/metrics" >/dev/null 2>&1; then
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}

# start_ours <port> <schema> <db> [redis]: prints the pid of a fresh Collection Store node.
start_ours() {
  local port="$1" schema="$2" db="$3" redis="${4:-}"
  ConnectionStrings__Store="Data Source=$db" ConnectionStrings__Redis="$redis" Schema__Path="$schema" \
    Auth__SigningKey="$SIGNING_KEY" Auth__BootstrapAdmin__Password="$ADMIN_PASSWORD" \
    Logging__LogLevel__Default=Warning Urls="http://127.0.0.1:$port" \
    dotnet "$API_DLL" >>"$WORK/ours-$port.log" 2>&1 &
  STARTED=$!
  PIDS+=("$STARTED")
  wait_ready "$port" "$STARTED" || { echo "Collection Store did not start:" >&2; tail -20 "$WORK/ours-$port.log" >&2; return 1; }
}

start_peer() {
  PORT="$PORT_PEER" node bench/peer/server.mjs >>"$WORK/peer.log" 2>&1 &
  STARTED=$!
  PIDS+=("$STARTED")
  wait_ready "$PORT_PEER" "$STARTED" || { echo "peer did not start" >&2; return 1; }
}

# Stops a server and waits until it is gone (its port is free for the next run).
stop() {
  kill "$1" 2>/dev/null || true
  for _ in $(seq 1 100); do
    kill -0 "$1" 2>/dev/null || break
    sleep 0.1
  done
  kill -9 "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

# run <server> <scenario> <n>: one run against a freshly started server.
run() {
  local server="$1" scenario="$2" n="$3" pid port schema="$WORK/open.graphql"
  [[ "$scenario" == rules ]] && schema="$WORK/rules.graphql"
  rm -f "$WORK"/store.db*
  if [[ "$server" == ours ]]; then
    port=$PORT_OURS
    start_ours "$port" "$schema" "$WORK/store.db" || return 0
  else
    port=$PORT_PEER
    start_peer || return 0
  fi
  pid=$STARTED
  echo "=== $scenario n=$n $server (pid $pid) $(date -u +%H:%M:%S)"
  dotnet "$LOAD_DLL" "$scenario" --url "http://127.0.0.1:$port/graphql" --pid "$pid" --server "$server" --n "$n" \
    --admin-password "$ADMIN_PASSWORD" --out "$RAW/$scenario-$n-$server.json" $([[ $QUICK == 1 ]] && echo --quick) \
    >"$WORK/last-run.log" 2>&1 || { echo "    failed:"; tail -5 "$WORK/last-run.log"; }
  stop "$pid"
}

both() {
  run ours "$1" "$2"
  run peer "$1" "$2"
}

# Scenario 6 needs two nodes and the Redis event bus; it runs once the bus implementation is in the tree.
two_nodes() {
  local n="$1"
  if ! command -v redis-server >/dev/null || ! grep -rqs "IChangeBus" src/Api/Bus/Redis/; then
    echo '{"scenario":"twonode","server":"ours","skipped":"not measured: needs the Redis bus (src/Api/Bus/Redis) and redis-server"}' >"$RAW/twonode-$n-ours.json"
    return
  fi
  redis-server --port "$PORT_REDIS" --save "" --appendonly no >"$WORK/redis.log" 2>&1 &
  local redis=$! a b
  PIDS+=("$redis")
  sleep 0.5
  rm -f "$WORK"/store.db*
  start_ours "$PORT_OURS" "$WORK/open.graphql" "$WORK/store.db" "127.0.0.1:$PORT_REDIS"
  a=$STARTED
  start_ours "$PORT_OURS2" "$WORK/open.graphql" "$WORK/store.db" "127.0.0.1:$PORT_REDIS"
  b=$STARTED
  echo "=== twonode n=$n ours (pids $a $b)"
  dotnet "$LOAD_DLL" twonode --url "http://127.0.0.1:$PORT_OURS/graphql" --second-url "http://127.0.0.1:$PORT_OURS2/graphql" \
    --pid "$a" --server ours --n "$n" --out "$RAW/twonode-$n-ours.json" $([[ $QUICK == 1 ]] && echo --quick) \
    >"$WORK/last-run.log" 2>&1 || { echo "    failed:"; tail -5 "$WORK/last-run.log"; }
  stop "$a"; stop "$b"; stop "$redis"
}

if [[ $QUICK == 1 ]]; then
  for n in 200 1000; do both idle "$n"; done
  for n in 100 1000; do both fanout "$n"; done
  both throughput 200
  both cohorts 200
  run ours rules 200
  both slow 100
  two_nodes 100
else
  for n in 1000 5000 10000; do both idle "$n"; done
  for n in 100 1000 10000; do both fanout "$n"; done
  both throughput 1000
  both cohorts 1000
  run ours rules 1000
  both slow 500
  two_nodes 1000
fi

node bench/report.mjs "$RAW" "$COMMAND" >"$RESULTS/$NAME.md"
echo "=== wrote bench/results/$NAME.md"
