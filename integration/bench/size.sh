#!/usr/bin/env bash
# Binary size of the benchmark service (integration/bench/service),
# built plain (cmd/hello: no tracing code), instrumented by hand with the
# same SDK setup as gorch's otel-sdk aspects (cmd/manual: autoexport for
# traces, metrics and logs, autoprop, runtime metrics, otelhttp), and
# cmd/hello built with gorch's default aspects, and with the smaller choice
# of otlp-http-only.yaml as its gorch.yaml (OTLP over HTTP only, no
# autoexport); also stripped (-ldflags=-s -w). Prints a Markdown table with
# the ratio to the build by hand.
#
#   bash integration/bench/size.sh
set -euo pipefail
source "$(dirname "$0")/services.sh"

cp -r integration/bench/service "$work/svc"
cd "$work/svc"
"$gorch" pin >/dev/null
size() { stat -c %s "$1"; }
echo "| build | size (bytes) | vs by hand | stripped (bytes) | vs by hand |"
echo "|---|---|---|---|---|"
for flags in "" "-ldflags=-s -w"; do
  go build ${flags:+"$flags"} -o "$work/bin/plain$flags" ./cmd/hello
  go build ${flags:+"$flags"} -o "$work/bin/manual$flags" ./cmd/manual
  "$gorch" go build ${flags:+"$flags"} -o "$work/bin/gorch$flags" ./cmd/hello 2>/dev/null
done
cp -r "$work/svc" "$work/lean"
cd "$work/lean"
cp otlp-http-only.yaml gorch.yaml
"$gorch" pin >/dev/null
for flags in "" "-ldflags=-s -w"; do
  "$gorch" go build ${flags:+"$flags"} -o "$work/bin/lean$flags" ./cmd/hello 2>/dev/null
done
for variant in plain manual gorch lean; do
  full=$(size "$work/bin/$variant")
  stripped=$(size "$work/bin/$variant-ldflags=-s -w")
  ratio=$(awk -v a="$full" -v b="$(size "$work/bin/manual")" 'BEGIN { printf "%.3f", a / b }')
  sratio=$(awk -v a="$stripped" -v b="$(size "$work/bin/manual-ldflags=-s -w")" 'BEGIN { printf "%.3f", a / b }')
  case $variant in
    plain) name="plain (no instrumentation)" ;;
    manual) name="by hand (autoexport, all three signals)" ;;
    gorch) name="gorch, default aspects" ;;
    lean) name="gorch, otlp-http-only.yaml" ;;
  esac
  echo "| $name | $full | $ratio | $stripped | $sratio |"
done
