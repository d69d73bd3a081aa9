//line gorch/aspects/http/net-http.yaml:425:13
package byhand
//line gorch/aspects/http/net-http.yaml:425:13
import __gorch_context "context"
//line gorch/aspects/http/net-http.yaml:425:13
import __gorch_trace "go.opentelemetry.io/otel/trace"
//line gorch/aspects/http/net-http.yaml:425:13
import __gorch_http "net/http"
//line gorch/aspects/http/net-http.yaml:425:13
import __gorch_unsafe "unsafe"
//line gorch/aspects/http/net-http.yaml:425:13
import _ "unsafe"
//line gorch/aspects/http/net-http.yaml:425:13
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

// __gorch_otel_http_in_span serves through h, the handler that
// otelhttp wraps, with the span otelhttp made as the
// goroutine's span (otel-context).
func __gorch_otel_http_in_span(h __gorch_http.Handler) __gorch_http.Handler {
	return __gorch_http.HandlerFunc(func(w __gorch_http.ResponseWriter, r *__gorch_http.Request) {
		span := __gorch_trace.SpanFromContext(r.Context())
		outer := __gorch_otel_http_hand_enterGoroutineSpan(__gorch_unsafe.Pointer(&span))
		defer __gorch_otel_http_hand_leaveGoroutineSpan(__gorch_unsafe.Pointer(&span), outer)
		h.ServeHTTP(w, r)
	})
}

//go:linkname __gorch_otel_http_hand_enterGoroutineSpan runtime.__gorch_enterGoroutineSpan
func __gorch_otel_http_hand_enterGoroutineSpan(span __gorch_unsafe.Pointer) (outer __gorch_unsafe.Pointer)

//go:linkname __gorch_otel_http_hand_leaveGoroutineSpan runtime.__gorch_leaveGoroutineSpan
func __gorch_otel_http_hand_leaveGoroutineSpan(span, outer __gorch_unsafe.Pointer)
