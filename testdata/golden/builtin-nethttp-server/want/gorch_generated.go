//line gorch/aspects/http/net-http.yaml:48:13
package http
//line gorch/aspects/http/net-http.yaml:48:13
import __gorch_atomic "sync/atomic"
//line gorch/aspects/http/net-http.yaml:48:13
import _ "unsafe"
//line gorch/aspects/http/net-http.yaml:48:13
// __gorch_serverHook serves each request through the program's
// instrumentation, when the program set it. (Atomic: a server
// started by a package's init may serve while main's variables
// are set.)
var __gorch_serverHook __gorch_atomic.Pointer[func(srv *Server, w ResponseWriter, r *Request, next func(ResponseWriter, *Request))]

//go:linkname __gorch_setServerHook
func __gorch_setServerHook(hook func(srv *Server, w ResponseWriter, r *Request, next func(ResponseWriter, *Request))) {
	__gorch_serverHook.Store(&hook)
}

// __gorch_untracedHandler is the handler of a server that is never
// traced: the exporters' own (the Prometheus endpoint).
type __gorch_untracedHandler struct{ Handler }

//go:linkname __gorch_untracedServer
func __gorch_untracedServer(h Handler) Handler {
	return __gorch_untracedHandler{h}
}

// __gorch_routeHook names a request's route, as a router found
// it, to the program's instrumentation, when the program set it.
var __gorch_routeHook __gorch_atomic.Pointer[func(r *Request, route string)]

//go:linkname __gorch_setRouteHook
func __gorch_setRouteHook(hook func(r *Request, route string)) {
	__gorch_routeHook.Store(&hook)
}

// __gorch_route is what the routers' aspects call (otel-routers)
// with the template of the route that matched a request.
//
//go:linkname __gorch_route
func __gorch_route(r *Request, route string) {
	if hook := __gorch_routeHook.Load(); hook != nil && r != nil && route != "" {
		(*hook)(r, route)
	}
}

func __gorch_traced(srv *Server) bool {
	if srv == nil {
		return true
	}
	_, untraced := srv.Handler.(__gorch_untracedHandler)
	return !untraced
}
