#!/usr/bin/env bash
# THE test command: installs what the tests need, checks formatting, builds, runs every .NET test project (their
# PostgreSQL suites start throw-away clusters with initdb/pg_ctl on free loopback ports and stop them), runs the API
# suite a second time on PostgreSQL, then the real npm clients against a freshly started server. Exits non-zero if
# anything fails.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

WORK="$(mktemp -d -t collectionstore-tests-XXXXXX)"
SERVER_PID=""
STEPS=()
FAILED_STEPS=()
TESTS_PASSED=0
TESTS_FAILED=0

cleanup() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  # A test process that crashed cannot stop the PostgreSQL clusters it started; none may outlive the run.
  pkill -f -- "-D /tmp/collectionstore-pg-" 2>/dev/null || true
  rm -rf /tmp/collectionstore-pg-* 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# Installs Debian packages that are missing (later issues add e.g. redis-server, chromium).
ensure_apt_packages() {
  local missing=()
  for package in "$@"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  if ((${#missing[@]} > 0)); then
    echo "Installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  fi
}

# Runs one step, records its outcome, and keeps going so the summary shows everything.
step() {
  local name="$1"
  shift
  echo
  echo "=== $name"
  STEPS+=("$name")
  if "$@"; then
    echo "=== $name: ok"
  else
    echo "=== $name: FAILED"
    FAILED_STEPS+=("$name")
  fi
}

# Adds the counts from a dotnet test or node --test log to the totals.
count_tests() {
  local log="$1" passed failed
  passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
  failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
  passed=$((passed + $(grep -Eo '^# pass [0-9]+' "$log" | awk '{s+=$3} END {print s+0}')))
  failed=$((failed + $(grep -Eo '^# fail [0-9]+' "$log" | awk '{s+=$3} END {print s+0}')))
  TESTS_PASSED=$((TESTS_PASSED + passed))
  TESTS_FAILED=$((TESTS_FAILED + failed))
  # The names of failed tests go into the summary, so a failure in a long log is never anonymous.
  grep -E '^\s*Failed [A-Za-z_][A-Za-z0-9_.]+' "$log" | sed -E 's/^\s*Failed /    /; s/ \[.*$//' >>"$WORK/failed-tests" || true
  grep -E '^\s*not ok [0-9]+ - ' "$log" | sed -E 's/^\s*not ok [0-9]+ - /    /' >>"$WORK/failed-tests" || true
}

install_dependencies() {
  # Headless Chromium from Debian drives the browser tests (playwright-core never downloads a browser).
  # PostgreSQL from Debian: the tests run initdb/pg_ctl themselves; no system service is used.
  ensure_apt_packages redis-server chromium postgresql
  command -v node >/dev/null || ensure_apt_packages nodejs npm
  (cd tests/clients && npm ci --no-audit --no-fund)
  (cd src/Client && npm ci --no-audit --no-fund)
  (cd tests/browser && npm ci --no-audit --no-fund)
}

dotnet_tests() {
  local log="$WORK/dotnet-test.log" status=0
  dotnet test Api.sln --no-build 2>&1 | tee "$log" || status=$?
  count_tests "$log"
  return "$status"
}

# Every API test again with each server on its own database of a throw-away PostgreSQL cluster (the cluster and
# process-kill tests start their own nodes and already cover both providers where it matters).
dotnet_tests_on_postgres() {
  local log="$WORK/dotnet-test-postgres.log" status=0
  COLLECTIONSTORE_TEST_STORE=PostgreSql dotnet test tests/Api.Tests --no-build \
    --filter "FullyQualifiedName!~CollectionStore.Api.Tests.Cluster&FullyQualifiedName!~CollectionStore.Api.Tests.Durability" 2>&1 | tee "$log" || status=$?
  count_tests "$log"
  return "$status"
}

ADMIN_PASSWORD="client-tests-admin-password"

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close();});"
}

start_server() {
  local port
  port="$(free_port)"
  GRAPHQL_URL="http://127.0.0.1:$port/graphql"
  # Short access tokens so the client tests can watch a token expire on a live connection.
  # The client tests are about protocols: they run on the repository's model with every action open to everyone.
  node tests/clients/lib/open-schema.mjs "$ROOT/schema.graphql" >"$WORK/schema.graphql"
  ConnectionStrings__Store="Data Source=$WORK/store.db" \
    Schema__Path="$WORK/schema.graphql" \
    Auth__SigningKey="$(node -e "console.log(require('crypto').randomBytes(32).toString('base64'))")" \
    Auth__BootstrapAdmin__Password="$ADMIN_PASSWORD" \
    Auth__AccessTokenLifetime="00:00:04" \
    Auth__ClockSkew="00:00:01" \
    Urls="http://127.0.0.1:$port" \
    dotnet src/Api/bin/Debug/net10.0/CollectionStore.Api.dll >"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  local deadline=$((SECONDS + 60))
  until node -e "fetch('http://127.0.0.1:$port/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"; do
    if ! kill -0 "$SERVER_PID" 2>/dev/null || ((SECONDS > deadline)); then
      echo "The server did not become healthy:"
      cat "$WORK/server.log"
      return 1
    fi
    sleep 0.2
  done
  echo "Server healthy at $GRAPHQL_URL"
}

client_tests() {
  local log="$WORK/node-test.log" status=0
  start_server || return 1
  (cd tests/clients && GRAPHQL_URL="$GRAPHQL_URL" ADMIN_PASSWORD="$ADMIN_PASSWORD" npm test) 2>&1 | tee "$log" || status=$?
  count_tests "$log"
  return "$status"
}

# The browser client's own build and unit tests (node --test, no server).
browser_client_tests() {
  local log="$WORK/client-unit.log" status=0
  (cd src/Client && npm run build && npm test) 2>&1 | tee "$log" || status=$?
  count_tests "$log"
  return "$status"
}

# The client and the demo page in headless Chromium; each test file starts the built server itself
# (Development, temp SQLite file, random signing key) and prints its measurements as MEASURED lines.
browser_tests() {
  local log="$WORK/browser-test.log" status=0
  (cd tests/browser && npm test) 2>&1 | tee "$log" || status=$?
  count_tests "$log"
  return "$status"
}

step "install test dependencies" install_dependencies
step "dotnet format --verify-no-changes" dotnet format Api.sln --verify-no-changes
step "dotnet build" dotnet build Api.sln
if [[ " ${FAILED_STEPS[*]} " == *" dotnet build "* ]]; then
  echo "Build failed; skipping tests."
else
  step "dotnet test (all test projects)" dotnet_tests
  step "dotnet test on PostgreSQL (API suite with COLLECTIONSTORE_TEST_STORE=PostgreSql)" dotnet_tests_on_postgres
  step "real-client tests (npm: graphql-http audits, graphql-ws, legacy ws, graphql-sse, Apollo)" client_tests
  step "browser client: build and unit tests (src/Client)" browser_client_tests
  step "browser tests (headless Chromium against the built server)" browser_tests
fi

echo
echo "=== Summary"
for name in "${STEPS[@]}"; do
  if [[ " ${FAILED_STEPS[*]-} " == *" $name "* ]]; then echo "  FAILED  $name"; else echo "  ok      $name"; fi
done
if ((${#FAILED_STEPS[@]} > 0)) && ((TESTS_FAILED == 0)); then
  # A failed step without failed tests (format, build, install) still fails the run.
  TESTS_FAILED=${#FAILED_STEPS[@]}
fi
echo "tests: $TESTS_PASSED passed, $TESTS_FAILED failed"
if [[ -s "$WORK/failed-tests" ]]; then
  echo "failed tests:"
  sort -u "$WORK/failed-tests"
fi
((${#FAILED_STEPS[@]} == 0))
