#!/usr/bin/env bash
# THE benchmark command: builds Release, then runs every scenario against Collection Store ("ours") and the
# reference Node.js stack ("peer", bench/peer), alternating ours/peer, each server started fresh per run, and
# writes bench/results/latest.md (raw JSON per run in bench/results/raw-latest/).
#   bench/run.sh                     full run (about 17 minutes)
#   bench/run.sh --quick             smoke run with small N, writes bench/results/quick.md
#   bench/run.sh --only <names>      only the named scenarios (comma-separated: idle, fanout, throughput, cohorts,
#                                    rules, slow, twonode, providers); writes bench/results/<latest|quick>-<names>.md
#                                    and leaves latest.md alone. Combines with --quick.
# Scenarios 6 and 8 need redis-server. Scenario 8 (providers) also starts a throw-away PostgreSQL cluster with initdb
# and pg_ctl from /usr/lib/postgresql/*/bin (or POSTGRES_BIN); when they are missing, a run as root installs the
# Debian package postgresql with apt-get, any other run stops with a message before building.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

SCENARIOS=(idle fanout throughput cohorts rules slow twonode providers)
COMMAND="bench/run.sh${*:+ $*}"
QUICK=0
ONLY=""
usage() {
  echo "usage: bench/run.sh [--quick] [--only <scenario>[,<scenario>...]]; scenarios: ${SCENARIOS[*]}" >&2
  exit 2
}
while (($# > 0)); do
  case "$1" in
    --quick) QUICK=1 ;;
    --only)
      [[ -n "${2:-}" && "$2" != -* ]] || usage
      ONLY="$2"
      shift
      ;;
    *) usage ;;
  esac
  shift
done
for name in ${ONLY//,/ }; do
  [[ " ${SCENARIOS[*]} " == *" $name "* ]] || { echo "bench/run.sh: unknown scenario '$name'" >&2; usage; }
done

# selected <scenario>: true when this run includes it.
selected() {
  [[ -z "$ONLY" || ",$ONLY," == *",$1,"* ]]
}

NAME=$([[ $QUICK == 1 ]] && echo quick || echo latest)${ONLY:+-${ONLY//,/-}}
RESULTS="$ROOT/bench/results"
RAW="$RESULTS/raw-$NAME"
WORK="$(mktemp -d -t collectionstore-bench-XXXXXX)"
PIDS=()
STARTED=""
ADMIN_PASSWORD="bench-admin-$RANDOM$RANDOM"
SIGNING_KEY="$(head -c 32 /dev/urandom | base64)"
PORT_OURS=5611 PORT_OURS2=5612 PORT_PEER=5621 PORT_REDIS=5631
PG_BIN="" PG_DIR="" PG_PORT="" DATABASES=0
PG_PASSWORD="bench-pg-$RANDOM$RANDOM"

cleanup() {
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  stop_postgres
  rm -rf "$WORK"
}
trap cleanup EXIT

# PostgreSQL refuses to run as root: as root, its tools run as the postgres user (from /, which it may read).
as_postgres() {
  if [[ $EUID == 0 ]]; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

find_postgres() {
  PG_BIN="${POSTGRES_BIN:-$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -1)}"
  [[ -n "$PG_BIN" && -x "$PG_BIN/initdb" && -x "$PG_BIN/pg_ctl" ]]
}

ensure_postgres() {
  find_postgres && return 0
  if [[ $EUID == 0 ]] && command -v apt-get >/dev/null; then
    echo "=== installing postgresql (apt-get)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  find_postgres || {
    echo "bench/run.sh: scenario 8 (providers) needs PostgreSQL's initdb and pg_ctl: install the Debian package" \
      "'postgresql', set POSTGRES_BIN to their folder, or choose other scenarios with --only" >&2
    exit 1
  }
}

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close();});"
}

# A throw-away cluster for this run in a temp directory of its own, on a free loopback port; commits are durable
# (fsync, synchronous_commit), as SQLite's synchronous=FULL is, so both providers pay for the same guarantee.
start_postgres() {
  PG_DIR="$(mktemp -d -t collectionstore-bench-pg-XXXXXX)"
  PG_PORT="$(free_port)"
  printf '%s' "$PG_PASSWORD" >"$PG_DIR/password"
  if [[ $EUID == 0 ]]; then
    chown -R postgres:postgres "$PG_DIR"
  fi
  as_postgres "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --pwfile "$PG_DIR/password" --auth-local=trust \
    --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 --no-sync >"$WORK/postgres-initdb.log" 2>&1 \
    || { echo "initdb failed:" >&2; cat "$WORK/postgres-initdb.log" >&2; exit 1; }
  as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 start -o \
    "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c max_connections=300 -c shared_buffers=128MB -c fsync=on -c synchronous_commit=on" \
    >"$WORK/postgres-start.log" 2>&1 || { echo "PostgreSQL did not start:" >&2; tail -20 "$PG_DIR/server.log" >&2; exit 1; }
  "$PG_BIN/postgres" --version | sed 's/^postgres (PostgreSQL)/PostgreSQL/' >"$RAW/postgres-version.txt"
  echo "=== $(cat "$RAW/postgres-version.txt") on 127.0.0.1:$PG_PORT ($PG_DIR)"
}

stop_postgres() {
  if [[ -n "$PG_DIR" ]]; then
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w -t 60 stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
    PG_DIR=""
  fi
}

# create_database <name>: prints the connection string of a new, empty database of the run's cluster.
create_database() {
  as_postgres "$PG_BIN/psql" -h "$PG_DIR" -p "$PG_PORT" -U postgres -d postgres -qAtc "CREATE DATABASE $1" >/dev/null || return 1
  echo "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=$PG_PASSWORD;Database=$1"
}

if selected providers; then
  command -v redis-server >/dev/null || { echo "bench/run.sh: scenario 8 (providers) needs redis-server" >&2; exit 1; }
  ensure_postgres
fi

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

# start_node <port> <schema> <Sqlite|PostgreSql> <store connection string> [redis] [working directory]: starts a fresh
# Collection Store node; its pid is in STARTED.
start_node() {
  local port="$1" schema="$2" provider="$3" store="$4" redis="${5:-}" dir="${6:-$ROOT}"
  (cd "$dir" && Store__Provider="$provider" ConnectionStrings__Store="$store" ConnectionStrings__Redis="$redis" \
    Schema__Path="$schema" Auth__SigningKey="$SIGNING_KEY" Auth__BootstrapAdmin__Password="$ADMIN_PASSWORD" \
    Logging__LogLevel__Default=Warning Urls="http://127.0.0.1:$port" \
    exec dotnet "$API_DLL") >>"$WORK/ours-$port.log" 2>&1 &
  STARTED=$!
  PIDS+=("$STARTED")
  wait_ready "$port" "$STARTED" || { echo "Collection Store did not start:" >&2; tail -20 "$WORK/ours-$port.log" >&2; return 1; }
}

# start_ours <port> <schema> <db> [redis]: a fresh node on the SQLite file <db>; its pid is in STARTED.
start_ours() {
  start_node "$1" "$2" Sqlite "Data Source=$3" "${4:-}"
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

# Scenario 8: the same two-node load on each store provider, SQLite (two nodes on one file, as scenario 6) and
# PostgreSQL (two nodes on one database, each node in a working directory of its own), alternating the providers.
providers() {
  local n
  [[ -n "$PG_DIR" ]] || start_postgres
  for n in "$@"; do
    provider_run sqlite "$n"
    provider_run postgresql "$n"
  done
}

# provider_run <sqlite|postgresql> <subscribers>: two fresh nodes on a fresh store and a fresh Redis.
provider_run() {
  local provider="$1" n="$2" redis a="" b="" setting=Sqlite store="Data Source=$WORK/providers.db"
  local out="$RAW/providers-$n-$provider.json"
  redis-server --port "$PORT_REDIS" --save "" --appendonly no >>"$WORK/redis.log" 2>&1 &
  redis=$!
  PIDS+=("$redis")
  sleep 0.5
  rm -f "$WORK"/providers.db*
  if [[ $provider == postgresql ]]; then
    setting=PostgreSql
    DATABASES=$((DATABASES + 1))
    store="$(create_database "bench_$DATABASES")" || store=""
  fi
  rm -rf "$WORK/node-a" "$WORK/node-b" && mkdir -p "$WORK/node-a" "$WORK/node-b"
  if [[ -n "$store" ]]; then
    start_node "$PORT_OURS" "$WORK/open.graphql" "$setting" "$store" "127.0.0.1:$PORT_REDIS" "$WORK/node-a" || true
    a=$STARTED
    if kill -0 "$a" 2>/dev/null; then
      start_node "$PORT_OURS2" "$WORK/open.graphql" "$setting" "$store" "127.0.0.1:$PORT_REDIS" "$WORK/node-b" || true
      b=$STARTED
    fi
  fi
  if [[ -n "$b" ]] && curl -fs "http://127.0.0.1:$PORT_OURS2/metrics" >/dev/null 2>&1; then
    echo "=== providers n=$n $provider (pids $a $b) $(date -u +%H:%M:%S)"
    dotnet "$LOAD_DLL" providers --url "http://127.0.0.1:$PORT_OURS/graphql" --second-url "http://127.0.0.1:$PORT_OURS2/graphql" \
      --pid "$a" --server "$provider" --n "$n" --out "$out" $([[ $QUICK == 1 ]] && echo --quick) \
      >"$WORK/last-run.log" 2>&1 || { echo "    failed:"; tail -5 "$WORK/last-run.log"; }
  else
    echo "=== providers n=$n $provider: not measured, the store or a node did not start"
    echo "{\"scenario\":\"providers\",\"server\":\"$provider\",\"error\":\"the store or a node did not start\"}" >"$out"
  fi
  for pid in $a $b "$redis"; do stop "$pid"; done
}

if [[ $QUICK == 1 ]]; then
  if selected idle; then for n in 200 1000; do both idle "$n"; done; fi
  if selected fanout; then for n in 100 1000; do both fanout "$n"; done; fi
  if selected throughput; then both throughput 200; fi
  if selected cohorts; then both cohorts 200; fi
  if selected rules; then run ours rules 200; fi
  if selected slow; then both slow 100; fi
  if selected twonode; then two_nodes 100; fi
  if selected providers; then providers 0 20; fi
else
  if selected idle; then for n in 1000 5000 10000; do both idle "$n"; done; fi
  if selected fanout; then for n in 100 1000 10000; do both fanout "$n"; done; fi
  if selected throughput; then both throughput 1000; fi
  if selected cohorts; then both cohorts 1000; fi
  if selected rules; then run ours rules 1000; fi
  if selected slow; then both slow 500; fi
  if selected twonode; then two_nodes 1000; fi
  if selected providers; then providers 0 100; fi
fi

node bench/report.mjs "$RAW" "$COMMAND" >"$RESULTS/$NAME.md"
echo "=== wrote bench/results/$NAME.md"
