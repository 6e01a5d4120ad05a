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

# Debian's Chromium for the browser tests: installed (apt-get, waiting for the dpkg lock) when missing. Without it the
# browser tests are skipped on a developer machine, and the run says how many and why; under CI=true they fail instead.
skip_reasons=()
chromium_error="$(mktemp)"
if REKINDLE_CHROMIUM="$(bash scripts/chromium.sh 2>"$chromium_error")"; then
  export REKINDLE_CHROMIUM
  cat "$chromium_error" >&2
else
  reason="$(tail -n 1 "$chromium_error")"
  if [ "${CI:-}" = "true" ]; then
    echo "error: Chromium is not available ($reason); under CI=true the browser tests fail" >&2
  else
    echo "warning: Chromium is not available ($reason); the browser tests are skipped" >&2
    skip_reasons+=("browser tests: Chromium is not available ($reason)")
  fi
fi
rm -f "$chromium_error"
if [ -z "${REKINDLE_TEST_POSTGRES:-}" ] && [ "${CI:-}" != "true" ]; then
  skip_reasons+=("PostgreSQL storage tests: PostgreSQL is not available (bash scripts/postgres.sh says why)")
fi

rm -rf TestResults
status=0
dotnet test Rekindle.slnx -c Release \
  --logger "trx" --results-directory TestResults "$@" || status=$?

# Say how many tests were skipped and why, so a skip is never silent.
skipped=0
shopt -s globstar nullglob
for trx in TestResults/**/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  skipped=$((skipped + ${t:-0} - ${e:-0}))
done
if [ "$skipped" -gt 0 ]; then
  echo "note: ${skipped} test(s) were skipped:" >&2
  for r in "${skip_reasons[@]}"; do echo "  - $r" >&2; done
  [ "${#skip_reasons[@]}" -gt 0 ] || echo "  - see the skip reasons in the TRX files in TestResults/" >&2
fi
exit "$status"
