//go:build !otelhand

package telemetry

import (
	"database/sql"
	"net/http"

	"google.golang.org/grpc"
)

// Setup starts tracing for the program and returns the function that
// flushes it; without instrumentation both do nothing.
func Setup() (shutdown func()) { return func() {} }

// Handler returns the handler a server serves for h.
func Handler(h http.Handler) http.Handler { return h }

// Transport returns the round tripper an HTTP client uses for rt.
func Transport(rt http.RoundTripper) http.RoundTripper { return rt }

// OpenDB opens a database handle, like sql.Open.
func OpenDB(driver, dsn string) (*sql.DB, error) { return sql.Open(driver, dsn) }

// ServerOptions returns the options every gRPC server gets.
func ServerOptions() []grpc.ServerOption { return nil }

// DialOptions returns the options every gRPC client connection gets.
func DialOptions() []grpc.DialOption { return nil }
