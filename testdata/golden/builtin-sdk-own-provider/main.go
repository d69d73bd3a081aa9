package main

import (
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

func main() {
	otel.SetTracerProvider(sdktrace.NewTracerProvider())
	_ = otelhttp.NewTransport(nil)
}
