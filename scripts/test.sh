#!/usr/bin/env bash
# The README's test command: installs and starts what the tests need, then runs every test project.
# Safe to run again; used as-is by .ci/run. Results (TRX) go to TestResults/.
set -euo pipefail
cd "$(dirname "$0")/.."

rm -rf TestResults
dotnet test Rekindle.slnx -c Release \
  --logger "trx" --results-directory TestResults "$@"
