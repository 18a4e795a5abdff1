#!/usr/bin/env bash
# Playwright against `next build` + `next start` (through `npm start`) on a fresh embedded database.
set -euo pipefail
cd "$(dirname "$0")/.."
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "Installing Debian's Chromium for the browser tests…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
  else
    echo "The browser tests need Chromium at $CHROMIUM: run 'sudo apt-get install -y chromium' (never 'npx playwright install')." >&2
    exit 1
  fi
fi
export E2E_DATA_DIR="${E2E_DATA_DIR:-.data-e2e}"
rm -rf "$E2E_DATA_DIR" test-results/screenshots
mkdir -p test-results/screenshots e2e/.auth
npx playwright test "$@"
