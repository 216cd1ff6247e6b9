#!/usr/bin/env bash
# Gateway load test (issue 4), one run on loopback, six targets in front of the same upstream:
#   direct         the upstream itself (nginx answering `return 200` with a small JSON body)
#   nginx          nginx as a plain reverse proxy to it (keepalive upstream pool)
#   yarp           bare YARP (benchmarks/BareYarp), one catch-all route, no auth
#   pc-cached      portcullis serve: JWT + decision cache (decision_cache_ttl_seconds: 60), PDP = Cerbos over HTTP
#   pc-embedded    portcullis serve: JWT + embedded PDP, no cache
#   pc-cerbos      portcullis serve: JWT + Cerbos over HTTP (AuthZEN), no cache
# Each target: wrk warm-up, then ROUNDS runs of DURATION s, targets in turn -> requests/s, p50, p99 of the median
# run (max rate). Then a fixed-rate run with
# `hey` at half of nginx's max rate against direct and pc-cached -> the p99 Portcullis adds. Last, Cerbos is stopped
# and pc-cached must still allow a request it has just decided (pc-cerbos must answer 503): proof the cache served
# the run. Results: artifacts/gateway-http-results.md (raw output in artifacts/gateway-http/). See README.md here.
# Usage: benchmarks/gateway-http/compare.sh [DURATION]        (default 10; 2-3 for a smoke run)
# Environment: WARMUP (s per target, once, default 60), ROUNDS (default 3), CONNECTIONS (default 50), PIN (1 = pin load generator and servers to separate
# CPUs when there are >= 2, default 1), THREADS (wrk threads; default the load generator's CPU count).
# Exit: 0 all good; 1 a target did not start or answered wrongly; 3 the decision cache was not in effect.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
here=$root/benchmarks/gateway-http
duration=${1:-10}
warmup=${WARMUP:-60}
rounds=${ROUNDS:-3}
connections=${CONNECTIONS:-50}
out=$root/artifacts/gateway-http
results=$root/artifacts/gateway-http-results.md
mkdir -p "$out"
rm -f "$out"/*.txt "$out"/*.log

say() { echo "[gateway-http] $*" >&2; }
die() { say "FAILED: $*"; exit 1; }

# --- tools -----------------------------------------------------------------------------------------------------------
need=()
command -v wrk >/dev/null || need+=(wrk)
command -v hey >/dev/null || need+=(hey)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx-light)
if [ ${#need[@]} -gt 0 ]; then
  say "installing ${need[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
cerbos_bin=$root/tools/node_modules/@cerbos/cerbos-linux-x64/cerbos-linux-x64
[ -x "$cerbos_bin" ] || (cd tools && npm ci --no-audit --no-fund --loglevel=error)

say "building (Release)"
for project in src/Portcullis benchmarks/BareYarp benchmarks/Portcullis.Benchmarks; do
  dotnet build "$project" -c Release -nologo -v:q -clp:ErrorsOnly >/dev/null || die "dotnet build $project"
done
portcullis_dll=$root/src/Portcullis/bin/Release/net10.0/portcullis.dll
yarp_dll=$root/benchmarks/BareYarp/bin/Release/net10.0/BareYarp.dll
bench_dll=$root/benchmarks/Portcullis.Benchmarks/bin/Release/net10.0/Portcullis.Benchmarks.dll

# --- CPUs: the load generator on the last CPU, every server on the others ----------------------------------------------
cpus=$(nproc)
if [ "${PIN:-1}" = 1 ] && [ "$cpus" -ge 2 ]; then
  load_cpus=$((cpus - 1)); server_cpus=0-$((cpus - 2)); load_cpu_count=1
  on_servers=(taskset -c "$server_cpus")
  on_load=(taskset -c "$load_cpus")
  pinning="load generator on CPU $load_cpus, servers on CPU $server_cpus"
else
  load_cpu_count=$cpus
  on_servers=()
  on_load=()
  pinning="none"
fi
threads=${THREADS:-$load_cpu_count}

# --- processes: every one started here is killed on exit, by its id ---------------------------------------------------
tmp=$(mktemp -d)
chmod 755 "$tmp" # nginx workers (user nobody) read the JWKS file from here
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
  || node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
declare -A port pid
for name in direct jwks nginx yarp pc-cached pc-embedded pc-cerbos cerbos cerbos-grpc; do port[$name]=$(free_port); done

start() { # name log command...
  local name=$1 log=$2; shift 2
  # A simple command in the background: $! is the server's own process id (taskset and dotnet exec in place).
  "${on_servers[@]}" "$@" > "$log" 2>&1 &
  pid[$name]=$!
  pids+=($!)
}

# Waits until URL answers 200 with the upstream's body (through every proxy), or fails with the process's log.
body='{"id":42,"name":"bench","done":false}'
wait_ready() { # name url log [curl args...]
  local name=$1 url=$2 log=$3; shift 3
  for _ in $(seq 1 150); do
    kill -0 "${pid[$name]}" 2>/dev/null || { cat "$log" >&2; die "$name exited while starting (log above)"; }
    if [ "$(curl -s --max-time 2 "$@" "$url" 2>/dev/null)" = "$body" ]; then return 0; fi
    sleep 0.2
  done
  cat "$log" >&2
  curl -s -i --max-time 2 "$@" "$url" >&2 || true
  die "$name did not answer 200 with the upstream's body at $url within 30 s"
}

# --- upstream, JWKS and nginx proxy ------------------------------------------------------------------------------------
nginx_common="daemon off; worker_processes 1; pid $tmp/NAME.pid;
events { worker_connections 4096; }"
http_common="access_log off; keepalive_requests 1000000; keepalive_timeout 120s;
  client_body_temp_path $tmp/NAME-body; proxy_temp_path $tmp/NAME-proxy; fastcgi_temp_path $tmp/NAME-fcgi;
  uwsgi_temp_path $tmp/NAME-uwsgi; scgi_temp_path $tmp/NAME-scgi;"
cat > "$tmp/direct.conf" <<NGINX
${nginx_common//NAME/direct}
http {
  ${http_common//NAME/direct}
  server {
    listen 127.0.0.1:${port[direct]};
    location / { default_type application/json; return 200 '$body'; }
  }
  server {
    listen 127.0.0.1:${port[jwks]};
    location = /jwks.json { default_type application/json; alias $tmp/jwks.json; }
  }
}
NGINX
cat > "$tmp/nginx.conf" <<NGINX
${nginx_common//NAME/nginx}
http {
  ${http_common//NAME/nginx}
  upstream backend { server 127.0.0.1:${port[direct]}; keepalive 64; keepalive_requests 1000000; }
  server {
    listen 127.0.0.1:${port[nginx]};
    location / { proxy_pass http://backend; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
NGINX

issuer="http://127.0.0.1:${port[jwks]}"
audience="api://bench"
token=$(dotnet "$bench_dll" --gateway-token "$issuer" "$audience" "$tmp/jwks.json") || die "token mint"
chmod 644 "$tmp/jwks.json"
auth="Authorization: Bearer $token"

start direct "$out/nginx-direct.log" "$nginx_bin" -p "$tmp" -e "$tmp/direct-error.log" -c "$tmp/direct.conf"
start nginx "$out/nginx-proxy.log" "$nginx_bin" -p "$tmp" -e "$tmp/nginx-error.log" -c "$tmp/nginx.conf"
start yarp "$out/bare-yarp.log" dotnet "$yarp_dll" --urls "http://127.0.0.1:${port[yarp]}" --upstream "http://127.0.0.1:${port[direct]}"

# --- Cerbos ------------------------------------------------------------------------------------------------------------
cat > "$tmp/cerbos.yaml" <<YAML
server:
  httpListenAddr: "127.0.0.1:${port[cerbos]}"
  grpcListenAddr: "127.0.0.1:${port[cerbos-grpc]}"
storage:
  driver: disk
  disk:
    directory: "$here/policies"
    watchForChanges: false
audit:
  enabled: false
telemetry:
  disabled: true
YAML
start cerbos "$out/cerbos.log" "$cerbos_bin" server --config="$tmp/cerbos.yaml" --log-level=error

# --- Portcullis: three configurations ----------------------------------------------------------------------------------
gateway_config() { # file pdp-block extra-route-lines
  cat > "$1" <<YAML
pdp:
  policies: $here/policies
issuers:
  - issuer: $issuer
    jwks_uri: $issuer/jwks.json
    audiences: [$audience]
routes:
  - id: api
    path: /api/{**rest}
    upstream: http://127.0.0.1:${port[direct]}/
$3
    authzen:
      pdp: $2
      subject:
        properties:
          roles: claim::roles
YAML
}
cerbos_pdp="{host: \"http://127.0.0.1:${port[cerbos]}\", platform: cerbos}"
gateway_config "$tmp/pc-cached.yaml" "$cerbos_pdp" "    decision_cache_ttl_seconds: 60"
gateway_config "$tmp/pc-embedded.yaml" embedded ""
gateway_config "$tmp/pc-cerbos.yaml" "$cerbos_pdp" ""
for name in pc-cached pc-embedded pc-cerbos; do
  cp "$tmp/$name.yaml" "$out/$name.yaml"
  start "$name" "$out/$name.log" dotnet "$portcullis_dll" serve --config "$tmp/$name.yaml" --urls "http://127.0.0.1:${port[$name]}"
done

path=/api/items/42
url() { echo "http://127.0.0.1:${port[$1]}$path"; }
wait_ready direct "$(url direct)" "$out/nginx-direct.log"
wait_ready nginx "$(url nginx)" "$out/nginx-proxy.log"
wait_ready yarp "$(url yarp)" "$out/bare-yarp.log"
for _ in $(seq 1 100); do curl -sf -o /dev/null "http://127.0.0.1:${port[cerbos]}/_cerbos/health" && break; sleep 0.2; done
for name in pc-cached pc-embedded pc-cerbos; do wait_ready "$name" "$(url "$name")" "$out/$name.log" -H "$auth"; done
# A request without a token must be refused: the gateways really authenticate.
for name in pc-cached pc-embedded pc-cerbos; do
  status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$(url "$name")")
  [ "$status" = 401 ] || die "$name answered $status without a token (expected 401)"
done
say "all targets up ($pinning); ${warmup}s warm-up each, then $rounds rounds of ${duration}s per target, $threads wrk thread(s), $connections connections"

# --- max rate (wrk) ----------------------------------------------------------------------------------------------------
# Each target is warmed up once (WARMUP s: a .NET process pinned to one CPU waits 10x longer before optimizing its hot
# code, so short warm-ups measure unoptimized code); then ROUNDS rounds run every target in turn for DURATION s, so a
# noisy neighbour slows all targets alike rather than one. A target's figures are those of its median round.
declare -A rps p50 p99 bad
declare -A round_rps round_line
failed=0
targets=(direct nginx yarp pc-cached pc-embedded pc-cerbos)
headers_of() { [[ $1 == pc-* ]] && printf '%s\n' -H "$auth"; return 0; }
for name in "${targets[@]}"; do
  mapfile -t headers < <(headers_of "$name")
  "${on_load[@]}" timeout $((warmup + 30)) wrk -t"$threads" -c"$connections" -d"${warmup}s" "${headers[@]}" "$(url "$name")" > "$out/wrk-$name-warmup.txt" 2>&1 \
    || die "wrk warm-up of $name (see $out/wrk-$name-warmup.txt)"
done
for round in $(seq 1 "$rounds"); do
  for name in "${targets[@]}"; do
    mapfile -t headers < <(headers_of "$name")
    file="$out/wrk-$name-round$round.txt"
    "${on_load[@]}" timeout $((duration + 30)) wrk -t"$threads" -c"$connections" -d"${duration}s" --latency -s "$here/result.lua" \
      "${headers[@]}" "$(url "$name")" > "$file" 2>&1 || die "wrk on $name (see $file)"
    line=$(grep '^RESULT' "$file") || die "no wrk result for $name (see $file)"
    round_line[$name,$round]=$line
    round_rps[$name,$round]=$(sed -E 's/.* rps=([0-9.]+).*/\1/' <<<"$line")
    say "round $round, $name: ${round_rps[$name,$round]} req/s"
  done
done
for name in "${targets[@]}"; do
  # The median round (by requests/s) gives the target's figures; errors count over all rounds.
  median_round=$(for round in $(seq 1 "$rounds"); do echo "${round_rps[$name,$round]} $round"; done | sort -n | awk -v n="$rounds" 'NR == int((n + 1) / 2) { print $2 }')
  line=${round_line[$name,$median_round]}
  rps[$name]=$(sed -E 's/.* rps=([0-9.]+).*/\1/' <<<"$line")
  p50[$name]=$(sed -E 's/.* p50_us=([0-9]+).*/\1/' <<<"$line")
  p99[$name]=$(sed -E 's/.* p99_us=([0-9]+).*/\1/' <<<"$line")
  bad[$name]=0
  for round in $(seq 1 "$rounds"); do
    line=${round_line[$name,$round]}
    errors=$(sed -E 's/.* errors=([0-9]+).*/\1/' <<<"$line"); non2xx=$(sed -E 's/.* non2xx=([0-9]+).*/\1/' <<<"$line")
    bad[$name]=$((bad[$name] + errors + non2xx))
  done
  [ "${bad[$name]}" = 0 ] || { say "$name: ${bad[$name]} socket errors or non-2xx answers"; failed=1; }
  say "$name (median of $rounds): ${rps[$name]} req/s, p50 ${p50[$name]} us, p99 ${p99[$name]} us"
done

# --- fixed rate (hey) at half of nginx's max rate ----------------------------------------------------------------------
# hey paces each of its workers at rate/workers requests per second (-q); the total is the fixed rate.
rate=$(awk -v r="${rps[nginx]}" 'BEGIN { printf "%d", r / 2 }')
per_worker=$(awk -v r="$rate" -v c="$connections" 'BEGIN { printf "%.3f", r / c }')
declare -A fixed_rps fixed_p50 fixed_p99 fixed_bad
seconds_to_us() { awk -v s="$1" 'BEGIN { printf "%d", s * 1e6 }'; }
for name in direct pc-cached; do
  headers=()
  [[ $name == pc-* ]] && headers=(-H "$auth")
  "${on_load[@]}" timeout $((duration + 30)) hey -z "${duration}s" -c "$connections" -q "$per_worker" -disable-compression \
    "${headers[@]}" "$(url "$name")" > "$out/hey-$name.txt" 2>&1 || true
  fixed_rps[$name]=$(awk '/Requests\/sec:/ { printf "%.1f", $2 }' "$out/hey-$name.txt")
  fixed_p50[$name]=$(seconds_to_us "$(awk '$1 == "50%" { print $3 }' "$out/hey-$name.txt")")
  fixed_p99[$name]=$(seconds_to_us "$(awk '$1 == "99%" { print $3 }' "$out/hey-$name.txt")")
  ok=$(awk '/\[200\]/ { print $2 }' "$out/hey-$name.txt")
  total=$(awk '/^ *\[[0-9]+\]/ { n += $2 } END { print n + 0 }' "$out/hey-$name.txt")
  [ -n "${fixed_rps[$name]}" ] || die "no hey result for $name (see $out/hey-$name.txt)"
  fixed_bad[$name]=$((total - ${ok:-0}))
  grep -q 'Error distribution' "$out/hey-$name.txt" && fixed_bad[$name]=$((fixed_bad[$name] + 1))
  [ "${fixed_bad[$name]}" = 0 ] || { say "$name at fixed rate: errors or non-200 answers (see $out/hey-$name.txt)"; failed=1; }
  say "$name at $rate req/s: achieved ${fixed_rps[$name]}, p50 ${fixed_p50[$name]} us, p99 ${fixed_p99[$name]} us"
done

# --- proof that the cache served pc-cached -----------------------------------------------------------------------------
# HEAD is a decision of its own (action HEAD): decided once by Cerbos, then Cerbos is stopped; only a cached allow can
# still answer 200. The uncached Cerbos gateway, asked the same, must fail closed (503) or the check proves nothing.
curl -s -o /dev/null --max-time 5 -I -H "$auth" "$(url pc-cached)"
kill "${pid[cerbos]}"; wait "${pid[cerbos]}" 2>/dev/null || true
cached_status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 15 -I -H "$auth" "$(url pc-cached)")
control_status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 15 -I -H "$auth" "$(url pc-cerbos)")
if [ "$control_status" != 503 ]; then cache_check="inconclusive: with Cerbos stopped pc-cerbos answered $control_status, not 503"; cache_ok=0
elif [ "$cached_status" = 200 ]; then cache_check="yes: with Cerbos stopped pc-cached still allowed (200), pc-cerbos failed closed (503)"; cache_ok=1
else cache_check="NO: with Cerbos stopped pc-cached answered $cached_status; decision_cache_ttl_seconds had no effect, the pc-cached row is an uncached run"; cache_ok=0
fi
say "decision cache in effect: $cache_check"

# --- report ------------------------------------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
ms() { awk -v u="$1" 'BEGIN { printf "%.2f", u / 1000 }'; }
verdict() { awk -v v="$1" -v t="$2" -v op="$3" 'BEGIN { ok = (op == ">=") ? v >= t : v <= t; print ok ? "met" : "NOT met" }'; }
# A latency point is only a latency point if the rate was held: both runs must reach 95% of it.
rate_held=1
for name in direct pc-cached; do
  awk -v a="${fixed_rps[$name]}" -v r="$rate" 'BEGIN { exit !(a >= 0.95 * r) }' || rate_held=0
done
throughput_verdict() { if [ "$cache_ok" = 1 ]; then verdict "$@"; else echo "invalid: the cache was not in effect"; fi; }
latency_verdict() {
  if [ "$cache_ok" != 1 ]; then echo "invalid: the cache was not in effect"
  elif [ "$rate_held" != 1 ]; then echo "invalid: the fixed rate was not held (see achieved req/s)"
  else verdict "$@"; fi
}
vs_yarp=$(ratio "${rps[pc-cached]}" "${rps[yarp]}")
vs_nginx=$(ratio "${rps[pc-cached]}" "${rps[nginx]}")
cached_p99=${fixed_p99[pc-cached]}; direct_p99=${fixed_p99[direct]}
added_p99=$(ms $((cached_p99 - direct_p99)))
kind="full run"
[ "$duration" -lt 10 ] && kind="SMOKE RUN (${duration}s per target): figures only prove the script works, they are not results"
{
  echo "# Gateway HTTP load test"
  echo
  echo "$kind. $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $cpus CPUs, pinning: $pinning."
  echo "wrk: $threads thread(s), $connections connections, ${warmup}s warm-up per target, then $rounds rounds of ${duration}s per target in turn (figures: each target's median round); GET $path (Bearer token on pc-*)."
  echo "Fixed rate: hey, $connections workers, ${rate} req/s in all (half of nginx's max), ${duration}s."
  echo
  echo "| target | requests/s | p50 (ms) | p99 (ms) | errors + non-2xx |"
  echo "| --- | ---: | ---: | ---: | ---: |"
  for name in "${targets[@]}"; do
    echo "| $name | ${rps[$name]} | $(ms "${p50[$name]}") | $(ms "${p99[$name]}") | ${bad[$name]} |"
  done
  echo
  echo "| fixed rate ${rate} req/s | achieved req/s | p50 (ms) | p99 (ms) | errors + non-200 |"
  echo "| --- | ---: | ---: | ---: | ---: |"
  for name in direct pc-cached; do
    echo "| $name | ${fixed_rps[$name]} | $(ms "${fixed_p50[$name]}") | $(ms "${fixed_p99[$name]}") | ${fixed_bad[$name]} |"
  done
  echo
  echo "| target (issue 4) | value | goal | |"
  echo "| --- | ---: | ---: | --- |"
  echo "| pc-cached / bare YARP, requests/s | $vs_yarp | >= 0.85 | $(throughput_verdict "$vs_yarp" 0.85 ">=") |"
  echo "| pc-cached / nginx, requests/s | $vs_nginx | >= 0.55 | $(throughput_verdict "$vs_nginx" 0.55 ">=") |"
  echo "| p99 added over direct at ${rate} req/s (ms) | $added_p99 | <= 1.00 | $(latency_verdict "$added_p99" 1 "<=") |"
  echo
  per_round=$(for round in $(seq 1 "$rounds"); do echo "$(ratio "${round_rps[pc-cached,$round]}" "${round_rps[yarp,$round]}")"; done | paste -sd ' ')
  echo "pc-cached / bare YARP in each round (same round, back to back): $per_round."
  echo "Decision cache in effect: $cache_check."
  echo "Other ratios: pc-embedded / YARP $(ratio "${rps[pc-embedded]}" "${rps[yarp]}"), pc-cerbos / YARP $(ratio "${rps[pc-cerbos]}" "${rps[yarp]}"), YARP / nginx $(ratio "${rps[yarp]}" "${rps[nginx]}")."
  echo "Raw output: artifacts/gateway-http/ (wrk-*.txt, hey-*.txt, server logs, the three portcullis configurations)."
} > "$results"
cat "$results"
[ "$failed" = 0 ] || exit 1
[ "$cache_ok" = 1 ] || exit 3
