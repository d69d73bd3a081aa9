#!/usr/bin/env bash
# Runs the test suites of real-world modules (modules.txt, pinned
# versions fetched through the Go module proxy) twice: with a plain
# `go test ./...` and through gorch with its built-in aspects on, and
# compares the results test by test. Both runs use the same tree, after
# `gorch pin` added the OpenTelemetry modules the aspects inject.
#
#   bash integration/corpus/corpus.sh [name...]
#
# Prints a Markdown table. A module whose two runs disagree makes the
# script exit non-zero, after listing the tests that differ. Tests that
# need a MySQL server skip the same way in both runs; a module that names
# `postgres` gets a throwaway PostgreSQL server on a loopback port (from
# Debian's postgresql package, installed when missing). vet is
# off (-vet=off): pinning raises old modules' go version, and newer vet
# checks then stop some test packages before they run, in both runs alike.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
cargo build --release --locked -q
gorch=$root/target/release/gorch
work=${CORPUS_WORK:-$(mktemp -d)}
mkdir -p "$work"
export GOFLAGS=-buildvcs=false GOTOOLCHAIN=local

# package test action, for every test and package that passed, failed or
# was skipped, from `go test -json` (events are compact JSON objects whose
# fields come in the order Time, Action, Package, Test).
results() {
  sed -n -E 's/.*"Action":"(pass|fail|skip)","Package":"([^"]*)"(,"Test":"([^"]*)")?.*/\2 \4 \1/p' "$1" | sort
}
count() { awk -v a="$2" '$NF == a' "$1" | wc -l | tr -d ' '; }

# A PostgreSQL server of its own, for the modules that need one: a cluster
# in the work directory, owned by the postgres user (the server refuses to
# run as root), trusting local connections.
postgres() {
  [ -n "${PGPORT:-}" ] && return
  if ! command -v pg_ctl >/dev/null && ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
    apt-get update -qq && apt-get install -y -qq postgresql >/dev/null \
      || { echo "corpus.sh: PostgreSQL is needed and cannot be installed (apt-get install postgresql)" >&2; exit 1; }
  fi
  pgbin=$(dirname "$(ls /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -1)")
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  export PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  export PGHOST=127.0.0.1 PGUSER=postgres PGSSLMODE=disable PGDATABASE=pqgotest
  mkdir -p "$work/pg" && chown postgres "$work/pg" && chmod 755 "$work"
  runuser -u postgres -- "$pgbin/initdb" -D "$work/pg/data" -A trust -U postgres >/dev/null
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg/data" -l "$work/pg/log" -w \
    -o "-k $work/pg -p $PGPORT -c listen_addresses=127.0.0.1" start >/dev/null
  trap 'runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg/data" -m fast stop >/dev/null 2>&1 || true' EXIT
  psql -q -c 'CREATE DATABASE pqgotest' postgres
}

for want in "$@"; do
  awk -v n="$want" '$1 == n { found = 1 } END { exit !found }' "$root/integration/corpus/modules.txt" \
    || { echo "corpus.sh: no module named $want in integration/corpus/modules.txt (names are its first column)" >&2; exit 2; }
done

echo "machine: $(nproc) cores, $(go version)"
echo
echo "| module | kind | pass / fail / skip, tests and packages (plain) | through gorch | same results | sites instrumented |"
echo "|---|---|---|---|---|---|"
status=0
while read -r name module version kind needs; do
  case $name in ''|'#'*) continue ;; esac
  if [ $# -gt 0 ] && [[ " $* " != *" $name "* ]]; then continue; fi
  [ "$needs" = postgres ] && postgres </dev/null
  dir=$work/$name
  if [ ! -d "$dir" ]; then
    src=$(go mod download -json "$module@$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
    [ -n "$src" ] || { echo "corpus.sh: cannot download $module@$version" >&2; exit 1; }
    cp -R "$src" "$dir"
    chmod -R u+w "$dir"
    (cd "$dir" && "$gorch" pin >/dev/null)
  fi
  (cd "$dir" && go test -vet=off -json -count=1 ./... >"$work/$name.plain.json" 2>"$work/$name.plain.err") || true
  (cd "$dir" && "$gorch" go --report "$work/$name.sites.json" test -vet=off -json -count=1 ./... \
    >"$work/$name.gorch.json" 2>"$work/$name.gorch.err") || true
  results "$work/$name.plain.json" >"$work/$name.plain.txt"
  results "$work/$name.gorch.json" >"$work/$name.gorch.txt"
  plain="$(count "$work/$name.plain.txt" pass) / $(count "$work/$name.plain.txt" fail) / $(count "$work/$name.plain.txt" skip)"
  instrumented="$(count "$work/$name.gorch.txt" pass) / $(count "$work/$name.gorch.txt" fail) / $(count "$work/$name.gorch.txt" skip)"
  sites=$(grep -c '"aspect"' "$work/$name.sites.json" 2>/dev/null) || true
  if cmp -s "$work/$name.plain.txt" "$work/$name.gorch.txt"; then
    same=yes
  else
    same=no
    status=1
  fi
  echo "| $module $version | $kind | $plain | $instrumented | $same | ${sites:-none: no report} |"
  if [ $same = no ]; then
    diff "$work/$name.plain.txt" "$work/$name.gorch.txt" | head -20 | sed 's/^/    /' >&2 || true
    grep -v '^{' "$work/$name.gorch.err" | head -10 | sed 's/^/    /' >&2 || true
  fi
done < integration/corpus/modules.txt
echo
echo "work directory: $work"
exit $status
