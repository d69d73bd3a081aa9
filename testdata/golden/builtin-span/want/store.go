//line store.go:1:1
package store

/*line gorch/aspects/span/span.yaml:54:13*/import __gorch_context "context"

/*line gorch/aspects/span/span.yaml:54:13*/import __gorch_fmt "fmt"

/*line gorch/aspects/span/span.yaml:54:13*/import __gorch_otel "go.opentelemetry.io/otel"

/*line gorch/aspects/span/span.yaml:54:13*/import __gorch_codes "go.opentelemetry.io/otel/codes"

/*line gorch/aspects/span/span.yaml:54:13*/import __gorch_unsafe "unsafe"/*line store.go:1:14*/

import (
	"context"
	"errors"
	"net/http"
)

type Store struct{}

//gorch:span store.get
func (s *Store) Get(ctx context.Context, key string) (__gorch_r0 /*line store.go:12:55*/string, __gorch_r1 /*line store.go:12:63*/error) {
	/*line gorch/aspects/span/span.yaml:55:13*/ctx, __gorch_span := __gorch_otel.Tracer("example.com/store").Start(__gorch_otel_span_parent(ctx), "store.get")
	/*line gorch/aspects/span/span.yaml:64:13*/__gorch_outer := __gorch_otel_span_enterGoroutineSpan(__gorch_unsafe.Pointer(&__gorch_span))
	defer func() {
		__gorch_otel_span_leaveGoroutineSpan(__gorch_unsafe.Pointer(&__gorch_span), __gorch_outer)
		if __gorch_panic := recover(); __gorch_panic != nil {
			__gorch_span.RecordError(__gorch_fmt.Errorf("panic: %v", __gorch_panic))
			__gorch_span.SetStatus(__gorch_codes.Error, "panic")
			__gorch_span.End()
			panic(__gorch_panic)
		}
	/*line gorch/aspects/span/span.yaml:74:13*/	if __gorch_err := __gorch_r1; __gorch_err != nil {
			__gorch_span.RecordError(__gorch_err)
			__gorch_span.SetStatus(__gorch_codes.Error, __gorch_err.Error())
		}
	/*line gorch/aspects/span/span.yaml:79:13*/	__gorch_span.End()
	}()/*line store.go:12:71*/
	if key == "" {
		return "", errors.New("empty key")
	}
	return key, nil
}

//gorch:span
func Handle(w http.ResponseWriter, r *http.Request) {
	/*line gorch/aspects/span/span.yaml:58:13*/__gorch_ctx, __gorch_span := __gorch_otel.Tracer("example.com/store").Start(__gorch_otel_span_parent(r.Context()), "Handle")
	r = r.WithContext(__gorch_ctx)
	/*line gorch/aspects/span/span.yaml:64:13*/__gorch_outer := __gorch_otel_span_enterGoroutineSpan(__gorch_unsafe.Pointer(&__gorch_span))
	defer func() {
		__gorch_otel_span_leaveGoroutineSpan(__gorch_unsafe.Pointer(&__gorch_span), __gorch_outer)
		if __gorch_panic := recover(); __gorch_panic != nil {
			__gorch_span.RecordError(__gorch_fmt.Errorf("panic: %v", __gorch_panic))
			__gorch_span.SetStatus(__gorch_codes.Error, "panic")
			__gorch_span.End()
			panic(__gorch_panic)
		}
	/*line gorch/aspects/span/span.yaml:79:13*/	__gorch_span.End()
	}()/*line store.go:20:54*/
	w.WriteHeader(http.StatusNoContent)
}

//gorch:span
func Tidy() {
	/*line gorch/aspects/span/span.yaml:61:13*/_, __gorch_span := __gorch_otel.Tracer("example.com/store").Start(__gorch_otel_span_parent(__gorch_context.Background()), "Tidy")
	/*line gorch/aspects/span/span.yaml:64:13*/__gorch_outer := __gorch_otel_span_enterGoroutineSpan(__gorch_unsafe.Pointer(&__gorch_span))
	defer func() {
		__gorch_otel_span_leaveGoroutineSpan(__gorch_unsafe.Pointer(&__gorch_span), __gorch_outer)
		if __gorch_panic := recover(); __gorch_panic != nil {
			__gorch_span.RecordError(__gorch_fmt.Errorf("panic: %v", __gorch_panic))
			__gorch_span.SetStatus(__gorch_codes.Error, "panic")
			__gorch_span.End()
			panic(__gorch_panic)
		}
	/*line gorch/aspects/span/span.yaml:79:13*/	__gorch_span.End()
	}()
/*line store.go:25:14*/}
