//line server.go:1:1
package http

type Handler interface {
	ServeHTTP(ResponseWriter, *Request)
}

type ResponseWriter interface {
	WriteHeader(statusCode int)
}

type Request struct {
	Method     string
	RequestURI string
}

type Server struct {
	Handler Handler
}

var DefaultServeMux Handler

// serverHandler delegates to the server's handler, or the default mux.
type serverHandler struct {
	srv *Server
}

func (sh serverHandler) ServeHTTP(rw ResponseWriter, req *Request) {
	/*line gorch/aspects/http/net-http.yaml:96:13*/__gorch_serve := func(sh serverHandler, rw ResponseWriter, req *Request) /*line server.go:27:68*/{
	handler := sh.srv.Handler
	if handler == nil {
		handler = DefaultServeMux
	}
	handler.ServeHTTP(rw, req)
}/*line gorch/aspects/http/net-http.yaml:96:136*/
	if __gorch_hook := __gorch_serverHook.Load(); __gorch_hook != nil && __gorch_traced(sh.srv) {
		(*__gorch_hook)(sh.srv, rw, req, func(w ResponseWriter, r *Request) { __gorch_serve(sh, w, r) })
		return
	}
	__gorch_serve(sh, rw, req)
}/*line server.go:33:2*/
