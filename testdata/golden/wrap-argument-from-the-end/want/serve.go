//line serve.go:1:1
package serve

/*line gorch.yaml:14:22*/import __gorch_http "net/http"/*line serve.go:1:14*/

import "net/http"

func Serve(mux *http.ServeMux) error {
	go http.ListenAndServeTLS(":8443", "cert.pem", "key.pem", /*line gorch.yaml:14:22*/func(h __gorch_http.Handler) __gorch_http.Handler { if h == nil { h = __gorch_http.DefaultServeMux }; return h }(/*line serve.go:6:60*/mux/*line gorch.yaml:14:131*/)/*line serve.go:6:63*/)
	return http.ListenAndServe(":8080", /*line gorch.yaml:14:22*/func(h __gorch_http.Handler) __gorch_http.Handler { if h == nil { h = __gorch_http.DefaultServeMux }; return h }(/*line serve.go:7:38*/mux/*line gorch.yaml:14:131*/)/*line serve.go:7:41*/)
}
