#!/usr/bin/env bash
# Installs headless Chromium and its WebDriver (Debian packages chromium and chromium-driver) for the
# browser tests in restaurant/browser-tests. Idempotent: returns at once when both are present.
set -euo pipefail

chromium=/usr/bin/chromium
chromedriver=/usr/bin/chromedriver

if [ -x "$chromium" ] && [ -x "$chromedriver" ]; then
  exit 0
fi

source "$(dirname "${BASH_SOURCE[0]}")/apt.sh"
apt_prepare install-browser "$chromium or $chromedriver" chromium chromium-driver
apt_install install-browser chromium chromium-driver

for binary in "$chromium" "$chromedriver"; do
  if [ ! -x "$binary" ]; then
    echo "install-browser: $binary is still missing after apt-get install" >&2
    exit 1
  fi
done
"$chromium" --version >&2 || { echo "install-browser: $chromium does not start" >&2; exit 1; }
"$chromedriver" --version >&2 || { echo "install-browser: $chromedriver does not start" >&2; exit 1; }
