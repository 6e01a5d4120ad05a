#!/usr/bin/env bash
# The README's test command: installs and starts what the tests need, then runs every test project.
# Safe to run again; used as-is by .ci/run. Results (TRX) go to TestResults/.
set -euo pipefail
cd "$(dirname "$0")/.."

# PostgreSQL 15 for the storage tests: installed (apt-get) and started when missing, role rekindle created.
# Without it (no root, no sudo) the PostgreSQL half of the storage tests is skipped, and fails under CI=true.
if REKINDLE_TEST_POSTGRES="$(bash scripts/postgres.sh)"; then
  export REKINDLE_TEST_POSTGRES
else
  echo "warning: PostgreSQL is not available; its storage tests are skipped (they fail under CI=true)" >&2
fi

# Debian's Chromium for the browser tests: installed (apt-get) when missing. Without it (no root, no sudo) the browser
# tests are skipped with the reason; under CI=true they fail instead.
if REKINDLE_CHROMIUM="$(bash scripts/chromium.sh)"; then
  export REKINDLE_CHROMIUM
elif [ "${CI:-}" = "true" ]; then
  echo "error: Chromium is not available; under CI=true the browser tests fail" >&2
else
  echo "warning: Chromium is not available; the browser tests are skipped" >&2
fi

rm -rf TestResults
dotnet test Rekindle.slnx -c Release \
  --logger "trx" --results-directory TestResults "$@"
