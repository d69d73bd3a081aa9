//line serve.go:1:1
package web

/*line gorch/aspects/otel-http.yaml:126:22*/import __gorch_http "net/http"/*line serve.go:1:12*/

import (
	"net"
	"net/http"
)

func Run(mux *http.ServeMux, l net.Listener) error {
	go http.ListenAndServe(":8080", /*line gorch/aspects/otel-http.yaml:59:22*/__gorch_otel_http_handler(/*line serve.go:9:34*/nil/*line gorch/aspects/otel-http.yaml:59:56*/)/*line serve.go:9:37*/)
	go http.ListenAndServeTLS(":8443", "cert.pem", "key.pem", /*line gorch/aspects/otel-http.yaml:79:22*/__gorch_otel_http_handler(/*line serve.go:10:60*/mux/*line gorch/aspects/otel-http.yaml:79:56*/)/*line serve.go:10:63*/)
	go http.Serve(l, /*line gorch/aspects/otel-http.yaml:59:22*/__gorch_otel_http_handler(/*line serve.go:11:19*/mux/*line gorch/aspects/otel-http.yaml:59:56*/)/*line serve.go:11:22*/)
	api := /*line gorch/aspects/otel-http.yaml:126:22*/func(s *__gorch_http.Server) *__gorch_http.Server { if s.Handler == nil { s.Handler = __gorch_otel_http_handler(nil) }; return s }(/*line serve.go:12:9*/&http.Server{Addr: ":9090", Handler: /*line gorch/aspects/otel-http.yaml:101:22*/__gorch_otel_http_handler(/*line serve.go:12:46*/mux/*line gorch/aspects/otel-http.yaml:101:56*/)/*line serve.go:12:49*/}/*line gorch/aspects/otel-http.yaml:126:153*/)/*line serve.go:12:50*/
	go api.ListenAndServe()
	admin := /*line gorch/aspects/otel-http.yaml:126:22*/func(s *__gorch_http.Server) *__gorch_http.Server { if s.Handler == nil { s.Handler = __gorch_otel_http_handler(nil) }; return s }(/*line serve.go:14:11*/&http.Server{Addr: ":9091"}/*line gorch/aspects/otel-http.yaml:126:153*/)/*line serve.go:14:38*/
	return admin.ListenAndServe()
}
