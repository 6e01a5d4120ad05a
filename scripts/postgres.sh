#!/usr/bin/env bash
# Makes the PostgreSQL server the storage tests use ready on this machine, and prints its connection string:
# installs Debian's postgresql package when it is missing, starts the server, creates the role
# rekindle/rekindle (LOGIN CREATEDB; each test creates and drops its own database).
# Safe to run again. Needs root or sudo the first time. Usage:
#   export REKINDLE_TEST_POSTGRES="$(bash scripts/postgres.sh)"
set -euo pipefail

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then su postgres -c "$1"; else sudo -u postgres sh -c "$1"; fi; }

if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! command -v psql >/dev/null 2>&1; then
  echo "installing postgresql (apt-get)..." >&2
  as_root apt-get -o DPkg::Lock::Timeout="${REKINDLE_APT_LOCK_TIMEOUT:-300}" update -qq >/dev/null
  as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout="${REKINDLE_APT_LOCK_TIMEOUT:-300}" install -y -qq postgresql >/dev/null
fi

if [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
  version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  as_root pg_createcluster "$version" main >/dev/null
fi

if ! pg_lsclusters -h | awk '{print $4}' | grep -q online; then
  as_root service postgresql start >/dev/null
fi

port=$(pg_lsclusters -h | awk 'NR==1 {print $3}')
for _ in $(seq 1 60); do
  pg_isready -q -h 127.0.0.1 -p "$port" && break
  sleep 0.5
done

if ! as_postgres "psql -p $port -tAc \"SELECT 1 FROM pg_roles WHERE rolname = 'rekindle'\"" | grep -q 1; then
  as_postgres "psql -p $port -qc \"CREATE ROLE rekindle LOGIN PASSWORD 'rekindle' CREATEDB;\"" >/dev/null
fi
# Tests drop their databases WITH (FORCE): let the role end a server process of another role still attached.
as_postgres "psql -p $port -qc \"GRANT pg_signal_backend TO rekindle;\"" >/dev/null 2>&1 || true

echo "Host=127.0.0.1;Port=$port;Username=rekindle;Password=rekindle;Database=rekindle"
