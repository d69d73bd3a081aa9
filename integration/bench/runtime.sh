#!/usr/bin/env bash
# Run-time cost of gorch's OpenTelemetry instrumentation, on loopback.
#
#   bash integration/bench/runtime.sh [ROUNDS]
#
# integration/bench/service/cmd/hello (a ServeMux service with no tracing
# code) built three ways: plain; instrumented by hand (cmd/manual: otelhttp,
# http.route, and the same SDK settings as gorch's otel-sdk aspect, so
# that both export the same spans); with gorch. Spans
# go over OTLP/gRPC to the test receiver (integration/modules/receiver).
# Each round runs the three in rotating order: start, 1 s of warm-up load,
# DURATION (default 5 s) of measured load from cmd/load with CONNS (default
# 8) keep-alive connections, SIGTERM. Prints every run and the medians
# (throughput, latency, peak memory, and the service's CPU time per
# request),
# then runs the gorch build with the collector down: throughput, peak
# resident memory during the load, and the time to exit after SIGTERM.
#
# Needs the Go module proxy once (gorch pin).
set -euo pipefail
rounds=${1:-5}
duration=${DURATION:-5s}
conns=${CONNS:-8}
source "$(dirname "$0")/services.sh"

cp -r integration/bench/service "$work/svc"
(cd "$work/svc" && "$gorch" pin >/dev/null \
  && go build -o "$work/bin/plain" ./cmd/hello \
  && go build -o "$work/bin/manual" ./cmd/manual \
  && "$gorch" go build -o "$work/bin/gorch" ./cmd/hello)
start_receiver "$work/spans.tsv"

# Runs one variant; prints "rps=.. p50=.. p99=.. errors=.. rss_kb=.. exit_ms=..".
run() { # $1 variant, $2 OTLP endpoint
  local port pid out rss=0 start
  port=$(free_port)
  OTEL_SERVICE_NAME=bench OTEL_EXPORTER_OTLP_ENDPOINT=$2 OTEL_EXPORTER_OTLP_PROTOCOL=grpc LISTEN=127.0.0.1:$port \
    "$work/bin/$1" &
  pid=$!
  pids+=($pid)
  wait_port "$port"
  "$work/bin/load" -url "http://127.0.0.1:$port/hello/bench" -conns "$conns" -duration 1s >/dev/null
  local cpu0
  cpu0=$(cpu_ticks "$pid")
  "$work/bin/load" -url "http://127.0.0.1:$port/hello/bench" -conns "$conns" -duration "$duration" >"$work/load.out" &
  local load=$!
  while kill -0 $load 2>/dev/null; do
    local now
    now=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    (( now > rss )) && rss=$now
    sleep 0.25
  done
  wait $load
  local cpu=$(( $(cpu_ticks "$pid") - cpu0 ))
  out=$(cat "$work/load.out")
  start=$(date +%s%N)
  kill -TERM "$pid"
  wait "$pid" 2>/dev/null || true
  # CPU time of the service per request, in ns: steadier than throughput
  # on a machine whose load generator and receiver share its cores.
  local requests
  requests=$(echo "$out" | awk -v d="${duration%s}" '{for (i = 1; i <= NF; i++) if ($i ~ /^rps=/) {sub("rps=", "", $i); print $i * d}}')
  echo "$out rss_kb=$rss exit_ms=$(( ($(date +%s%N) - start) / 1000000 )) cpu_ns_per_req=$(( cpu * 1000000000 / ticks / requests ))"
}
ticks=$(getconf CLK_TCK)
# utime + stime of a process, in clock ticks.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
field() { sed -n "s/.*$1=\([0-9]*\).*/\1/p"; }

echo "machine: $(nproc) cores, $(go version); load: $conns connections, $duration per run"
variants=(plain manual gorch)
for r in $(seq "$rounds"); do
  for k in 0 1 2; do
    v=${variants[$(( (r + k) % 3 ))]}
    result=$(run "$v" "$endpoint")
    echo "$result" >>"$work/$v.runs"
    echo "round $r $v: $result"
  done
done
for v in "${variants[@]}"; do
  printf '%-7s median rps %6s  p50 %5s us  p99 %5s us  peak rss %6s kB\n' "$v" \
    "$(field rps <"$work/$v.runs" | median)" "$(field p50 <"$work/$v.runs" | median)" \
    "$(field p99 <"$work/$v.runs" | median)" "$(field rss_kb <"$work/$v.runs" | median)"
  printf '        median CPU per request %6s ns\n' "$(field cpu_ns_per_req <"$work/$v.runs" | median)"
done
paste <(field cpu_ns_per_req <"$work/gorch.runs") <(field cpu_ns_per_req <"$work/manual.runs") | awk '{print $1/$2}' >"$work/cpu_ratios"
echo "gorch / by hand CPU per request, median of per-round ratios: $(median <"$work/cpu_ratios")"
# Per-round ratio of gorch to the hand-instrumented build, then its median.
paste <(field rps <"$work/gorch.runs") <(field rps <"$work/manual.runs") | awk '{print $1/$2}' >"$work/ratios"
echo "gorch / by hand throughput, median of per-round ratios: $(median <"$work/ratios")"
echo "spans received: $(wc -l <"$work/spans.tsv")"

closed=$(free_port)
down=$(run gorch "http://127.0.0.1:$closed")
echo "gorch, collector down: $down"
echo "  (OTLP export timeout: ${OTEL_EXPORTER_OTLP_TIMEOUT:-10000} ms; the exit waits for it at most)"
