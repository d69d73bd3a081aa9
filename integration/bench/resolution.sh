#!/usr/bin/env bash
# What injecting packages costs a build: integration/modules/inject (advice
# imports fmt, expvar and the OpenTelemetry API into a package that imports
# nothing), built with gorch on a cold go build cache, again after touching
# main.go, and again unchanged. For each build: wall time, and from
# GORCH_LOG the nested go commands gorch ran (resolutions, reused answers,
# identity listings) and the time they took.
#
#   bash integration/bench/resolution.sh
#
# Needs the Go module proxy once (gorch pin fetches the OpenTelemetry API).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
cargo build --release --locked -q
gorch=$root/target/release/gorch
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r integration/modules/inject "$work/m"
cd "$work/m"
export GOFLAGS=-buildvcs=false GOTOOLCHAIN=local GOCACHE=$work/gocache
"$gorch" pin >/dev/null

echo "machine: $(nproc) cores, $(go version)"
report() { # $1: label, $2: seconds
  local log=$work/log
  local resolves reused identities cached nested_s
  resolves=$(grep -c 'go list -deps -export' "$log" || true)
  reused=$(grep -c "reused this build's answer" "$log" || true)
  identities=$(grep -c 'identity: go list' "$log" || true)
  cached=$(grep -c "from gorch's cache\|prepared before the build" "$log" || true)
  nested_s=$({ grep -oE 'took [0-9.]+s' "$log" || true; } | awk '{s += $2} END {printf "%.2f", s}')
  printf '%-28s %6.2fs  nested go commands: %d resolution(s), %d identity listing(s), %.2fs in total; %d reused, %d from the cache\n' \
    "$1" "$2" "$resolves" "$identities" "$nested_s" "$reused" "$cached"
}
build() { # $1: label
  rm -f "$work/log"
  local start end
  start=$(date +%s.%N)
  GORCH_LOG=$work/log go build -toolexec="$gorch" -o app .
  end=$(date +%s.%N)
  report "$1" "$(echo "$end - $start" | bc)"
}
timed() { # $1: label, $2: GOCACHE, $3: directory
  local start end
  start=$(date +%s.%N)
  (cd "$3" && GOCACHE=$2 go build -o app .)
  end=$(date +%s.%N)
  printf '%-28s %6.2fs\n' "$1" "$(echo "$end - $start" | bc)"
}
# The baseline: the same module with the advice written into worker.go by
# hand, so that a plain build compiles the same packages.
cp -r "$work/m" "$work/hand"
cat >"$work/hand/worker/worker.go" <<'GO'
package worker

import (
	"expvar"
	"fmt"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
)

func Double(n int) int {
	fmt.Println("otel-trace:", attribute.Int("n", n).Value.AsInt64(), otel.GetTracerProvider() != nil)
	fmt.Println("std-trace:", "Double", n, "expvar initialized:", expvar.Get("memstats") != nil)
	return 2 * n
}
GO
timed "plain, no advice, cold" "$work/plaincache" "$work/m"
timed "by hand, plain, cold" "$work/handcache" "$work/hand"
echo "// touched" >>"$work/hand/main.go"
timed "by hand, after touching" "$work/handcache" "$work/hand"
build "gorch, cold cache"
echo "// touched" >>main.go
build "gorch, after touching main.go"
build "gorch, no change"
./app >/dev/null
