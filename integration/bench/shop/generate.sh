#!/usr/bin/env bash
# Regenerates the protobuf and gRPC code under api/ from the .proto files.
# The generated files are checked in: building the module never needs this.
#
# Needs protoc (3.21 or later, e.g. Debian's protobuf-compiler) and Go; the
# two protoc plugins are installed at these exact versions into a temporary
# directory.
set -euo pipefail
PROTOC_GEN_GO=google.golang.org/protobuf/cmd/protoc-gen-go@v1.36.12
PROTOC_GEN_GO_GRPC=google.golang.org/grpc/cmd/protoc-gen-go-grpc@v1.6.2

cd "$(dirname "$0")"
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
GOBIN=$bin go install "$PROTOC_GEN_GO"
GOBIN=$bin go install "$PROTOC_GEN_GO_GRPC"

for dir in api/catalogv1 api/inventoryv1 api/paymentsv1; do
  PATH=$bin:$PATH protoc -I api \
    --go_out=. --go_opt=module=example.com/shop \
    --go-grpc_out=. --go-grpc_opt=module=example.com/shop \
    "$dir"/*.proto
done
