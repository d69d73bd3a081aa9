//go:build tools

// Orchestrion reads this file (and orchestrion.yml next to it) from the root
// of the main module. It is never compiled: the build tag keeps it out of
// every build, and `go mod tidy` keeps what it imports in go.mod and go.sum.
package tools

import (
	// Orchestrion itself, at exactly the version of the orchestrion binary:
	// without it Orchestrion pins itself and adds dd-trace-go's integrations.
	_ "github.com/DataDog/orchestrion"

	// The packages that the aspects in orchestrion.yml inject (the same set
	// as gorch.tool.go, which `gorch pin` writes for gorch's aspects).
	_ "github.com/XSAM/otelsql"
	_ "go.opentelemetry.io/contrib/exporters/autoexport"
	_ "go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc"
	_ "go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	_ "go.opentelemetry.io/contrib/propagators/autoprop"
	_ "go.opentelemetry.io/otel"
	_ "go.opentelemetry.io/otel/attribute"
	_ "go.opentelemetry.io/otel/codes"
	_ "go.opentelemetry.io/otel/sdk/trace"
	_ "go.opentelemetry.io/otel/trace"
	_ "google.golang.org/grpc"
)
