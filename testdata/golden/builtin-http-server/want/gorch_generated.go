//line gorch/aspects/otel-http.yaml:39:13
package web
//line gorch/aspects/otel-http.yaml:39:13
import __gorch_otelhttp "go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
//line gorch/aspects/otel-http.yaml:39:13
import __gorch_attribute "go.opentelemetry.io/otel/attribute"
//line gorch/aspects/otel-http.yaml:39:13
import __gorch_trace "go.opentelemetry.io/otel/trace"
//line gorch/aspects/otel-http.yaml:39:13
import __gorch_http "net/http"
//line gorch/aspects/otel-http.yaml:39:13
import __gorch_strings "strings"
//line gorch/aspects/otel-http.yaml:39:13
// __gorch_otel_http_handler serves h (the default mux when nil)
// with otelhttp's server spans, and records the ServeMux pattern
// that routed a request as its http.route.
func __gorch_otel_http_handler(h __gorch_http.Handler) __gorch_http.Handler {
	if h == nil {
		h = __gorch_http.DefaultServeMux
	}
	routed := __gorch_http.HandlerFunc(func(w __gorch_http.ResponseWriter, r *__gorch_http.Request) {
		h.ServeHTTP(w, r)
		if route := r.Pattern; route != "" {
			if i := __gorch_strings.IndexByte(route, '/'); i >= 0 {
				route = route[i:]
			}
			__gorch_trace.SpanFromContext(r.Context()).SetAttributes(__gorch_attribute.String("http.route", route))
		}
	})
	return __gorch_otelhttp.NewHandler(routed, "http.server")
}
