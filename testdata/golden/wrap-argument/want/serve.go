//line serve.go:1:1
package serve

/*line gorch.yaml:10:22*/import __gorch_http "net/http"/*line serve.go:1:14*/

import "net/http"

func Serve(mux *http.ServeMux) {
	go http.ListenAndServe(":8080", /*line gorch.yaml:10:22*/func(h __gorch_http.Handler) __gorch_http.Handler { if h == nil { h = __gorch_http.DefaultServeMux }; return h }(/*line serve.go:6:34*/nil/*line gorch.yaml:10:131*/)/*line serve.go:6:37*/)
	http.ListenAndServe(":8081", /*line gorch.yaml:10:22*/func(h __gorch_http.Handler) __gorch_http.Handler { if h == nil { h = __gorch_http.DefaultServeMux }; return h }(/*line serve.go:7:31*/mux/*line gorch.yaml:10:131*/)/*line serve.go:7:34*/)
}
