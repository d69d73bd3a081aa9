#!/usr/bin/env bash
# gorch's cost on a build where no aspect matches.
#
#   bash integration/bench/overhead.sh [ROUNDS]
#
# 1. `go build -a` of integration/bench/nomatch (about 200 packages, all
#    recompiled) three ways per round: plain; with -toolexec=/usr/bin/env
#    (the thinnest possible wrapper, a control for what running tools
#    through any wrapper costs); with -toolexec=gorch. The order rotates
#    each round. Prints every build's wall and CPU (user+sys) time, and the
#    medians over ROUNDS (default 9) of the per-round ratios to plain.
# 2. gorch's own work per tool invocation: a pass-through tool, and a
#    compile of net/http that the pre-filter rules out. Timed in a loop
#    (the compiler replaced by /bin/true), and, where valgrind is
#    installed, counted in instructions up to the exec of the tool (the
#    tool path points at nothing, so the exec fails and the count ends
#    there): the count repeats exactly, unlike times on a shared machine.
# ROUNDS=0 skips the builds.
set -euo pipefail
rounds=${1:-9}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
cargo build --release --locked -q
gorch=$root/target/release/gorch
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GOCACHE=$work/gocache GOFLAGS=-buildvcs=false GOTOOLCHAIN=local GOPROXY=off
module=$root/integration/bench/nomatch

now() { date +%s.%N; }
# Prints "wall cpu" in seconds for one `go build -a` with the given flags.
build() {
  local TIMEFORMAT='%R %U %S' t
  t=$( { time (cd "$module" && go build -a "$@" -o "$work/app" .) ; } 2>&1 )
  echo "$t" | awk '{printf "%.3f %.3f\n", $1, $2 + $3}'
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
flags() { case $1 in plain) ;; env) echo "-toolexec=/usr/bin/env" ;; gorch) echo "-toolexec=$gorch" ;; esac; }

echo "machine: $(nproc) cores, $(go version), $(uname -sr)"
echo "gorch: $("$gorch" version | head -1)"
echo "packages compiled per build: $(cd "$module" && go list -deps . | wc -l)"
variants=(plain env gorch)
(( rounds > 0 )) && build >/dev/null # warm the file system cache
for r in $(seq "$rounds"); do
  line="round $r:"
  for k in 0 1 2; do
    v=${variants[$(( (r + k) % 3 ))]}
    read -r wall cpu < <(build $(flags "$v"))
    echo "$wall $cpu" >"$work/$v.now"
    line+="  $v ${wall}s (cpu ${cpu}s)"
  done
  read -r pw pc <"$work/plain.now"
  for v in env gorch; do
    read -r w c <"$work/$v.now"
    echo "$w / $pw" | bc -l >>"$work/$v.wall"
    echo "$c / $pc" | bc -l >>"$work/$v.cpu"
  done
  echo "$line"
done
for v in env gorch; do
  (( rounds > 0 )) || break
  printf 'median over %d rounds, %s vs plain: wall %+.1f%%, cpu %+.1f%%\n' "$rounds" "$v" \
    "$(echo "($(median <"$work/$v.wall") - 1) * 100" | bc -l)" "$(echo "($(median <"$work/$v.cpu") - 1) * 100" | bc -l)"
done

# gorch's own time per invocation.
runs=500
loop() { local start end; start=$(now); for _ in $(seq $runs); do "$@" >/dev/null; done; end=$(now); echo "($end - $start) / $runs * 1000" | bc -l; }
t_true=$(loop /bin/true)
t_pass=$(loop "$gorch" /bin/true)
printf 'pass-through: %.3f ms per invocation (exec of /bin/true alone: %.3f ms)\n' "$(echo "$t_pass - $t_true" | bc -l)" "$t_true"

fake=$work/tool/compile
mkdir -p "$work/tool" "$work/b001"
cp /bin/true "$fake"
dir=$(go list -f '{{.Dir}}' net/http)
files=$(go list -f '{{range .GoFiles}}{{$.Dir}}/{{.}} {{end}}' net/http)
go list -f '{{range .Imports}}packagefile {{.}}=/dev/null{{"\n"}}{{end}}' net/http >"$work/b001/importcfg"
compile() { (cd "$module" && "$@" -o "$work/b001/_pkg_.a" -p net/http -importcfg "$work/b001/importcfg" -pack $files); }
t_fake=$(runs=200 loop compile "$fake")
t_filter=$(runs=200 loop compile "$gorch" "$fake")
printf 'compile of net/http ruled out by the pre-filter (%d files): %.3f ms of gorch time per invocation\n' \
  "$(echo $files | wc -w)" "$(echo "$t_filter - $t_fake" | bc -l)"

if command -v valgrind >/dev/null 2>&1; then
  mkdir -p "$work/missing"
  instructions() { { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null || true; } | awk '/Collected/ {print $4}'; }
  i_pass=$(instructions "$gorch" "$work/missing/asm" -V=full)
  i_filter=$(cd "$module" && instructions "$gorch" "$work/missing/compile" -o "$work/b001/_pkg_.a" -p net/http -importcfg "$work/b001/importcfg" -pack $files)
  echo "instructions up to the exec of the tool: pass-through $i_pass, compile ruled out by the pre-filter $i_filter"
  tools=$(cd "$module" && go build -a -x -o "$work/app" . 2>&1 | grep -cE '^[^ ]*/pkg/tool/[^ ]*/(compile|asm|cgo|link|vet|cover) ' || true)
  compiles=$(cd "$module" && go build -a -x -o "$work/app" . 2>&1 | grep -cE '^[^ ]*/pkg/tool/[^ ]*/compile ' || true)
  echo "tool invocations in one go build -a: $tools ($compiles compiles)"
  echo "gorch's instructions for the whole build: about $(( compiles * i_filter + (tools - compiles) * i_pass )) (compiles counted at the net/http figure)"
fi
