//line gorch/aspects/otel-http.yaml:167:13
package main
//line gorch/aspects/otel-sdk.yaml:46:13
import __gorch_context "context"
//line gorch/aspects/otel-sdk.yaml:46:13
import __gorch_autoexport "go.opentelemetry.io/contrib/exporters/autoexport"
//line gorch/aspects/otel-http.yaml:167:13
import __gorch_otelhttp "go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
//line gorch/aspects/otel-sdk.yaml:46:13
import __gorch_autoprop "go.opentelemetry.io/contrib/propagators/autoprop"
//line gorch/aspects/otel-sdk.yaml:46:13
import __gorch_otel "go.opentelemetry.io/otel"
//line gorch/aspects/otel-sdk.yaml:46:13
import __gorch_sdktrace "go.opentelemetry.io/otel/sdk/trace"
//line gorch/aspects/otel-http.yaml:167:13
import __gorch_http "net/http"
//line gorch/aspects/otel-sdk.yaml:46:13
import __gorch_os "os"
//line gorch/aspects/otel-sdk.yaml:46:13
import __gorch_strconv "strconv"
//line gorch/aspects/otel-sdk.yaml:46:13
import __gorch_strings "strings"
//line gorch/aspects/otel-sdk.yaml:46:13
import __gorch_time "time"
//line gorch/aspects/otel-http.yaml:167:13
var _ = func() bool {
	if _, ok := __gorch_http.DefaultClient.Transport.(*__gorch_otelhttp.Transport); !ok {
		base := __gorch_http.DefaultClient.Transport
		if base == nil {
			base = __gorch_http.DefaultTransport
		}
		__gorch_http.DefaultClient.Transport = __gorch_otelhttp.NewTransport(base)
	}
	return true
}()
//line gorch/aspects/otel-sdk.yaml:46:13
// __gorch_otel_shutdown flushes and stops the tracer provider that
// gorch's otel-sdk aspect set up for this program.
var __gorch_otel_shutdown = func() func() {
	if __gorch_strings.EqualFold(__gorch_strings.TrimSpace(__gorch_os.Getenv("OTEL_SDK_DISABLED")), "true") {
		return func() {}
	}
	exporter, err := __gorch_autoexport.NewSpanExporter(__gorch_context.Background())
	if err != nil {
		__gorch_otel.Handle(err)
		return func() {}
	}
	var options []__gorch_sdktrace.TracerProviderOption
	if !__gorch_autoexport.IsNoneSpanExporter(exporter) {
		options = append(options, __gorch_sdktrace.WithBatcher(exporter))
	}
	provider := __gorch_sdktrace.NewTracerProvider(options...)
	__gorch_otel.SetTracerProvider(provider)
	__gorch_otel.SetTextMapPropagator(__gorch_autoprop.NewTextMapPropagator())
	return func() {
		// The exporter's own timeout bounds the flush (OTLP: 10 s).
		timeout := 10 * __gorch_time.Second
		for _, name := range []string{"OTEL_EXPORTER_OTLP_TRACES_TIMEOUT", "OTEL_EXPORTER_OTLP_TIMEOUT"} {
			if ms, err := __gorch_strconv.Atoi(__gorch_os.Getenv(name)); err == nil && ms > 0 {
				timeout = __gorch_time.Duration(ms) * __gorch_time.Millisecond
				break
			}
		}
		ctx, cancel := __gorch_context.WithTimeout(__gorch_context.Background(), timeout)
		defer cancel()
		if err := provider.Shutdown(ctx); err != nil {
			__gorch_otel.Handle(err)
		}
	}
}()
