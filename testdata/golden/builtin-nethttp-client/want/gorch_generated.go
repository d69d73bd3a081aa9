//line gorch/aspects/http/net-http.yaml:115:13
package http
//line gorch/aspects/http/net-http.yaml:115:13
import __gorch_context "context"
//line gorch/aspects/http/net-http.yaml:115:13
import __gorch_atomic "sync/atomic"
//line gorch/aspects/http/net-http.yaml:115:13
import _ "unsafe"
//line gorch/aspects/http/net-http.yaml:115:13
// __gorch_roundTripHook makes each round trip through the
// program's instrumentation, when the program set it.
var __gorch_roundTripHook __gorch_atomic.Pointer[func(t *Transport, req *Request, next func(*Request) (*Response, error)) (*Response, error)]

//go:linkname __gorch_setRoundTripHook
func __gorch_setRoundTripHook(hook func(t *Transport, req *Request, next func(*Request) (*Response, error)) (*Response, error)) {
	__gorch_roundTripHook.Store(&hook)
}

type __gorch_untracedKey struct{}

// __gorch_untraced marks a context whose requests are never
// traced: the exporters' own.
//
//go:linkname __gorch_untraced
func __gorch_untraced(ctx __gorch_context.Context) __gorch_context.Context {
	return __gorch_context.WithValue(ctx, __gorch_untracedKey{}, true)
}
