//line gorch/aspects/otel-http.yaml:40:13
package http
//line gorch/aspects/otel-http.yaml:40:13
import _ "unsafe"
//line gorch/aspects/otel-http.yaml:40:13
// __gorch_serverHook serves each request through the program's
// instrumentation, when the program set it.
var __gorch_serverHook func(srv *Server, w ResponseWriter, r *Request, next func(ResponseWriter, *Request))

//go:linkname __gorch_setServerHook
func __gorch_setServerHook(hook func(srv *Server, w ResponseWriter, r *Request, next func(ResponseWriter, *Request))) {
	__gorch_serverHook = hook
}
