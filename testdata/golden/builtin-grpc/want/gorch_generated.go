//line gorch/aspects/grpc/grpc.yaml:35:13
package rpc
//line gorch/aspects/grpc/grpc.yaml:35:13
import __gorch_context "context"
//line gorch/aspects/grpc/grpc.yaml:35:13
import __gorch_otel "go.opentelemetry.io/otel"
//line gorch/aspects/grpc/grpc.yaml:35:13
import __gorch_trace "go.opentelemetry.io/otel/trace"
//line gorch/aspects/grpc/grpc.yaml:35:13
import __gorch_metadata "google.golang.org/grpc/metadata"
//line gorch/aspects/grpc/grpc.yaml:35:13
import __gorch_stats "google.golang.org/grpc/stats"
//line gorch/aspects/grpc/grpc.yaml:35:13
import __gorch_unsafe "unsafe"
//line gorch/aspects/grpc/grpc.yaml:35:13
import _ "unsafe"
//line gorch/aspects/grpc/grpc.yaml:35:13
// __gorch_otel_grpc_handler is otelgrpc's stats handler, which
// steps aside for an RPC a handler of the program's traced.
type __gorch_otel_grpc_handler struct {
	__gorch_stats.Handler
	client bool
}

type __gorch_otel_grpc_skip struct{}

func (h __gorch_otel_grpc_handler) TagRPC(ctx __gorch_context.Context, info *__gorch_stats.RPCTagInfo) __gorch_context.Context {
	ctx = h.tag(ctx, info)
	if h.client {
		return ctx
	}
	// On a server, the goroutine that runs the RPC (the one that
	// tags it) works in the RPC's span until the RPC ends
	// (otel-context).
	in := &__gorch_otel_grpc_in{span: __gorch_trace.SpanFromContext(ctx)}
	in.outer = __gorch_otel_grpc_enterGoroutineSpan(__gorch_unsafe.Pointer(&in.span))
	return __gorch_context.WithValue(ctx, __gorch_otel_grpc_in{}, in)
}

// __gorch_otel_grpc_in is a server RPC's span as its goroutine
// holds it, and the goroutine's span before it; as a context
// key, the value is a *__gorch_otel_grpc_in.
type __gorch_otel_grpc_in struct {
	span  __gorch_trace.Span
	outer __gorch_unsafe.Pointer
}

func (h __gorch_otel_grpc_handler) tag(ctx __gorch_context.Context, info *__gorch_stats.RPCTagInfo) __gorch_context.Context {
	span := __gorch_trace.SpanFromContext(ctx)
	current := span.SpanContext()
	traced := current.IsValid() && !current.IsRemote()
	if h.client {
		// A client span current, or the current span carried in the
		// outgoing metadata: a handler of the program's made it.
		kind, ok := span.(interface{ SpanKind() __gorch_trace.SpanKind })
		traced = ok && kind.SpanKind() == __gorch_trace.SpanKindClient
		if md, ok := __gorch_metadata.FromOutgoingContext(ctx); ok && current.IsValid() && !traced {
			carried := __gorch_trace.SpanContextFromContext(__gorch_otel.GetTextMapPropagator().Extract(__gorch_context.Background(), __gorch_otel_grpc_carrier(md)))
			traced = carried.TraceID() == current.TraceID() && carried.SpanID() == current.SpanID()
		}
	}
	if traced {
		return __gorch_context.WithValue(ctx, __gorch_otel_grpc_skip{}, true)
	}
	if h.client && !current.IsValid() {
		// A call with a context that carries no span
		// (context.Background()): the goroutine's span, if any, is the
		// parent (otel-context).
		if span := __gorch_otel_grpc_goroutineSpan(); span != nil {
			ctx = __gorch_trace.ContextWithSpan(ctx, *(*__gorch_trace.Span)(span))
		}
	}
	return h.Handler.TagRPC(ctx, info)
}

//go:linkname __gorch_otel_grpc_goroutineSpan runtime.__gorch_goroutineSpan
func __gorch_otel_grpc_goroutineSpan() __gorch_unsafe.Pointer

//go:linkname __gorch_otel_grpc_enterGoroutineSpan runtime.__gorch_enterGoroutineSpan
func __gorch_otel_grpc_enterGoroutineSpan(span __gorch_unsafe.Pointer) (outer __gorch_unsafe.Pointer)

//go:linkname __gorch_otel_grpc_leaveGoroutineSpan runtime.__gorch_leaveGoroutineSpan
func __gorch_otel_grpc_leaveGoroutineSpan(span, outer __gorch_unsafe.Pointer)

func (h __gorch_otel_grpc_handler) HandleRPC(ctx __gorch_context.Context, s __gorch_stats.RPCStats) {
	if ctx.Value(__gorch_otel_grpc_skip{}) == nil {
		h.Handler.HandleRPC(ctx, s)
	}
	if _, end := s.(*__gorch_stats.End); end && !h.client {
		if in, ok := ctx.Value(__gorch_otel_grpc_in{}).(*__gorch_otel_grpc_in); ok {
			__gorch_otel_grpc_leaveGoroutineSpan(__gorch_unsafe.Pointer(&in.span), in.outer)
		}
	}
}

// __gorch_otel_grpc_carrier reads propagation fields from gRPC
// metadata.
type __gorch_otel_grpc_carrier __gorch_metadata.MD

func (c __gorch_otel_grpc_carrier) Get(key string) string {
	if v := __gorch_metadata.MD(c).Get(key); len(v) > 0 {
		return v[0]
	}
	return ""
}

func (c __gorch_otel_grpc_carrier) Set(key, value string) { __gorch_metadata.MD(c).Set(key, value) }

func (c __gorch_otel_grpc_carrier) Keys() []string {
	keys := make([]string, 0, len(c))
	for k := range c {
		keys = append(keys, k)
	}
	return keys
}
