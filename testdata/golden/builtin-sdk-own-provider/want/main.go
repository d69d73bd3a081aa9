//line main.go:1:1
package main

import (
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

func main() {
	/*line gorch/aspects/sdk/sdk.yaml:304:21*/defer __gorch_otel_shutdown()/*line main.go:9:14*/
	otel.SetTracerProvider(sdktrace.NewTracerProvider())
	_ = otelhttp.NewTransport(nil)
}
