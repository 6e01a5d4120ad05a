#!/usr/bin/env bash
# Makes Debian's Chromium, which the browser tests drive headless through Playwright, ready on this machine and prints
# its path: installs the chromium package (apt-get) when /usr/bin/chromium is missing. Playwright never downloads a
# browser of its own here. Safe to run again. Needs root or password-less sudo the first time; exits non-zero
# (with the reason on stderr) when Chromium is missing and cannot be installed. Usage:
#   export REKINDLE_CHROMIUM="$(bash scripts/chromium.sh)"
set -euo pipefail

executable="${REKINDLE_CHROMIUM_EXECUTABLE:-/usr/bin/chromium}"  # another path only for the script's own tests

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@";
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo -n "$@";
  else echo "Chromium is missing and installing it needs root (apt-get install chromium)" >&2; return 1; fi
}

# Another apt-get or unattended-upgrades may hold the dpkg lock: wait for it (up to REKINDLE_APT_LOCK_TIMEOUT seconds,
# default 300) instead of failing at once and leaving the browser tests skipped.
lock_timeout="${REKINDLE_APT_LOCK_TIMEOUT:-300}"
apt() { as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout="$lock_timeout" "$@"; }

if [ ! -x "$executable" ]; then
  echo "installing chromium (apt-get; waits up to ${lock_timeout} s for the dpkg lock)..." >&2
  started=$SECONDS
  if ! apt update -qq >/dev/null || ! apt install -y -qq chromium >/dev/null; then
    echo "Chromium is missing and apt-get could not install it (the dpkg lock still held after ${lock_timeout} s, or no network)" >&2
    exit 1
  fi
  echo "installed $("$executable" --version) in $((SECONDS - started)) s" >&2
fi

echo "$executable"
