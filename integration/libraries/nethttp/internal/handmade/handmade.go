// Package handmade serves two handlers: one its authors wrapped in
// otelhttp by hand, one they left alone. Each request must get exactly
// one server span: the hand-made one for the first, gorch's for the
// second.
package handmade

import (
	"io"
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

// Wrapped is instrumented by hand, its span named after the operation.
func Wrapped() http.Handler {
	byOperation := otelhttp.WithSpanNameFormatter(func(operation string, _ *http.Request) string { return operation })
	return otelhttp.NewHandler(http.HandlerFunc(hello), "hand-made", byOperation)
}

// Plain is not.
func Plain() http.Handler {
	return http.HandlerFunc(hello)
}

func hello(w http.ResponseWriter, r *http.Request) {
	io.WriteString(w, "hello from "+r.URL.Path+"\n")
}
