#!/usr/bin/env bash
# `npm test`: everything, in order. Typecheck, lint, unit tests under three time zones,
# integration on PGlite, on PostgreSQL and through the Neon driver, then the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "typecheck"
npx tsc --noEmit

step "lint"
npx eslint .

for tz in UTC America/Los_Angeles Asia/Kolkata; do
  step "unit tests (TZ=$tz)"
  TZ=$tz npx vitest run --project unit
done

step "integration tests on PGlite (embedded)"
BATON_TEST_DB=pglite npx vitest run --project integration

if [ -n "${TEST_DATABASE_URL:-}" ] || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  step "integration tests on PostgreSQL (${TEST_DATABASE_URL:+TEST_DATABASE_URL}${TEST_DATABASE_URL:-throwaway cluster})"
  BATON_TEST_DB=postgres npx vitest run --project integration
  step "integration tests through the Neon driver (WebSocket proxy to PostgreSQL)"
  BATON_TEST_DB=neon npx vitest run --project integration
elif [ -n "${BATON_REQUIRE_POSTGRES:-}" ]; then
  echo "PostgreSQL is required here but missing: apt-get install -y postgresql, or set TEST_DATABASE_URL=postgres://…" >&2
  exit 1
else
  echo "SKIPPED: the PostgreSQL and Neon integration suites need PostgreSQL. Enable them with 'apt-get install -y postgresql' (a throwaway cluster is started) or TEST_DATABASE_URL=postgres://user@host/db."
fi

step "end-to-end tests (Playwright, Debian Chromium)"
bash .ci/e2e.sh
