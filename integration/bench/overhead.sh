#!/usr/bin/env bash
# gorch's cost on a build where no aspect matches.
#
#   bash integration/bench/overhead.sh [PAIRS]
#
# 1. `go build -a` of integration/bench/nomatch (about 150 standard library
#    packages, all recompiled) with and without -toolexec=gorch, in PAIRS
#    (default 5) alternating pairs; prints each pair and the medians.
# 2. gorch's own time per tool invocation: a pass-through tool, and a
#    compile of net/http whose package the pre-filter rules out (the
#    compiler replaced by /bin/true so only gorch's work is timed).
set -euo pipefail
pairs=${1:-5}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
cargo build --release --locked -q
gorch=$root/target/release/gorch
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GOCACHE=$work/gocache GOFLAGS=-buildvcs=false GOTOOLCHAIN=local GOPROXY=off
module=$root/integration/bench/nomatch

now() { date +%s.%N; }
build() { # $1: extra flag or empty
  local start end
  start=$(now)
  (cd "$module" && go build -a $1 -o "$work/app" .)
  end=$(now)
  echo "$end - $start" | bc
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

echo "machine: $(nproc) cores, $(go version), $(uname -sr)"
echo "gorch $("$gorch" version | head -1)"
echo "packages compiled per build: $(cd "$module" && go list -deps . | wc -l)"
build "" >/dev/null # warm the file system cache
: >"$work/plain"; : >"$work/gorch"
for i in $(seq "$pairs"); do
  if (( i % 2 )); then
    p=$(build ""); g=$(build "-toolexec=$gorch")
  else
    g=$(build "-toolexec=$gorch"); p=$(build "")
  fi
  echo "$p" >>"$work/plain"; echo "$g" >>"$work/gorch"
  printf 'pair %d: plain %.2fs  gorch %.2fs  ratio %.3f\n' "$i" "$p" "$g" "$(echo "$g / $p" | bc -l)"
done
mp=$(median <"$work/plain"); mg=$(median <"$work/gorch")
printf 'median of %d: plain %.2fs  gorch %.2fs  overhead %+.1f%%\n' "$pairs" "$mp" "$mg" "$(echo "($mg / $mp - 1) * 100" | bc -l)"

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
