#!/usr/bin/env bash
# Installs headless Chromium and its WebDriver (Debian packages chromium and chromium-driver) for the
# browser tests in restaurant/browser-tests, and axe-core (the accessibility checker those tests load
# into the page) from the npm registry at the version restaurant/browser-tests/package-lock.json pins.
# Idempotent: does nothing that is already done.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

install_axe() {
  local tests="$root/restaurant/browser-tests"
  [ -f "$tests/node_modules/axe-core/axe.min.js" ] && return 0
  command -v npm >/dev/null || { echo "install-browser: npm is needed to install axe-core (Debian package npm)" >&2; exit 1; }
  (cd "$tests" && npm ci --no-audit --no-fund --loglevel=error) >&2
  [ -f "$tests/node_modules/axe-core/axe.min.js" ] || { echo "install-browser: axe-core is still missing after npm ci" >&2; exit 1; }
}
install_axe

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
