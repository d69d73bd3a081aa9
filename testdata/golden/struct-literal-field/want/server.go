//line server.go:1:1
package server

/*line gorch.yaml:11:22*/import __gorch_http "net/http"/*line server.go:1:15*/

import "net/http"

func New(mux *http.ServeMux) *http.Server {
	return &http.Server{
		Addr:    ":8080",
		Handler: /*line gorch.yaml:11:22*/__gorch_http.TimeoutHandler(/*line server.go:8:12*/mux/*line gorch.yaml:11:54*/, 5e9, "timeout")/*line server.go:8:15*/,
	}
}

func Default() *http.Server {
	return &http.Server{Addr: ":9090", Handler: /*line gorch.yaml:11:22*/__gorch_http.TimeoutHandler(/*line server.go:13:46*/http.NotFoundHandler()/*line gorch.yaml:11:54*/, 5e9, "timeout")/*line server.go:13:68*/}
}

func Plain(h http.Handler) http.Server {
	return http.Server{Handler: /*line gorch.yaml:11:22*/__gorch_http.TimeoutHandler(/*line server.go:17:30*/h/*line gorch.yaml:11:54*/, 5e9, "timeout")/*line server.go:17:31*/, ErrorLog: nil}
}
