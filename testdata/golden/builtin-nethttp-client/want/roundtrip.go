//line roundtrip.go:1:1
package http

import "context"

type Request struct {
	ctx context.Context
}

func (r *Request) Context() context.Context { return r.ctx }

type Response struct {
	Request *Request
}

type Transport struct {
	MaxIdleConns int
}

// RoundTrip sends one request.
func (t *Transport) RoundTrip(req *Request) (*Response, error) {
	/*line gorch/aspects/http/net-http.yaml:135:13*/__gorch_roundTrip := func(t *Transport, req *Request) (*Response, error) /*line roundtrip.go:20:64*/{
	if t == nil {
		panic("transport is nil")
	}
	return t.roundTrip(req)
}/*line gorch/aspects/http/net-http.yaml:135:123*/
	if __gorch_hook := __gorch_roundTripHook.Load(); __gorch_hook != nil && req != nil && req.Context().Value(__gorch_untracedKey{}) == nil {
		return (*__gorch_hook)(t, req, func(r *Request) (*Response, error) { return __gorch_roundTrip(t, r) })
	}
	return __gorch_roundTrip(t, req)
}/*line roundtrip.go:25:2*/

func (t *Transport) roundTrip(req *Request) (*Response, error) {
	return &Response{Request: req}, nil
}
