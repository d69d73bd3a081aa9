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
	handler := sh.srv.Handler
	if handler == nil {
		handler = DefaultServeMux
	}
	handler.ServeHTTP(rw, req)
}
