//line gorch/aspects/span/span.yaml:27:13
package store
//line gorch/aspects/span/span.yaml:27:13
import __gorch_context "context"
//line gorch/aspects/span/span.yaml:27:13
import __gorch_trace "go.opentelemetry.io/otel/trace"
//line gorch/aspects/span/span.yaml:27:13
import __gorch_unsafe "unsafe"
//line gorch/aspects/span/span.yaml:27:13
import _ "unsafe"
//line gorch/aspects/span/span.yaml:27:13
//go:linkname __gorch_otel_span_goroutineSpan runtime.__gorch_goroutineSpan
func __gorch_otel_span_goroutineSpan() __gorch_unsafe.Pointer

//go:linkname __gorch_otel_span_enterGoroutineSpan runtime.__gorch_enterGoroutineSpan
func __gorch_otel_span_enterGoroutineSpan(span __gorch_unsafe.Pointer) (outer __gorch_unsafe.Pointer)

//go:linkname __gorch_otel_span_leaveGoroutineSpan runtime.__gorch_leaveGoroutineSpan
func __gorch_otel_span_leaveGoroutineSpan(span, outer __gorch_unsafe.Pointer)

// __gorch_otel_span_parent is ctx, or, when ctx carries no span,
// ctx with the goroutine's span as the parent.
func __gorch_otel_span_parent(ctx __gorch_context.Context) __gorch_context.Context {
	if !__gorch_trace.SpanContextFromContext(ctx).IsValid() {
		if span := __gorch_otel_span_goroutineSpan(); span != nil {
			return __gorch_trace.ContextWithSpan(ctx, *(*__gorch_trace.Span)(span))
		}
	}
	return ctx
}
