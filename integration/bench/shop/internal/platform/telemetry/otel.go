//go:build otelhand

package telemetry

import (
	"context"
	"database/sql"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/XSAM/otelsql"
	"go.opentelemetry.io/contrib/exporters/autoexport"
	"go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/contrib/propagators/autoprop"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"
	"google.golang.org/grpc"
)

// Setup installs a tracer provider configured from the standard OTEL_*
// environment variables (exporter from autoexport, propagators from
// autoprop, batch span processor), gives http.DefaultClient client spans,
// and returns the function that flushes and stops the provider.
// OTEL_SDK_DISABLED=true installs no provider.
func Setup() (shutdown func()) {
	if _, ok := http.DefaultClient.Transport.(*otelhttp.Transport); !ok {
		base := http.DefaultClient.Transport
		if base == nil {
			base = http.DefaultTransport
		}
		http.DefaultClient.Transport = otelhttp.NewTransport(base)
	}
	if strings.EqualFold(strings.TrimSpace(os.Getenv("OTEL_SDK_DISABLED")), "true") {
		return func() {}
	}
	exporter, err := autoexport.NewSpanExporter(context.Background())
	if err != nil {
		otel.Handle(err)
		return func() {}
	}
	var options []sdktrace.TracerProviderOption
	if !autoexport.IsNoneSpanExporter(exporter) {
		options = append(options, sdktrace.WithBatcher(exporter))
	}
	provider := sdktrace.NewTracerProvider(options...)
	otel.SetTracerProvider(provider)
	otel.SetTextMapPropagator(autoprop.NewTextMapPropagator())
	return func() {
		// Bounded by the exporter's own timeout (OTLP: 10 s by default).
		timeout := 10 * time.Second
		for _, name := range []string{"OTEL_EXPORTER_OTLP_TRACES_TIMEOUT", "OTEL_EXPORTER_OTLP_TIMEOUT"} {
			if ms, err := strconv.Atoi(os.Getenv(name)); err == nil && ms > 0 {
				timeout = time.Duration(ms) * time.Millisecond
				break
			}
		}
		ctx, cancel := context.WithTimeout(context.Background(), timeout)
		defer cancel()
		if err := provider.Shutdown(ctx); err != nil {
			otel.Handle(err)
		}
	}
}

// Handler serves h (the default mux when nil) with server spans, and
// records the ServeMux pattern that routed a request as its http.route.
func Handler(h http.Handler) http.Handler {
	if h == nil {
		h = http.DefaultServeMux
	}
	routed := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.ServeHTTP(w, r)
		if route := r.Pattern; route != "" {
			if i := strings.IndexByte(route, '/'); i >= 0 {
				route = route[i:]
			}
			trace.SpanFromContext(r.Context()).SetAttributes(attribute.String("http.route", route))
		}
	})
	return otelhttp.NewHandler(routed, "http.server")
}

// Transport gives the requests sent through rt client spans and
// propagates the trace context.
func Transport(rt http.RoundTripper) http.RoundTripper {
	if rt == nil {
		rt = http.DefaultTransport
	}
	if _, ok := rt.(*otelhttp.Transport); ok {
		return rt
	}
	return otelhttp.NewTransport(rt)
}

// OpenDB opens a database handle whose connections make spans for
// queries, statements and transactions.
func OpenDB(driver, dsn string) (*sql.DB, error) { return otelsql.Open(driver, dsn) }

// ServerOptions returns the otelgrpc stats handler for servers.
func ServerOptions() []grpc.ServerOption {
	return []grpc.ServerOption{grpc.StatsHandler(otelgrpc.NewServerHandler())}
}

// DialOptions returns the otelgrpc stats handler for client connections.
func DialOptions() []grpc.DialOption {
	return []grpc.DialOption{grpc.WithStatsHandler(otelgrpc.NewClientHandler())}
}
