#!/usr/bin/env bash
# Loopback HTTP load test: `portcullis pdp` vs Cerbos's AuthZEN endpoint, same machine, same run, same policies and
# requests (wrk -t2 -c32). Bounded: each run lasts DURATION seconds (default 10) and targets 127.0.0.1 only.
# Usage: benchmarks/pdp-http/compare.sh [DURATION]
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
duration=${1:-10}
here=benchmarks/pdp-http
policies=$root/$here/policies
out=$root/artifacts/benchmarks
mkdir -p "$out"
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }
(cd tools && npm ci --no-audit --no-fund --loglevel=error)
dotnet build src/Portcullis -c Release -nologo -v:q -clp:ErrorsOnly

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
  || node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

# Cerbos
cport=$(free_port); gport=$(free_port)
tmp=$(mktemp -d)
cat > "$tmp/cerbos.yaml" <<YAML
server:
  httpListenAddr: "127.0.0.1:$cport"
  grpcListenAddr: "127.0.0.1:$gport"
  requestLimits:
    maxResourcesPerRequest: 100
storage:
  driver: disk
  disk:
    directory: "$policies"
    watchForChanges: false
audit:
  enabled: false
YAML
tools/node_modules/@cerbos/cerbos-linux-x64/cerbos-linux-x64 server --config="$tmp/cerbos.yaml" --log-level=error > "$out/cerbos.log" 2>&1 &
pids+=($!)

# Portcullis
pport=$(free_port)
dotnet src/Portcullis/bin/Release/net10.0/portcullis.dll pdp --policies "$policies" --urls "http://127.0.0.1:$pport" > "$out/portcullis-pdp.log" 2>&1 &
pids+=($!)

wait_http() { for _ in $(seq 1 100); do curl -sf -o /dev/null "$1" && return 0; sleep 0.2; done; echo "not up: $1" >&2; exit 1; }
wait_http "http://127.0.0.1:$cport/_cerbos/health"
wait_http "http://127.0.0.1:$pport/.well-known/authzen-configuration"

run() { # name port path body
  local line
  wrk -t2 -c32 -d"${duration}s" --latency -s $here/post.lua "http://127.0.0.1:$2" -- "$3" "$4" > "$out/wrk-$1.txt" 2>&1
  line=$(grep '^RESULT' "$out/wrk-$1.txt")
  echo "$1 $line"
}

{
  run cerbos-evaluation "$cport" /access/v1/evaluation $here/evaluation.json
  run portcullis-evaluation "$pport" /access/v1/evaluation $here/evaluation.json
  run cerbos-evaluations-100 "$cport" /access/v1/evaluations $here/evaluations-100.json
  run portcullis-evaluations-100 "$pport" /access/v1/evaluations $here/evaluations-100.json
} | tee "$out/pdp-http.txt"
