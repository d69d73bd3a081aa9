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
	if t == nil {
		panic("transport is nil")
	}
	return t.roundTrip(req)
}

func (t *Transport) roundTrip(req *Request) (*Response, error) {
	return &Response{Request: req}, nil
}
