#!/usr/bin/env bash
# Starts the real server (Release build) on a fresh database, waits for /health, checks that the demo
# queue and the API answer, files one application over HTTP, and stops the server.
#   scripts/smoke.sh sqlite
#   scripts/smoke.sh "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres"
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
if [[ "${1:-sqlite}" == "sqlite" ]]; then
  database="$work/lodestone.db"
else
  name="lodestone_smoke_$RANDOM$RANDOM"
  psql "$(echo "$1" | sed 's/;/ /g; s/Host=/host=/; s/Port=/port=/; s/Username=/user=/; s/Database=/dbname=/')" -qc "CREATE DATABASE $name" >/dev/null
  database="$(echo "$1" | sed "s/Database=[^;]*/Database=$name/")"
fi

port=5180
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
dotnet build src/Lodestone.Server -c Release -nologo -v quiet >/dev/null
# Development, as `dotnet run` from the README: demo data and the documented demo accounts.
(cd "$work" && ASPNETCORE_ENVIRONMENT=Development Lodestone__Database="$database" exec dotnet "$OLDPWD/src/Lodestone.Server/bin/Release/net10.0/Lodestone.Server.dll" --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1) &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true' EXIT

base="http://127.0.0.1:$port"
for _ in $(seq 1 120); do
  if curl -sf "$base/health" >/dev/null; then break; fi
  if ! kill -0 $server 2>/dev/null; then cat "$work/server.log"; exit 1; fi
  sleep 1
done
# Fetch to a file, then look: `curl | grep -q` fails under pipefail when grep stops reading early.
fetch() { curl -sf -H "Authorization: Bearer ${token:-none}" "$base$1" -o "$work/body" || { echo "smoke: GET $1 failed"; cat "$work/server.log"; exit 1; }; }
fetch /health; grep -q Healthy "$work/body"
fetch /account/login; grep -q "Sign in" "$work/body"
status=$(curl -s -o /dev/null -w '%{http_code}' "$base/api/v1/applications")
[[ "$status" == 401 ]] || { echo "smoke: anonymous API call got $status"; exit 1; }
curl -sf -X POST -H 'content-type: application/json' -d '{"email":"officer@demo.lodestone.test","password":"demo-officer-password"}' "$base/api/v1/auth/token" -o "$work/token"
token=$(grep -o '"token":"[^"]*"' "$work/token" | cut -d'"' -f4)
fetch /; grep -q "Application queue" "$work/body"
fetch "/api/v1/applications?status=open&pageSize=1"
open=$(grep -o '"total":[0-9]*' "$work/body" | cut -d: -f2)
[[ "$open" -gt 0 ]] || { echo "smoke: the demo queue is empty"; exit 1; }
fetch /openapi/v1.json; grep -q '/api/v1/applications' "$work/body"
status=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $token" -H 'content-type: application/json' -d '{"items":[]}' "$base/api/v1/classifications")
[[ "$status" == 400 ]] || { echo "smoke: bad input got $status"; exit 1; }
# Screening against the default lists the demo loads: a Chinese name meets its listed entry.
curl -sf -X POST -H "Authorization: Bearer $token" -H 'content-type: application/json' -d '{"name":"洛克希德·马丁公司"}' "$base/api/v1/screenings" -o "$work/body"
grep -q 'cn-unreliable-entity' "$work/body" || { echo "smoke: screening did not find Lockheed Martin on the Unreliable Entity List"; cat "$work/body"; exit 1; }
fetch "/api/v1/screening/hits?pageSize=1"
hits=$(grep -o '"total":[0-9]*' "$work/body" | cut -d: -f2)
[[ "$hits" -gt 0 ]] || { echo "smoke: the demo has no hits for officers to review"; exit 1; }
echo "smoke ($([[ "$database" == *Host=* ]] && echo PostgreSQL || echo SQLite)): server healthy, demo queue has $open open applications, $hits hits to review."
