#!/usr/bin/env bash
# `npm test`: the whole test suite, as CI runs it.
#   1 system dependencies (PostgreSQL server, Chromium; installed with apt-get when running as root)
#   2 typecheck, check:server-imports, lint and format   3 unit tests, then the slow ones (tests/slow)
#   4 integration tests on PGlite
#   5 integration tests on PostgreSQL (a throwaway server from scripts/pg-test-server.sh, with a streaming replica):
#     all of them on the primary, then the verification ones again through the replica
#   6 production build, then the cluster tests (tests/cluster: real server processes on that PostgreSQL server and
#     its replica)   7 end-to-end tests (Playwright, Debian's Chromium)
# Every step runs even if an earlier one failed (except e2e without a build). The last line is the summary
# `N passed, N failed`: tests counted from the vitest/playwright JSON reports; a step that fails without a failed
# test to show for it (typecheck, server imports, lint, build, crash, missing dependency) counts as one failure.
# Env: SKIP_E2E=1 / SKIP_PG=1 skip those steps (counted as neither passed nor failed).
set -uo pipefail

cd "$(dirname "$0")/.."
ROOT="$PWD"
OUT="$ROOT/test-results"
mkdir -p "$OUT"
rm -f "$OUT"/vitest-*.json "$OUT"/e2e.json

PASSED=0
FAILED=0
STEP_RESULTS=()
PG_STARTED=0
# A state file of our own: never reuse (nor stop) a test server somebody started by hand.
export PG_TEST_STATE="${TMPDIR:-/tmp}/vanbang-pg-test.npm-test.$$.state"

header() { printf '\n\033[1m==== %s ====\033[0m\n' "$*"; }
note() { printf '[test.sh] %s\n' "$*"; }

cleanup() {
  if [[ $PG_STARTED == 1 ]]; then bash scripts/pg-test-server.sh stop || true; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# record NAME EXIT_CODE [PASSED FAILED]
record() {
  local name="$1" code="$2" p="${3:-0}" f="${4:-0}"
  if [[ $code != 0 && $f == 0 ]]; then f=1; fi
  PASSED=$((PASSED + p))
  FAILED=$((FAILED + f))
  local status=ok
  [[ $code == 0 ]] || status="FAILED (exit $code)"
  STEP_RESULTS+=("$(printf '%-28s %-18s %s passed, %s failed' "$name" "$status" "$p" "$f")")
}

skip() { STEP_RESULTS+=("$(printf '%-28s %s' "$1" "skipped: $2")"); }

# Prints "passed failed" from a vitest --reporter=json file (0 0 if missing).
vitest_counts() {
  node -e '
    try {
      const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
      console.log(`${r.numPassedTests ?? 0} ${r.numFailedTests ?? 0}`);
    } catch { console.log("0 0"); }' "$1"
}

# Prints "passed failed" from a playwright JSON report (0 0 if missing).
playwright_counts() {
  node -e '
    try {
      const s = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).stats ?? {};
      console.log(`${(s.expected ?? 0) + (s.flaky ?? 0)} ${s.unexpected ?? 0}`);
    } catch { console.log("0 0"); }' "$1"
}

# run_vitest NAME PROJECT JSON_FILE [env assignments...] [-- test files...]
run_vitest() {
  local name="$1" project="$2" json="$3"
  shift 3
  local assignments=() files=()
  while [[ $# -gt 0 && "$1" != "--" ]]; do assignments+=("$1"); shift; done
  [[ "${1:-}" == "--" ]] && shift && files=("$@")
  local code=0
  env "${assignments[@]}" timeout --kill-after=30 1800 node_modules/.bin/vitest run --config tests/vitest.config.ts \
    --project "$project" --reporter=default --reporter=json --outputFile.json="$json" "${files[@]}" || code=$?
  # shellcheck disable=SC2046
  record "$name" "$code" $(vitest_counts "$json")
}

is_root() { [[ "$(id -u)" == 0 ]]; }

# ---------------------------------------------------------------------------------------------------------------
header "1/7 System dependencies"
if [[ ! -x node_modules/.bin/vitest ]]; then
  note "node_modules missing: npm install"
  npm install --no-audit --no-fund || record "npm install" 1
fi

PG_OK=1
if ! bash scripts/pg-test-server.sh install; then
  PG_OK=0
  note "PostgreSQL server unavailable: the PostgreSQL integration run will fail."
fi

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
CHROMIUM_OK=1
if [[ ! -x "$CHROMIUM" ]]; then
  if is_root; then
    note "installing Chromium (apt-get install chromium)..."
    export DEBIAN_FRONTEND=noninteractive
    { apt-get update -qq && apt-get install -y -qq chromium; } || true
  fi
  if [[ ! -x "$CHROMIUM" ]]; then
    CHROMIUM_OK=0
    note "Chromium not found at $CHROMIUM. Install it (sudo apt-get install -y chromium) or set CHROMIUM_PATH."
  fi
fi
# poppler-utils: the document tests read generated PDFs back with pdftotext, pdfinfo and pdftoppm.
if ! command -v pdftotext >/dev/null && is_root; then
  note "installing poppler-utils (apt-get install poppler-utils)..."
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update -qq && apt-get install -y -qq poppler-utils; } || true
fi
command -v pdftotext >/dev/null || note "pdftotext not found: install poppler-utils (sudo apt-get install -y poppler-utils)."
note "postgresql: $([[ $PG_OK == 1 ]] && echo ok || echo MISSING); chromium: $([[ $CHROMIUM_OK == 1 ]] && "$CHROMIUM" --version 2>/dev/null || echo MISSING)"

# ---------------------------------------------------------------------------------------------------------------
header "2/7 Typecheck (tsc --noEmit)"
code=0
timeout --kill-after=30 900 node_modules/.bin/tsc --noEmit || code=$?
record "typecheck" "$code"

header "2/7 Server-only values in browser code (check:server-imports)"
code=0
timeout --kill-after=30 300 node_modules/.bin/tsx scripts/check-server-imports.ts || code=$?
record "server imports" "$code"

header "2/7 Lint (eslint, import boundaries, module cycles)"
code=0
timeout --kill-after=30 600 npm run --silent lint || code=$?
record "lint" "$code"

header "2/7 Format (prettier --check)"
code=0
timeout --kill-after=30 300 npm run --silent format:check || code=$?
record "format" "$code"

# ---------------------------------------------------------------------------------------------------------------
header "3/7 Unit tests"
run_vitest "unit" unit "$OUT/vitest-unit.json"

header "3/7 Slow unit tests (exhaustive QR mutation, fuzzing, PDF, crypto)"
run_vitest "slow" slow "$OUT/vitest-slow.json"

# ---------------------------------------------------------------------------------------------------------------
header "4/7 Integration tests (PGlite)"
run_vitest "integration (pglite)" integration "$OUT/vitest-integration-pglite.json" -u TEST_DATABASE_URL

# ---------------------------------------------------------------------------------------------------------------
header "5/7 Integration tests (PostgreSQL)"
if [[ "${SKIP_PG:-}" == 1 ]]; then
  skip "integration (postgres)" "SKIP_PG=1"
elif [[ $PG_OK == 0 ]]; then
  record "integration (postgres)" 1
else
  if pg_env="$(PG_TEST_REPLICA=1 bash scripts/pg-test-server.sh start)"; then
    PG_STARTED=1
    eval "$pg_env"
    note "TEST_DATABASE_URL=$TEST_DATABASE_URL TEST_DATABASE_REPLICA_URL=${TEST_DATABASE_REPLICA_URL:-}"
    run_vitest "integration (postgres)" integration "$OUT/vitest-integration-postgres.json" \
      -u TEST_DATABASE_REPLICA_URL TEST_DATABASE_URL="$TEST_DATABASE_URL"
    # The verification tests again, their reads answered by the streaming replica (tests/support/test-database.ts).
    run_vitest "integration (replica)" integration "$OUT/vitest-integration-replica.json" \
      TEST_DATABASE_URL="$TEST_DATABASE_URL" TEST_DATABASE_REPLICA_URL="${TEST_DATABASE_REPLICA_URL:-}" -- \
      tests/integration/verification.test.ts tests/integration/verify-lookup.test.ts \
      tests/integration/verify-receipt.test.ts tests/integration/registry-changes.test.ts
    # Kept running for the cluster tests after the build (step 6); the EXIT trap stops it.
  else
    note "could not start the PostgreSQL test server"
    record "integration (postgres)" 1
  fi
fi

# ---------------------------------------------------------------------------------------------------------------
header "6/7 Production build"
code=0
timeout --kill-after=30 900 npm run build || code=$?
record "build" "$code"
BUILD_OK=$((code == 0))

header "6/7 Many processes and the read replica (tests/cluster, PostgreSQL)"
if [[ "${SKIP_PG:-}" == 1 ]]; then
  skip "cluster (postgres)" "SKIP_PG=1"
elif [[ $BUILD_OK != 1 || $PG_STARTED != 1 ]]; then
  note "no build or no PostgreSQL server: cluster tests not run"
  record "cluster (postgres)" 1
else
  run_vitest "cluster (postgres)" cluster "$OUT/vitest-cluster.json" \
    TEST_DATABASE_URL="$TEST_DATABASE_URL" TEST_DATABASE_REPLICA_URL="${TEST_DATABASE_REPLICA_URL:-}"
  bash scripts/pg-test-server.sh stop && PG_STARTED=0
fi

# ---------------------------------------------------------------------------------------------------------------
header "7/7 End-to-end tests (Playwright)"
if [[ "${SKIP_E2E:-}" == 1 ]]; then
  skip "e2e" "SKIP_E2E=1"
elif [[ $BUILD_OK != 1 ]]; then
  note "no build: end-to-end tests not run"
  record "e2e" 1
elif [[ $CHROMIUM_OK != 1 ]]; then
  record "e2e" 1
else
  code=0
  CHROMIUM_PATH="$CHROMIUM" E2E_JSON_FILE="$OUT/e2e.json" \
    timeout --kill-after=30 1800 node_modules/.bin/playwright test --config tests/playwright.config.ts || code=$?
  # shellcheck disable=SC2046
  record "e2e" "$code" $(playwright_counts "$OUT/e2e.json")
fi

# ---------------------------------------------------------------------------------------------------------------
header "Summary"
printf '%s\n' "${STEP_RESULTS[@]}"
echo
echo "$PASSED passed, $FAILED failed"
[[ $FAILED == 0 ]]
