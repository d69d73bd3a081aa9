//line gorch/aspects/otel-http.yaml:47:13
package http
//line gorch/aspects/otel-http.yaml:47:13
import __gorch_atomic "sync/atomic"
//line gorch/aspects/otel-http.yaml:47:13
import _ "unsafe"
//line gorch/aspects/otel-http.yaml:47:13
// __gorch_serverHook serves each request through the program's
// instrumentation, when the program set it. (Atomic: a server
// started by a package's init may serve while main's variables
// are set.)
var __gorch_serverHook __gorch_atomic.Pointer[func(srv *Server, w ResponseWriter, r *Request, next func(ResponseWriter, *Request))]

//go:linkname __gorch_setServerHook
func __gorch_setServerHook(hook func(srv *Server, w ResponseWriter, r *Request, next func(ResponseWriter, *Request))) {
	__gorch_serverHook.Store(&hook)
}
