# Shared by the benchmarks that run services (runtime.sh, soak.sh); sourced
# from the repository's integration/bench. Builds gorch, makes a work
# directory that goes away with every process started into `pids`, and
# defines the helpers below.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
cargo build --release --locked -q
gorch=$root/target/release/gorch
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
export GOFLAGS=-buildvcs=false GOTOOLCHAIN=local
mkdir -p "$work/bin"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return; sleep 0.05; done; echo "port $1 never opened" >&2; exit 1; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# Builds the OTLP receiver and cmd/load into $work/bin, starts the
# receiver writing spans to $1, and sets $endpoint to its OTLP/gRPC address.
start_receiver() {
  cp -r integration/modules/receiver "$work/recv"
  (cd "$work/recv" && go build -o "$work/bin/receiver" .)
  cp -r integration/bench/service "$work/load"
  (cd "$work/load" && go build -o "$work/bin/load" ./cmd/load)
  "$work/bin/receiver" -out "$1" >"$work/receiver.out" &
  pids+=($!)
  for _ in $(seq 50); do grep -q '^listening-http ' "$work/receiver.out" 2>/dev/null && break; sleep 0.1; done
  endpoint="http://$(awk '/^listening /{print $2}' "$work/receiver.out")"
}
