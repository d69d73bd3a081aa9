// Command manual is hello instrumented by hand, as the OpenTelemetry
// documentation shows: a tracer, a meter and a logger provider from the
// same environment variables as gorch's otel-sdk aspects (autoexport,
// autoprop, batch processors, a periodic metric reader, the Go runtime's
// metrics, one resource) and otelhttp around the mux, which records the
// route that served each request as http.route, so that its spans and
// metrics carry what gorch's do. It is the baseline gorch's run-time cost
// is measured against.
package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"go.opentelemetry.io/contrib/exporters/autoexport"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/contrib/instrumentation/runtime"
	"go.opentelemetry.io/contrib/propagators/autoprop"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/log/global"
	sdklog "go.opentelemetry.io/otel/sdk/log"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	semconv "go.opentelemetry.io/otel/semconv/v1.40.0"
	"go.opentelemetry.io/otel/trace"
)

func main() {
	res := resource.Default()
	exporter, err := autoexport.NewSpanExporter(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	provider := sdktrace.NewTracerProvider(sdktrace.WithBatcher(exporter), sdktrace.WithResource(res))
	defer provider.Shutdown(context.Background())
	otel.SetTracerProvider(provider)
	otel.SetTextMapPropagator(autoprop.NewTextMapPropagator())

	reader, err := autoexport.NewMetricReader(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	meters := sdkmetric.NewMeterProvider(sdkmetric.WithReader(reader), sdkmetric.WithResource(res))
	defer meters.Shutdown(context.Background())
	otel.SetMeterProvider(meters)
	if err := runtime.Start(runtime.WithMeterProvider(meters)); err != nil {
		log.Fatal(err)
	}

	logExporter, err := autoexport.NewLogExporter(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	loggers := sdklog.NewLoggerProvider(sdklog.WithProcessor(sdklog.NewBatchProcessor(logExporter)), sdklog.WithResource(res))
	defer loggers.Shutdown(context.Background())
	global.SetLoggerProvider(loggers)

	mux := http.NewServeMux()
	mux.HandleFunc("GET /hello/{name}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "hello, %s\n", r.PathValue("name"))
	})
	routed := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mux.ServeHTTP(w, r)
		if i := strings.IndexByte(r.Pattern, '/'); i >= 0 {
			trace.SpanFromContext(r.Context()).SetAttributes(semconv.HTTPRoute(r.Pattern[i:]))
		}
	})
	server := &http.Server{Addr: os.Getenv("LISTEN"), Handler: otelhttp.NewHandler(routed, "http.server")}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		server.Shutdown(context.Background())
	}()
	if err := server.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Fatal(err)
	}
}
