#!/usr/bin/env bash
# MCP load test (issue 5), one run on loopback: a tools/call of the ExpenseServer's list_expenses (stateless Streamable
# HTTP, C# SDK) sent to three targets
#   direct    the ExpenseServer itself
#   proxy     `portcullis serve` with an anonymous route to it (the plain proxy hop, no MCP stage)
#   gateway   `portcullis serve` with an MCP route (JWT, COAZ-MCP declared mapping, embedded PDP, decision cache 60 s)
# first one request at a time (the latency each adds), then at a fixed rate. Each target is warmed up first (WARMUP s,
# default 20: the JIT needs it on one core). Before the runs one tools/list goes through the gateway (it learns the
# tool's declared mapping) and one tools/call fills the decision cache.
# Results: artifacts/mcp-http-results.md (raw output in artifacts/mcp-http/).
# Usage: benchmarks/mcp-http/compare.sh [DURATION]   (default 10 s per target; RATE requests/s, default 200;
# CONNECTIONS default 10; PIN=1 pins the load generator to one CPU and both servers to the others, default 0: with two
# CPUs that puts the gateway and the MCP server on one core, which measures their context switches, not the gateway)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
here=$root/benchmarks/mcp-http
duration=${1:-10}
rate=${RATE:-200}
connections=${CONNECTIONS:-10}
out=$root/artifacts/mcp-http
results=$root/artifacts/mcp-http-results.md
mkdir -p "$out"
rm -f "$out"/*.txt "$out"/*.log

say() { echo "[mcp-http] $*" >&2; }
die() { say "FAILED: $*"; exit 1; }

warmup=${WARMUP:-20}
sequential=${SEQUENTIAL:-3000}
command -v hey >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hey >/dev/null; }
say "building (Release)"
for project in src/Portcullis samples/mcp/ExpenseServer benchmarks/Portcullis.Benchmarks; do
  dotnet build "$project" -c Release -nologo -v:q -clp:ErrorsOnly >/dev/null || die "dotnet build $project"
done
portcullis_dll=$root/src/Portcullis/bin/Release/net10.0/portcullis.dll
expense_dll=$root/samples/mcp/ExpenseServer/bin/Release/net10.0/ExpenseServer.dll
bench_dll=$root/benchmarks/Portcullis.Benchmarks/bin/Release/net10.0/Portcullis.Benchmarks.dll

cpus=$(nproc)
if [ "${PIN:-0}" = 1 ] && [ "$cpus" -ge 2 ]; then
  on_servers=(taskset -c 0-$((cpus - 2))); on_load=(taskset -c $((cpus - 1))); pinning="load generator on CPU $((cpus - 1)), servers on 0-$((cpus - 2))"
else
  on_servers=(); on_load=(); pinning="none"
fi

tmp=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
expense_port=$(free_port); jwks_port=$(free_port); gateway_port=$(free_port); proxy_port=$(free_port)

issuer="http://127.0.0.1:$jwks_port"
resource="https://expenses.bench.test/mcp"
token=$(dotnet "$bench_dll" --gateway-token "$issuer" "$resource" "$tmp/jwks.json") || die "token mint"
(cd "$tmp" && exec python3 -m http.server "$jwks_port" --bind 127.0.0.1 >"$out/jwks.log" 2>&1) &
pids+=($!)
"${on_servers[@]}" dotnet "$expense_dll" --urls "http://127.0.0.1:$expense_port" --Mcp:Stateless true >"$out/expense.log" 2>&1 &
pids+=($!)
cat > "$tmp/portcullis.yaml" <<YAML
pdp:
  policies: $here/policies
decision_records:
  output: none
issuers:
  - issuer: $issuer
    jwks_uri: $issuer/jwks.json
    audiences: [$resource]
routes:
  - id: expenses
    path: /mcp
    upstream: http://127.0.0.1:$expense_port
    decision_cache_ttl_seconds: 60
    mcp:
      resource: $resource
YAML
cp "$tmp/portcullis.yaml" "$out/portcullis.yaml"
cat > "$tmp/proxy.yaml" <<YAML
decision_records:
  output: none
routes:
  - id: plain
    path: /mcp
    anonymous: true
    upstream: http://127.0.0.1:$expense_port
YAML
"${on_servers[@]}" dotnet "$portcullis_dll" serve --config "$tmp/proxy.yaml" --urls "http://127.0.0.1:$proxy_port" >"$out/proxy.log" 2>&1 &
pids+=($!)
"${on_servers[@]}" dotnet "$portcullis_dll" serve --config "$tmp/portcullis.yaml" --urls "http://127.0.0.1:$gateway_port" >"$out/gateway.log" 2>&1 &
pids+=($!)

headers=(-H "Content-Type: application/json" -H "Accept: application/json, text/event-stream" -H "MCP-Protocol-Version: 2025-11-25")
call='{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"list_expenses","arguments":{}}}'
list='{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{}}'
post() { curl -s --max-time 5 "${headers[@]}" "$@"; }
wait_for() { # url auth-args...
  local url=$1; shift
  for _ in $(seq 1 150); do
    if post "$@" -d "$call" "$url" 2>/dev/null | grep -q '"result"'; then return 0; fi
    sleep 0.2
  done
  cat "$out"/*.log >&2
  die "no tools/call result from $url within 30 s"
}
direct="http://127.0.0.1:$expense_port/mcp"
gateway="http://127.0.0.1:$gateway_port/mcp"
proxy="http://127.0.0.1:$proxy_port/mcp"
wait_for "$direct"
wait_for "$proxy"
post -H "Authorization: Bearer $token" -d "$list" "$gateway" >/dev/null || true
wait_for "$gateway" -H "Authorization: Bearer $token"
denied=$(post -d "$call" -o /dev/null -w '%{http_code}' "$gateway")
[ "$denied" = 401 ] || die "the gateway answered $denied without a token (expected 401)"

stats() { # file -> "p50_ms p99_ms rps ok"
  awk '$1 == "50%" { p50 = $3 } $1 == "99%" { p99 = $3 } /Requests\/sec/ { rps = $2 } /\[200\]/ { ok = $2 }
       END { printf "%.2f %.2f %.1f %d", p50 * 1000, p99 * 1000, rps, ok }' "$1"
}
run() { # name url auth-header...
  local name=$1 url=$2; shift 2
  local per_worker=$(( (rate + connections - 1) / connections ))
  "${on_load[@]}" hey -z "${warmup}s" -c "$connections" -q "$per_worker" -m POST "${headers[@]}" "$@" -d "$call" "$url" >/dev/null 2>&1 || true
  "${on_load[@]}" hey -n "$sequential" -c 1 -m POST "${headers[@]}" "$@" -d "$call" "$url" >"$out/$name-sequential.txt" 2>&1
  "${on_load[@]}" hey -z "${duration}s" -c "$connections" -q "$per_worker" -m POST "${headers[@]}" "$@" -d "$call" "$url" >"$out/$name-rate.txt" 2>&1
  echo "$(stats "$out/$name-sequential.txt") $(stats "$out/$name-rate.txt")"
}
say "per target: ${warmup}s warm-up, $sequential requests one at a time, then $rate req/s for ${duration}s on $connections connections ($pinning)"
read -r d_s50 d_s99 _ d_sok d_r50 d_r99 d_rps d_rok <<<"$(run direct "$direct")"
read -r p_s50 p_s99 _ p_sok p_r50 p_r99 p_rps p_rok <<<"$(run proxy "$proxy")"
read -r g_s50 g_s99 _ g_sok g_r50 g_r99 g_rps g_rok <<<"$(run gateway "$gateway" -H "Authorization: Bearer $token")"
minus() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a - b }'; }
{
  echo "# MCP load test — $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "tools/call list_expenses (ExpenseServer, stateless, SSE answer); ${warmup}s warm-up per target; pinning: $pinning"
  echo
  echo "| target | one at a time: p50 (ms) | p99 (ms) | 200s | at $rate req/s: p50 (ms) | p99 (ms) | req/s | 200s |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  echo "| ExpenseServer directly | $d_s50 | $d_s99 | $d_sok | $d_r50 | $d_r99 | $d_rps | $d_rok |"
  echo "| plain proxy hop (anonymous route) | $p_s50 | $p_s99 | $p_sok | $p_r50 | $p_r99 | $p_rps | $p_rok |"
  echo "| Portcullis MCP route (cached decision) | $g_s50 | $g_s99 | $g_sok | $g_r50 | $g_r99 | $g_rps | $g_rok |"
  echo
  echo "Added by the MCP route over calling the server directly, one at a time: p50 $(minus "$g_s50" "$d_s50") ms, p99 $(minus "$g_s99" "$d_s99") ms (goal: p99 <= 1 ms);"
  echo "of which the plain proxy hop: p50 $(minus "$p_s50" "$d_s50") ms, p99 $(minus "$p_s99" "$d_s99") ms. At $rate req/s: p99 $(minus "$g_r99" "$d_r99") ms added."
} | tee "$results"
