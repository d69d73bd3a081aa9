// Package telemetry is where the services would be instrumented by hand.
//
// The services call it at every place a tracing library hooks in: main
// sets up a tracer provider, HTTP servers wrap their handler, HTTP clients
// their transport, database handles are opened through it, and gRPC
// servers and clients take its options.
//
// In a normal build (plain.go) every function is the identity or a no-op,
// so the programs contain no tracing code; compile-time instrumentation
// (gorch) then adds OpenTelemetry at the calls to sql.Open, http.Server,
// grpc.NewServer, grpc.NewClient and so on. Built with -tags otelhand
// (otel.go), the package does by hand what gorch's built-in aspects
// inject, with the same OpenTelemetry modules and versions.
package telemetry
