#!/usr/bin/env bash
# Installs headless Chromium and its WebDriver (Debian packages chromium and chromium-driver) for the
# browser tests in restaurant/browser-tests. Idempotent: returns at once when both are present.
set -euo pipefail

chromium=/usr/bin/chromium
chromedriver=/usr/bin/chromedriver

if [ -x "$chromium" ] && [ -x "$chromedriver" ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo -n)
else
  echo "install-browser: $chromium or $chromedriver is missing, and installing them needs root (run as root or install sudo)" >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-browser: apt-get not found; install the Debian packages chromium and chromium-driver by hand" >&2
  exit 1
fi

echo "install-browser: installing chromium and chromium-driver" >&2
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-driver

for binary in "$chromium" "$chromedriver"; do
  if [ ! -x "$binary" ]; then
    echo "install-browser: $binary is still missing after apt-get install" >&2
    exit 1
  fi
done
"$chromium" --version >&2 || { echo "install-browser: $chromium does not start" >&2; exit 1; }
"$chromedriver" --version >&2 || { echo "install-browser: $chromedriver does not start" >&2; exit 1; }
