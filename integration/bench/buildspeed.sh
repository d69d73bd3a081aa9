#!/usr/bin/env bash
# Build speed and memory: the shop service (integration/bench/shop, four
# programs, 44 packages of its own, gin, gRPC, pgx through database/sql)
# built five ways:
#
#   plain     go build                      no tracing at all
#   hand      go build -tags otelhand       instrumented by hand, same OTel packages
#   gorch     go build -toolexec=gorch      gorch's built-in aspects, cold gorch cache
#   orch      orchestrion go build          Orchestrion, integration/bench/orchestrion/orchestrion.yml
#   gorch-a   go build -a -toolexec=gorch   gorch with its cache warm, go's cache ignored
#
# and three builds for each: cold (a fresh GOCACHE), no-op (the same build
# again) and edit (after adding a line at the top of one file that the
# aspects rewrite: it recompiles, and the programs using it link again). Runs are
# paired: every repetition builds each way once, in a rotating order, so a
# slow minute of a noisy machine hits all ways alike; ratios are medians of
# the per-repetition ratios. Each build is timed by measure/, which sums the
# RSS of the whole process tree every 10 ms.
#
#   bash integration/bench/buildspeed.sh            # 3 repetitions
#   REPS=5 WAYS="plain gorch" bash integration/bench/buildspeed.sh
#
# Needs Go, cargo and the Go module proxy (the shop's modules and
# Orchestrion are downloaded once). Results go to $BENCH_OUT (default
# target/bench/buildspeed): runs.txt has every run, summary.txt the table.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bench=$root/integration/bench
ORCHESTRION_VERSION=v1.15.0
REPS=${REPS:-3}
WAYS=${WAYS:-plain hand gorch orch gorch-a}
out=${BENCH_OUT:-$root/target/bench/buildspeed}

fail() { echo "buildspeed: $*" >&2; exit 1; }
command -v go >/dev/null || fail "the go command is not on PATH"
command -v cargo >/dev/null || fail "cargo is not on PATH"
[ -r /proc/self/stat ] || fail "measuring memory needs Linux's /proc"

rm -rf "$out"
mkdir -p "$out/bin" "$out/src"
export GOTOOLCHAIN=local GOFLAGS=-buildvcs=false
unset GORCH_LOG GORCH_CACHE

echo "buildspeed: building gorch (release) and the measuring tool" >&2
(cd "$root" && cargo build --release --locked -q)
gorch=$root/target/release/gorch
(cd "$bench/measure" && go build -o "$out/bin/measure" .)
measure=$out/bin/measure

# One copy of the shop per way, its modules downloaded before any timing.
for way in $WAYS; do
  cp -r "$bench/shop" "$out/src/$way"
done
if [[ " $WAYS " == *" orch "* ]]; then
  echo "buildspeed: installing Orchestrion $ORCHESTRION_VERSION" >&2
  GOBIN=$out/bin go install "github.com/DataDog/orchestrion@$ORCHESTRION_VERSION"
  orchestrion=$out/bin/orchestrion
  (
    cd "$out/src/orch"
    rm gorch.tool.go
    cp "$bench/orchestrion/orchestrion.yml" "$bench/orchestrion/orchestrion.tool.go" .
    go get "github.com/DataDog/orchestrion@$ORCHESTRION_VERSION" >/dev/null 2>&1
    go mod tidy >/dev/null 2>&1
    # Requiring Orchestrion raises gin's go-isatty (MVS); keep the shop's
    # version so that both tools link the same code.
    isatty=$(cd "$bench/shop" && go list -m -f '{{.Version}}' github.com/mattn/go-isatty)
    go mod edit -replace "github.com/mattn/go-isatty=github.com/mattn/go-isatty@$isatty"
    go mod tidy >/dev/null 2>&1
  ) || fail "could not add Orchestrion $ORCHESTRION_VERSION to the shop's go.mod"
fi
for way in $WAYS; do
  (cd "$out/src/$way" && go mod download all) || fail "could not download the shop's modules"
done

# build WAY SCENARIO REP: one measured build of WAY in its own copy, with
# its own GOCACHE under $out/cache/WAY.
build() {
  local way=$1 scenario=$2 rep=$3
  local src=$out/src/$way cache=$out/cache/$way
  local result=$out/result.tmp
  local -a cmd
  case $way in
    plain) cmd=(go build) ;;
    hand) cmd=(go build -tags otelhand) ;;
    gorch) cmd=(go build "-toolexec=$gorch") ;;
    orch) cmd=("$orchestrion" go build) ;;
    gorch-a) cmd=(go build -a "-toolexec=$gorch") ;;
    *) fail "unknown way $way" ;;
  esac
  if [ "$scenario" = cold ]; then
    rm -rf "$cache"
    # gorch's own cache starts cold too, except for gorch-a.
    [ "$way" = gorch ] && rm -rf "$out/gorch-cache/gorch"
  fi
  if [ "$scenario" = edit ]; then
    # A line at the top moves every position below it: the package's
    # object changes, so its importers' links run again.
    sed -i "1i // edit $rep\n" "$src/internal/platform/httpserver/httpserver.go"
  fi
  mkdir -p "$cache" "$out/tmp/$way" "$out/bin/$way"
  (
    cd "$src"
    export GOCACHE=$cache GORCH_CACHE=$out/gorch-cache/$way TMPDIR=$out/tmp/$way XDG_CACHE_HOME=$out/xdg/$way
    "$measure" -o "$result" -- "${cmd[@]}" -o "$out/bin/$way/" ./cmd/... >"$out/build.log" 2>&1
  ) || { cat "$out/build.log" >&2; fail "$way $scenario build failed"; }
  read -r wall cpu rss _ < <(sed 's/[a-z_]*=//g' "$result")
  printf '%-8s %-5s %d %8s %8s %8s\n' "$way" "$scenario" "$rep" "$wall" "$cpu" "$rss" | tee -a "$out/runs.txt" >&2
}

# rotated REP: the ways in the order of repetition REP.
rotated() {
  local -a ways=($WAYS)
  local n=${#ways[@]} i
  for ((i = 0; i < n; i++)); do
    printf '%s ' "${ways[$(((i + $1) % n))]}"
  done
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(go version)" | tee "$out/machine.txt"
if [[ " $WAYS " == *" gorch-a "* ]]; then
  echo "buildspeed: warming gorch's cache for gorch-a" >&2
  (cd "$out/src/gorch-a" && GOCACHE=$out/cache/warmup GORCH_CACHE=$out/gorch-cache/gorch-a \
    go build "-toolexec=$gorch" -o "$out/bin/" ./cmd/...)
  rm -rf "$out/cache/warmup"
fi
printf '%-8s %-5s %s %8s %8s %8s\n' way build r wall_s cpu_s rss_mib | tee "$out/runs.txt" >&2
for scenario in cold noop edit; do
  for ((rep = 1; rep <= REPS; rep++)); do
    for way in $(rotated "$rep"); do
      build "$way" "$scenario" "$rep"
      # The cold build is what the later ones reuse: check it is what it
      # claims to be, instrumented or not.
      if [ "$scenario" = cold ]; then
        symbols=$(go tool nm "$out/bin/$way/gateway" | grep -c 'otelhttp\.' || true)
        if [ "$way" = plain ]; then
          [ "$symbols" -eq 0 ] || fail "the plain gateway links otelhttp"
        else
          [ "$symbols" -gt 0 ] || fail "the $way gateway does not link otelhttp: not instrumented"
        fi
      fi
    done
  done
done

# The table: medians per way and build, then the goals as paired ratios.
awk -v ways="$WAYS" '
  NR == 1 { next }
  { key = $1 " " $2; n[key]++; wall[key, n[key]] = $4; cpu[key, n[key]] = $5; rss[key, n[key]] = $6
    byrep[$1, $2, $3] = $4; cpurep[$1, $2, $3] = $5; rssrep[$1, $2, $3] = $6; reps[$3] = 1 }
  function median(a, key, count,   i, j, t, v) {
    for (i = 1; i <= count; i++) v[i] = a[key, i]
    for (i = 1; i <= count; i++) for (j = i + 1; j <= count; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
    return count % 2 ? v[(count + 1) / 2] : (v[count / 2] + v[count / 2 + 1]) / 2
  }
  function ratio(num, den, build, series,   r, i, j, t, v, count) {
    count = 0
    for (r in reps) if (((num, build, r) in series) && ((den, build, r) in series)) v[++count] = series[num, build, r] / series[den, build, r]
    if (count == 0) return "n/a"
    for (i = 1; i <= count; i++) for (j = i + 1; j <= count; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
    return sprintf("%.2fx", count % 2 ? v[(count + 1) / 2] : (v[count / 2] + v[count / 2 + 1]) / 2)
  }
  END {
    split(ways, w, " ")
    printf "%-8s | %-24s | %-24s | %-24s\n", "median", "cold: wall cpu rss", "no-op: wall cpu rss", "edit: wall cpu rss"
    for (i = 1; i in w; i++) {
      printf "%-8s", w[i]
      split("cold noop edit", b, " ")
      for (k = 1; k <= 3; k++) {
        key = w[i] " " b[k]
        printf " | %6.2fs %6.1fs %5.0fM", median(wall, key, n[key]), median(cpu, key, n[key]), median(rss, key, n[key])
      }
      printf "\n"
    }
    printf "\ngoal                                        paired median ratio\n"
    printf "gorch cold  / hand cold   <= 1.10x          %s\n", ratio("gorch", "hand", "cold", byrep)
    printf "gorch no-op / hand no-op  <= 1.05x          %s\n", ratio("gorch", "hand", "noop", byrep)
    printf "gorch edit  / hand edit   (no goal)         %s\n", ratio("gorch", "hand", "edit", byrep)
    printf "gorch cold  / hand cold,  CPU (no goal)     %s\n", ratio("gorch", "hand", "cold", cpurep)
    printf "orch cold   / gorch cold  >= 2x             %s\n", ratio("orch", "gorch", "cold", byrep)
    printf "orch cold   / gorch cold, CPU (no goal)     %s\n", ratio("orch", "gorch", "cold", cpurep)
    printf "gorch-a     / hand cold   (no goal)         %s\n", ratio("gorch-a", "hand", "cold", byrep)
    printf "gorch peak RSS / plain, cold  <= 1.2x       %s\n", ratio("gorch", "plain", "cold", rssrep)
    printf "gorch peak RSS / plain, no-op <= 1.2x       %s\n", ratio("gorch", "plain", "noop", rssrep)
    printf "gorch peak RSS / plain, edit  <= 1.2x       %s\n", ratio("gorch", "plain", "edit", rssrep)
    printf "orch peak RSS  / plain, cold  (no goal)     %s\n", ratio("orch", "plain", "cold", rssrep)
  }' "$out/runs.txt" | tee "$out/summary.txt"
