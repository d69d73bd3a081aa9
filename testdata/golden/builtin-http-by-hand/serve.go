package byhand

import (
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

func Run(mux *http.ServeMux) error {
	client := &http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport)}
	_ = client
	return http.ListenAndServe(":8080", otelhttp.NewHandler(mux, "byhand"))
}
