#!/usr/bin/env bash
# The goroutine context under load for minutes: does memory grow, and what
# does it cost?
#
#   bash integration/bench/soak.sh [ROUNDS]
#
# integration/modules/forgetful (a handler that queries SQLite with
# db.Query, calls with http.Get and with NewRequest and Do, makes a gRPC
# call with context.Background(), calls a //gorch:span function without a
# context, and starts a goroutine per request) built through gorch twice:
# as is, and with `disable: [otel-context*]`. Spans go over OTLP/gRPC to
# the test receiver, which discards them.
#
# 1. Soak: the build with the goroutine context, driven for SOAK_MINUTES
#    (default 5) by cmd/load with CONNS (default 8) keep-alive connections
#    sending requests back to back (the highest rate the machine
#    sustains); prints throughput and resident memory after each minute,
#    and the ratio of the last minute's RSS to the first's.
# 2. Cost: ROUNDS (default 6) pairs of DURATION (default 20 s) runs of the
#    two builds, alternating which goes first; prints every run and the
#    median of the per-pair throughput ratios (with / without).
#
# Needs the Go module proxy once (gorch pin).
set -euo pipefail
rounds=${1:-6}
minutes=${SOAK_MINUTES:-5}
duration=${DURATION:-20s}
conns=${CONNS:-8}
source "$(dirname "$0")/services.sh"

for variant in with without; do
  cp -r integration/modules/forgetful "$work/$variant"
done
printf 'disable:\n  - otel-context*\n' >"$work/without/gorch.yaml"
for variant in with without; do
  (cd "$work/$variant" && "$gorch" pin >/dev/null && "$gorch" go build -o "$work/bin/$variant" . >/dev/null)
done
start_receiver /dev/null

field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p"; }

# Starts a build; sets $pid and $port.
start() { # $1 variant
  port=$(free_port)
  OTEL_SERVICE_NAME=soak OTEL_EXPORTER_OTLP_ENDPOINT=$endpoint OTEL_EXPORTER_OTLP_PROTOCOL=grpc \
    LISTEN=127.0.0.1:$port RPC=127.0.0.1:$(free_port) "$work/bin/$1" &
  pid=$!
  pids+=($pid)
  wait_port "$port"
  "$work/bin/load" -url "http://127.0.0.1:$port/work" -conns "$conns" -duration 2s >/dev/null
}
stop() { kill -TERM "$pid"; wait "$pid" 2>/dev/null || true; }
rss() { awk '/VmRSS/ {print $2}' "/proc/$pid/status"; }

echo "machine: $(nproc) cores, $(go version); load: $conns connections"
echo "soak: the build with the goroutine context, $minutes minutes"
start with
for m in $(seq "$minutes"); do
  out=$("$work/bin/load" -url "http://127.0.0.1:$port/work" -conns "$conns" -duration 60s)
  echo "minute $m: $out rss_kb=$(rss)" | tee -a "$work/soak"
done
stop
first=$(head -1 "$work/soak" | field rss_kb)
last=$(tail -1 "$work/soak" | field rss_kb)
echo "RSS after minute $minutes / after minute 1: $(awk -v a="$last" -v b="$first" 'BEGIN {printf "%.3f", a / b}')"

echo "cost: $rounds pairs of $duration runs"
for r in $(seq "$rounds"); do
  order=(with without)
  (( r % 2 == 0 )) && order=(without with)
  for v in "${order[@]}"; do
    start "$v"
    out=$("$work/bin/load" -url "http://127.0.0.1:$port/work" -conns "$conns" -duration "$duration")
    echo "round $r $v: $out rss_kb=$(rss)"
    echo "$out" >>"$work/$v.runs"
    stop
  done
done
for v in with without; do
  echo "$v goroutine context: median rps $(field rps <"$work/$v.runs" | median)"
done
paste <(field rps <"$work/with.runs") <(field rps <"$work/without.runs") | awk '{print $1/$2}' >"$work/ratios"
echo "with / without throughput, median of per-pair ratios: $(median <"$work/ratios")"
