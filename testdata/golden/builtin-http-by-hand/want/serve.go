//line serve.go:1:1
package byhand

import (
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

func Run(mux *http.ServeMux) error {
	client := &http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport)}
	_ = client
	return http.ListenAndServe(":8080", /*line gorch/aspects/http/net-http.yaml:456:22*/__gorch_otel_http_by_hand(/*line serve.go:12:38*/otelhttp.NewHandler(/*line gorch/aspects/http/net-http.yaml:459:22*/__gorch_otel_http_in_span(/*line serve.go:12:58*/mux/*line gorch/aspects/http/net-http.yaml:459:56*/)/*line serve.go:12:61*/, "byhand")/*line gorch/aspects/http/net-http.yaml:456:56*/)/*line serve.go:12:72*/)
}
