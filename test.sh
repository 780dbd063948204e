#!/usr/bin/env bash
# Runs every test: unit, integration (SQLite and PostgreSQL) and browser tests.
#
# PostgreSQL: uses LODESTONE_TEST_POSTGRES when set; otherwise, if PostgreSQL is installed, starts a
# throwaway cluster with scripts/postgres.sh for the run. Without PostgreSQL (or without Chromium for
# the browser tests) those tests are skipped locally, and fail in CI (CI=true).
set -euo pipefail
cd "$(dirname "$0")"

started_postgres=""
if [[ -z "${LODESTONE_TEST_POSTGRES:-}" ]] && { command -v initdb >/dev/null 2>&1 || compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; }; then
  eval "$(scripts/postgres.sh start)"
  started_postgres=1
fi
cleanup() { if [[ -n "$started_postgres" ]]; then scripts/postgres.sh stop >/dev/null 2>&1 || true; fi; }
trap cleanup EXIT

dotnet tool restore >/dev/null
dotnet build Lodestone.slnx -c Release -nologo -v quiet
dotnet test Lodestone.slnx -c Release --no-build -nologo "$@"
