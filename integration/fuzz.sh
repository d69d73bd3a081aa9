#!/usr/bin/env bash
# A longer run of the fuzz target (integration/fuzz.rs) than the test
# suite's bounded one: SECONDS_PER_SEED seconds (default 300) for each seed
# given (default 1 2 3), built with optimizations. A failing input is
# written to target/fuzz-failures/ and the script stops there.
#
#   bash integration/fuzz.sh [SEED...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${SECONDS_PER_SEED:-300}
seeds=("$@")
[ ${#seeds[@]} -gt 0 ] || seeds=(1 2 3)
cargo test --release --locked --test integration --no-run -q
for seed in "${seeds[@]}"; do
  status=0
  out=$(GORCH_FUZZ_SEED=$seed GORCH_FUZZ_SECONDS=$seconds \
    cargo test --release --locked -q --test integration fuzz:: -- --nocapture 2>&1) || status=$?
  echo "$out" | grep -E '^fuzz:|panicked|^input:' || true
  if [ "$status" -ne 0 ]; then
    echo "fuzz.sh: seed $seed failed; the input is in target/fuzz-failures/" >&2
    exit 1
  fi
done
