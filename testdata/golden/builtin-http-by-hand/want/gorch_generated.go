//line gorch/aspects/otel-http.yaml:303:13
package byhand
//line gorch/aspects/otel-http.yaml:303:13
import __gorch_context "context"
//line gorch/aspects/otel-http.yaml:303:13
import __gorch_trace "go.opentelemetry.io/otel/trace"
//line gorch/aspects/otel-http.yaml:303:13
import __gorch_http "net/http"
//line gorch/aspects/otel-http.yaml:303:13
// __gorch_otel_http_by_hand serves through h, a handler made by
// otelhttp, after gorch's server span stepped aside for it.
func __gorch_otel_http_by_hand(h __gorch_http.Handler) __gorch_http.Handler {
	return __gorch_http.HandlerFunc(func(w __gorch_http.ResponseWriter, r *__gorch_http.Request) {
		if s, ok := __gorch_trace.SpanFromContext(r.Context()).(interface {
			GorchYield(__gorch_context.Context) __gorch_context.Context
		}); ok {
			r = r.WithContext(s.GorchYield(r.Context()))
		}
		h.ServeHTTP(w, r)
	})
}
