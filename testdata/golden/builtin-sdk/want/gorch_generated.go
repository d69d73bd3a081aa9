//line gorch/aspects/context/goroutine.yaml:173:13
package main
//line gorch/aspects/http/net-http.yaml:217:13
import __gorch_context "context"
//line gorch/aspects/sql/database-sql.yaml:164:13
import __gorch_sql "database/sql"
//line gorch/aspects/sql/database-sql.yaml:164:13
import __gorch_driver "database/sql/driver"
//line gorch/aspects/sql/database-sql.yaml:164:13
import __gorch_errors "errors"
//line gorch/aspects/logs/slog.yaml:88:13
import __gorch_otelslog "go.opentelemetry.io/contrib/bridges/otelslog"
//line gorch/aspects/sdk/sdk.yaml:208:13
import __gorch_autoexport "go.opentelemetry.io/contrib/exporters/autoexport"
//line gorch/aspects/http/net-http.yaml:217:13
import __gorch_otelhttp "go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
//line gorch/aspects/sdk/sdk.yaml:241:13
import __gorch_runtime_2 "go.opentelemetry.io/contrib/instrumentation/runtime"
//line gorch/aspects/sdk/sdk.yaml:208:13
import __gorch_autoprop "go.opentelemetry.io/contrib/propagators/autoprop"
//line gorch/aspects/http/net-http.yaml:217:13
import __gorch_otel "go.opentelemetry.io/otel"
//line gorch/aspects/http/net-http.yaml:217:13
import __gorch_attribute "go.opentelemetry.io/otel/attribute"
//line gorch/aspects/sql/database-sql.yaml:164:13
import __gorch_codes "go.opentelemetry.io/otel/codes"
//line gorch/aspects/logs/log.yaml:77:13
import __gorch_log "go.opentelemetry.io/otel/log"
//line gorch/aspects/logs/log.yaml:77:13
import __gorch_global "go.opentelemetry.io/otel/log/global"
//line gorch/aspects/sql/database-sql.yaml:164:13
import __gorch_metric "go.opentelemetry.io/otel/metric"
//line gorch/aspects/http/net-http.yaml:217:13
import __gorch_propagation "go.opentelemetry.io/otel/propagation"
//line gorch/aspects/sdk/sdk.yaml:276:13
import __gorch_sdklog "go.opentelemetry.io/otel/sdk/log"
//line gorch/aspects/sdk/sdk.yaml:241:13
import __gorch_sdkmetric "go.opentelemetry.io/otel/sdk/metric"
//line gorch/aspects/sdk/sdk.yaml:101:13
import __gorch_resource "go.opentelemetry.io/otel/sdk/resource"
//line gorch/aspects/sdk/sdk.yaml:208:13
import __gorch_sdktrace "go.opentelemetry.io/otel/sdk/trace"
//line gorch/aspects/sql/database-sql.yaml:164:13
import __gorch_semconv "go.opentelemetry.io/otel/semconv/v1.40.0"
//line gorch/aspects/http/net-http.yaml:217:13
import __gorch_trace "go.opentelemetry.io/otel/trace"
//line gorch/aspects/http/net-http.yaml:217:13
import __gorch_embedded "go.opentelemetry.io/otel/trace/embedded"
//line gorch/aspects/logs/log.yaml:77:13
import __gorch_stdlog "log"
//line gorch/aspects/logs/slog.yaml:88:13
import __gorch_slog "log/slog"
//line gorch/aspects/http/net-http.yaml:217:13
import __gorch_http "net/http"
//line gorch/aspects/context/goroutine.yaml:173:13
import __gorch_os "os"
//line gorch/aspects/sdk/sdk.yaml:101:13
import __gorch_signal "os/signal"
//line gorch/aspects/logs/log.yaml:77:13
import __gorch_reflect "reflect"
//line gorch/aspects/logs/log.yaml:77:13
import __gorch_runtime "runtime"
//line gorch/aspects/sdk/sdk.yaml:101:13
import __gorch_strconv "strconv"
//line gorch/aspects/context/goroutine.yaml:173:13
import __gorch_strings "strings"
//line gorch/aspects/http/net-http.yaml:217:13
import __gorch_sync "sync"
//line gorch/aspects/http/net-http.yaml:217:13
import __gorch_atomic "sync/atomic"
//line gorch/aspects/sdk/sdk.yaml:101:13
import __gorch_syscall "syscall"
//line gorch/aspects/logs/log.yaml:77:13
import __gorch_time "time"
//line gorch/aspects/context/goroutine.yaml:173:13
import __gorch_unsafe "unsafe"
//line gorch/aspects/context/goroutine.yaml:173:13
import _ "unsafe"
//line gorch/aspects/context/goroutine.yaml:173:13
//go:linkname __gorch_otel_context_field runtime.__gorch_goroutineField
func __gorch_otel_context_field() __gorch_unsafe.Pointer

//go:linkname __gorch_otel_context_enterField runtime.__gorch_enterGoroutineField
func __gorch_otel_context_enterField(__gorch_unsafe.Pointer) __gorch_unsafe.Pointer

//go:linkname __gorch_otel_context_leaveField runtime.__gorch_leaveGoroutineField
func __gorch_otel_context_leaveField(span, outer __gorch_unsafe.Pointer)

//go:linkname __gorch_otel_context_turnOn runtime.__gorch_setGoroutineAccess
func __gorch_otel_context_turnOn(get func() __gorch_unsafe.Pointer, enter func(__gorch_unsafe.Pointer) __gorch_unsafe.Pointer, leave func(span, outer __gorch_unsafe.Pointer))

var _ = func() bool {
	if !__gorch_strings.EqualFold(__gorch_strings.TrimSpace(__gorch_os.Getenv("OTEL_SDK_DISABLED")), "true") {
		__gorch_otel_context_turnOn(__gorch_otel_context_field, __gorch_otel_context_enterField, __gorch_otel_context_leaveField)
	}
	return true
}()
//line gorch/aspects/http/net-http.yaml:217:13
//go:linkname __gorch_otel_http_setServerHook net/http.__gorch_setServerHook
func __gorch_otel_http_setServerHook(func(*__gorch_http.Server, __gorch_http.ResponseWriter, *__gorch_http.Request, func(__gorch_http.ResponseWriter, *__gorch_http.Request)))

//go:linkname __gorch_otel_http_setRoundTripHook net/http.__gorch_setRoundTripHook
func __gorch_otel_http_setRoundTripHook(func(*__gorch_http.Transport, *__gorch_http.Request, func(*__gorch_http.Request) (*__gorch_http.Response, error)) (*__gorch_http.Response, error))

//go:linkname __gorch_otel_http_setRouteHook net/http.__gorch_setRouteHook
func __gorch_otel_http_setRouteHook(func(*__gorch_http.Request, string))

// The goroutine context (otel-context): a *trace.Span, or nil.
//
//go:linkname __gorch_otel_http_goroutineSpan runtime.__gorch_goroutineSpan
func __gorch_otel_http_goroutineSpan() __gorch_unsafe.Pointer

//go:linkname __gorch_otel_http_enterGoroutineSpan runtime.__gorch_enterGoroutineSpan
func __gorch_otel_http_enterGoroutineSpan(span __gorch_unsafe.Pointer) (outer __gorch_unsafe.Pointer)

//go:linkname __gorch_otel_http_leaveGoroutineSpan runtime.__gorch_leaveGoroutineSpan
func __gorch_otel_http_leaveGoroutineSpan(span, outer __gorch_unsafe.Pointer)

// With OTEL_SDK_DISABLED=true no hook is set: net/http runs its own
// code only.
var _ = func() bool {
	if !__gorch_strings.EqualFold(__gorch_strings.TrimSpace(__gorch_os.Getenv("OTEL_SDK_DISABLED")), "true") {
		__gorch_otel_http_setServerHook(__gorch_otel_http_serve)
		__gorch_otel_http_setRoundTripHook(__gorch_otel_http_roundTrip)
		__gorch_otel_http_setRouteHook(__gorch_otel_http_route)
	}
	return true
}()

// __gorch_otel_http_server makes server spans (otelhttp's, with
// the semantic-convention attributes, the incoming traceparent
// extracted, and the ServeMux pattern as http.route).
var __gorch_otel_http_server = __gorch_sync.OnceValue(func() func(__gorch_http.Handler) __gorch_http.Handler {
	return __gorch_otelhttp.NewMiddleware("http.server", __gorch_otelhttp.WithTracerProvider(__gorch_otel_http_tracerProvider{}))
})

// __gorch_otel_http_serve serves one request with a server span.
func __gorch_otel_http_serve(_ *__gorch_http.Server, w __gorch_http.ResponseWriter, r *__gorch_http.Request, next func(__gorch_http.ResponseWriter, *__gorch_http.Request)) {
	__gorch_otel_http_server()(__gorch_http.HandlerFunc(next)).ServeHTTP(w, r)
}

// The server spans step aside for a handler the program wrapped
// in otelhttp by hand (see otel-http-by-hand): that handler's
// span is then the request's server span, and this one is
// never ended, so never exported.
type __gorch_otel_http_tracerProvider struct{ __gorch_embedded.TracerProvider }

func (__gorch_otel_http_tracerProvider) Tracer(name string, options ...__gorch_trace.TracerOption) __gorch_trace.Tracer {
	return __gorch_otel_http_tracer{ __gorch_otel.GetTracerProvider().Tracer(name, options...) }
}

type __gorch_otel_http_tracer struct{ __gorch_trace.Tracer }

func (t __gorch_otel_http_tracer) Start(start __gorch_context.Context, name string, options ...__gorch_trace.SpanStartOption) (__gorch_context.Context, __gorch_trace.Span) {
	ctx, span := t.Tracer.Start(start, name, options...)
	s := &__gorch_otel_http_span{Span: span, start: start}
	// The request's goroutine works in this span until it ends.
	s.self = s
	s.outer = __gorch_otel_http_enterGoroutineSpan(__gorch_unsafe.Pointer(&s.self))
	return __gorch_trace.ContextWithSpan(ctx, s), s
}

type __gorch_otel_http_span struct {
	__gorch_trace.Span
	// start is the context the span started from.
	start   __gorch_context.Context
	yielded __gorch_atomic.Bool
	// routed: a router named the route (__gorch_otel_http_route).
	routed __gorch_atomic.Bool
	// self is the span as the goroutine context holds it, outer
	// the goroutine's span before it.
	self  __gorch_trace.Span
	outer __gorch_unsafe.Pointer
}

// leave gives the goroutine back the span it worked in before.
func (s *__gorch_otel_http_span) leave() {
	__gorch_otel_http_leaveGoroutineSpan(__gorch_unsafe.Pointer(&s.self), s.outer)
}

// SetName is how otelhttp names the span after the ServeMux
// pattern that routed the request ("GET /items/{id}"); the
// pattern's path is the request's http.route. A router's route,
// found under the pattern, is the more precise name.
func (s *__gorch_otel_http_span) SetName(name string) {
	if s.routed.Load() {
		return
	}
	s.Span.SetName(name)
	if i := __gorch_strings.IndexByte(name, '/'); i >= 0 {
		s.Span.SetAttributes(__gorch_attribute.String("http.route", name[i:]))
	}
}

// __gorch_otel_http_route names the request's server span after
// the route a router matched ("GET /items/{id}", "GET
// /items/:id"), with the route as http.route on the span and on
// the request-duration histogram. A server span made by hand (an
// otelhttp handler, a router's own middleware) names itself. The
// first route named wins: the innermost router's, which is
// complete (a subrouter's mounted routes).
func __gorch_otel_http_route(r *__gorch_http.Request, route string) {
	s, ok := __gorch_trace.SpanFromContext(r.Context()).(*__gorch_otel_http_span)
	if !ok || s.yielded.Load() || s.routed.Swap(true) {
		return
	}
	s.Span.SetName(r.Method + " " + route)
	s.Span.SetAttributes(__gorch_attribute.String("http.route", route))
	if labeler, found := __gorch_otelhttp.LabelerFromContext(r.Context()); found {
		labeler.Add(__gorch_attribute.String("http.route", route))
	}
}

func (s *__gorch_otel_http_span) End(options ...__gorch_trace.SpanEndOption) {
	s.leave()
	if !s.yielded.Load() {
		s.Span.End(options...)
	}
}

// GorchYield leaves the request to a server span made by hand,
// and returns the context that span must start from.
func (s *__gorch_otel_http_span) GorchYield(ctx __gorch_context.Context) __gorch_context.Context {
	s.yielded.Store(true)
	s.leave()
	// The span the request came with: a remote parent is what
	// otelhttp extracted from the request's headers, and a handler
	// made by hand extracts it again itself.
	parent := __gorch_trace.SpanFromContext(s.start)
	if parent.SpanContext().IsRemote() {
		parent = __gorch_trace.SpanFromContext(__gorch_context.Background())
	}
	return __gorch_trace.ContextWithSpan(ctx, parent)
}

// __gorch_otel_http_client makes client spans (otelhttp's, with
// traceparent injected) around the round trip of the Transport
// the program used, which the request's context carries.
var __gorch_otel_http_client = __gorch_sync.OnceValue(func() __gorch_http.RoundTripper {
	return __gorch_otelhttp.NewTransport(__gorch_otel_http_next{})
})

type __gorch_otel_http_nextKey struct{}

type __gorch_otel_http_next struct{}

func (__gorch_otel_http_next) RoundTrip(r *__gorch_http.Request) (*__gorch_http.Response, error) {
	next := r.Context().Value(__gorch_otel_http_nextKey{}).(func(*__gorch_http.Request) (*__gorch_http.Response, error))
	return next(r)
}

func __gorch_otel_http_roundTrip(_ *__gorch_http.Transport, req *__gorch_http.Request, next func(*__gorch_http.Request) (*__gorch_http.Response, error)) (*__gorch_http.Response, error) {
	if __gorch_otel_http_traced(req) {
		return next(req)
	}
	ctx := req.Context()
	if !__gorch_trace.SpanContextFromContext(ctx).IsValid() {
		// No span in the request's context: the goroutine's, if any,
		// is the parent.
		if span := __gorch_otel_http_goroutineSpan(); span != nil {
			ctx = __gorch_trace.ContextWithSpan(ctx, *(*__gorch_trace.Span)(span))
		}
	}
	ctx = __gorch_context.WithValue(ctx, __gorch_otel_http_nextKey{}, next)
	resp, err := __gorch_otel_http_client().RoundTrip(req.WithContext(ctx))
	if resp != nil {
		// As without gorch: the response names the request the
		// program sent, not the copy that carried traceparent.
		resp.Request = req
	}
	return resp, err
}

// __gorch_otel_http_traced says whether a client instrumentation
// of the program's (a transport wrapped in otelhttp by hand)
// already made this round trip's span: the current span is a
// client span, or the request already carries it.
func __gorch_otel_http_traced(req *__gorch_http.Request) bool {
	span := __gorch_trace.SpanFromContext(req.Context())
	if kind, ok := span.(interface{ SpanKind() __gorch_trace.SpanKind }); ok && kind.SpanKind() == __gorch_trace.SpanKindClient {
		return true
	}
	current := span.SpanContext()
	if !current.IsValid() || len(req.Header) == 0 {
		return false
	}
	carrier := __gorch_propagation.HeaderCarrier(req.Header)
	carried := __gorch_trace.SpanContextFromContext(__gorch_otel.GetTextMapPropagator().Extract(__gorch_context.Background(), carrier))
	return carried.TraceID() == current.TraceID() && carried.SpanID() == current.SpanID()
}
//line gorch/aspects/logs/log.yaml:77:13
//go:linkname __gorch_otel_stdlog_setHook log.__gorch_setLogHook
func __gorch_otel_stdlog_setHook(func(*__gorch_stdlog.Logger, uintptr, int, func([]byte) []byte) func([]byte) []byte)

//go:linkname __gorch_otel_stdlog_goroutineSpan runtime.__gorch_goroutineSpan
func __gorch_otel_stdlog_goroutineSpan() __gorch_unsafe.Pointer

// With OTEL_SDK_DISABLED=true no hook is set.
var _ = func() bool {
	if !__gorch_strings.EqualFold(__gorch_strings.TrimSpace(__gorch_os.Getenv("OTEL_SDK_DISABLED")), "true") {
		__gorch_otel_stdlog_setHook(__gorch_otel_stdlog_observe)
	}
	return true
}()

// __gorch_otel_stdlog_logger emits lines through the global
// logger provider (gorch's, the program's own, or none).
var __gorch_otel_stdlog_logger = __gorch_global.Logger("log")

// __gorch_otel_stdlog_observe returns the logger's function
// unchanged unless a logger provider takes the line; then one
// that calls it once, as the logger would, and emits what it
// appended. The caller is found as the logger finds it (pc, or
// calldepth frames above the logger's, one more from here).
func __gorch_otel_stdlog_observe(l *__gorch_stdlog.Logger, pc uintptr, calldepth int, appendOutput func([]byte) []byte) func([]byte) []byte {
	ctx := __gorch_context.Background()
	if current := __gorch_otel_stdlog_goroutineSpan(); current != nil {
		ctx = __gorch_trace.ContextWithSpan(ctx, *(*__gorch_trace.Span)(current))
	}
	if !__gorch_otel_stdlog_logger.Enabled(ctx, __gorch_log.EnabledParameters{Severity: __gorch_log.SeverityInfo}) {
		return appendOutput
	}
	// log/slog's writer makes a slog record of the line: otel-slog's.
	if __gorch_reflect.TypeOf(l.Writer()).String() == "*slog.handlerWriter" {
		return appendOutput
	}
	// The OpenTelemetry modules' own lines (an export that failed,
	// reported by the SDK's error handler) are not exported: each
	// would be sent with the next export, and fail with it.
	if pc == 0 {
		pc, _, _, _ = __gorch_runtime.Caller(calldepth + 1)
	}
	if caller := __gorch_runtime.FuncForPC(pc); caller != nil && __gorch_strings.HasPrefix(caller.Name(), "go.opentelemetry.io/") {
		return appendOutput
	}
	return func(b []byte) []byte {
		start := len(b)
		b = appendOutput(b)
		var record __gorch_log.Record
		record.SetTimestamp(__gorch_time.Now())
		record.SetBody(__gorch_attribute.StringValue(__gorch_strings.TrimSuffix(string(b[start:]), "\n")))
		record.SetSeverity(__gorch_log.SeverityInfo)
		__gorch_otel_stdlog_logger.Emit(ctx, record)
		return b
	}
}
//line gorch/aspects/logs/slog.yaml:88:13
//go:linkname __gorch_otel_slog_setHook log/slog.__gorch_setSlogHook
func __gorch_otel_slog_setHook(func(__gorch_context.Context, __gorch_slog.Record) __gorch_slog.Record)

//go:linkname __gorch_otel_slog_goroutineSpan runtime.__gorch_goroutineSpan
func __gorch_otel_slog_goroutineSpan() __gorch_unsafe.Pointer

// With OTEL_SDK_DISABLED=true no hook is set.
var _ = func() bool {
	if !__gorch_strings.EqualFold(__gorch_strings.TrimSpace(__gorch_os.Getenv("OTEL_SDK_DISABLED")), "true") {
		__gorch_otel_slog_setHook(__gorch_otel_slog_correlate)
	}
	return true
}()

// __gorch_otel_slog_bridge emits records through the global
// logger provider (gorch's, the program's own, or none).
var __gorch_otel_slog_bridge = __gorch_otelslog.NewHandler("log/slog")

// __gorch_otel_slog_correlate adds the current span's ids to a
// record, and emits it as an OpenTelemetry log record when a
// logger provider takes it.
func __gorch_otel_slog_correlate(ctx __gorch_context.Context, r __gorch_slog.Record) __gorch_slog.Record {
	if ctx == nil {
		ctx = __gorch_context.Background()
	}
	span := __gorch_trace.SpanContextFromContext(ctx)
	if !span.IsValid() {
		if current := __gorch_otel_slog_goroutineSpan(); current != nil {
			ctx = __gorch_trace.ContextWithSpan(ctx, *(*__gorch_trace.Span)(current))
			span = __gorch_trace.SpanContextFromContext(ctx)
		}
	}
	if __gorch_otel_slog_bridge.Enabled(ctx, r.Level) {
		_ = __gorch_otel_slog_bridge.Handle(ctx, r)
	}
	if !span.IsValid() {
		return r
	}
	// The caller may hold other copies of the record: add to a clone.
	r = r.Clone()
	r.AddAttrs(__gorch_slog.String("trace_id", span.TraceID().String()), __gorch_slog.String("span_id", span.SpanID().String()))
	return r
}
//line gorch/aspects/sdk/sdk.yaml:101:13
// __gorch_otel_enabled is false when OTEL_SDK_DISABLED=true.
var __gorch_otel_enabled = !__gorch_strings.EqualFold(__gorch_strings.TrimSpace(__gorch_os.Getenv("OTEL_SDK_DISABLED")), "true")

// __gorch_otel_resource describes the program to all three
// providers: OTEL_SERVICE_NAME, OTEL_RESOURCE_ATTRIBUTES and the
// SDK's defaults.
var __gorch_otel_resource = __gorch_resource.Default()

// __gorch_otel_flushes are the providers' shutdowns, each with
// the variables that set its exporter's timeout.
var __gorch_otel_flushes []func() (func(__gorch_context.Context) error, []string)

// __gorch_otel_register adds a provider's shutdown to those run
// on every exit; the first one installs the exit and signal hooks.
func __gorch_otel_register(shutdown func(__gorch_context.Context) error, timeouts ...string) {
	__gorch_otel_flushes = append(__gorch_otel_flushes, func() (func(__gorch_context.Context) error, []string) { return shutdown, timeouts })
	if len(__gorch_otel_flushes) == 1 {
		__gorch_otel_setExitHook(func(int) { __gorch_otel_shutdown() })
		__gorch_otel_flushOnSignals(__gorch_otel_shutdown)
	}
}

// __gorch_otel_shutdown flushes and stops the providers that
// gorch's otel-sdk aspects set up for this program, together and
// once, each bounded by its exporter's timeout (OTLP: 10 s).
var __gorch_otel_shutdown = __gorch_sync.OnceFunc(func() {
	var wg __gorch_sync.WaitGroup
	for _, flush := range __gorch_otel_flushes {
		shutdown, timeouts := flush()
		timeout := 10 * __gorch_time.Second
		for _, name := range append(timeouts, "OTEL_EXPORTER_OTLP_TIMEOUT") {
			if ms, err := __gorch_strconv.Atoi(__gorch_os.Getenv(name)); err == nil && ms > 0 {
				timeout = __gorch_time.Duration(ms) * __gorch_time.Millisecond
				break
			}
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			ctx, cancel := __gorch_context.WithTimeout(__gorch_context.Background(), timeout)
			defer cancel()
			if err := shutdown(ctx); err != nil {
				__gorch_otel.Handle(err)
			}
		}()
	}
	wg.Wait()
})

// __gorch_otel_configured says whether a signal whose exporter
// variable is unset should still be exported over OTLP: when an
// endpoint is configured for it.
func __gorch_otel_configured(exporter, endpoint string) bool {
	return (exporter != "" && __gorch_os.Getenv(exporter) != "") || __gorch_os.Getenv(endpoint) != "" || __gorch_os.Getenv("OTEL_EXPORTER_OTLP_ENDPOINT") != ""
}

//go:linkname __gorch_otel_setExitHook os.__gorch_setExitHook
func __gorch_otel_setExitHook(func(code int))

//go:linkname __gorch_otel_handledElsewhere os/signal.__gorch_handledElsewhere
func __gorch_otel_handledElsewhere(c chan<- __gorch_os.Signal, sig __gorch_os.Signal) bool

// __gorch_otel_flushOnSignals flushes before the process dies of
// SIGTERM or SIGINT, when the program does not handle the signal
// itself; then the signal takes its default course. A signal
// ignored when the program started stays ignored.
func __gorch_otel_flushOnSignals(shutdown func()) {
	var watched []__gorch_os.Signal
	for _, sig := range []__gorch_os.Signal{ __gorch_syscall.SIGTERM, __gorch_os.Interrupt } {
		if !__gorch_signal.Ignored(sig) {
			watched = append(watched, sig)
		}
	}
	if len(watched) == 0 {
		return
	}
	c := make(chan __gorch_os.Signal, 1)
	__gorch_signal.Notify(c, watched...)
	go func() {
		for sig := range c {
			if __gorch_otel_handledElsewhere(c, sig) {
				continue // the program handles it
			}
			// From here on the signals take their default course: a
			// second one during the flush ends the process at once.
			__gorch_signal.Stop(c)
			shutdown()
			if p, err := __gorch_os.FindProcess(__gorch_os.Getpid()); err == nil && p.Signal(sig) == nil {
				select {}
			}
			__gorch_os.Exit(1)
		}
	}()
}
//line gorch/aspects/sdk/sdk.yaml:208:13
// __gorch_otel_traces sets up the tracer provider.
var __gorch_otel_traces = func() bool {
	if !__gorch_otel_enabled {
		return false
	}
	exporter, err := __gorch_autoexport.NewSpanExporter(__gorch_context.Background())
	if err != nil {
		__gorch_otel.Handle(err)
		return false
	}
	options := []__gorch_sdktrace.TracerProviderOption{ __gorch_sdktrace.WithResource(__gorch_otel_resource) }
	if !__gorch_autoexport.IsNoneSpanExporter(exporter) {
		options = append(options, __gorch_sdktrace.WithBatcher(exporter))
	}
	provider := __gorch_sdktrace.NewTracerProvider(options...)
	__gorch_otel.SetTracerProvider(provider)
	__gorch_otel.SetTextMapPropagator(__gorch_autoprop.NewTextMapPropagator())
	__gorch_otel_register(provider.Shutdown, "OTEL_EXPORTER_OTLP_TRACES_TIMEOUT")
	return true
}()
//line gorch/aspects/sdk/sdk.yaml:241:13
// __gorch_otel_metrics sets up the meter provider, with the Go
// runtime's metrics.
var __gorch_otel_metrics = func() bool {
	if !__gorch_otel_enabled || !__gorch_otel_configured("OTEL_METRICS_EXPORTER", "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT") {
		return false
	}
	reader, err := __gorch_autoexport.NewMetricReader(__gorch_context.Background())
	if err != nil {
		__gorch_otel.Handle(err)
		return false
	}
	if __gorch_autoexport.IsNoneMetricReader(reader) {
		return false
	}
	provider := __gorch_sdkmetric.NewMeterProvider(__gorch_sdkmetric.WithReader(reader), __gorch_sdkmetric.WithResource(__gorch_otel_resource))
	__gorch_otel.SetMeterProvider(provider)
	if err := __gorch_runtime_2.Start(__gorch_runtime_2.WithMeterProvider(provider)); err != nil {
		__gorch_otel.Handle(err)
	}
	__gorch_otel_register(provider.Shutdown, "OTEL_EXPORTER_OTLP_METRICS_TIMEOUT")
	return true
}()
//line gorch/aspects/sdk/sdk.yaml:276:13
// __gorch_otel_logs sets up the logger provider.
var __gorch_otel_logs = func() bool {
	if !__gorch_otel_enabled || !__gorch_otel_configured("OTEL_LOGS_EXPORTER", "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT") {
		return false
	}
	exporter, err := __gorch_autoexport.NewLogExporter(__gorch_context.Background())
	if err != nil {
		__gorch_otel.Handle(err)
		return false
	}
	if __gorch_autoexport.IsNoneLogExporter(exporter) {
		return false
	}
	provider := __gorch_sdklog.NewLoggerProvider(__gorch_sdklog.WithProcessor(__gorch_sdklog.NewBatchProcessor(exporter)), __gorch_sdklog.WithResource(__gorch_otel_resource))
	__gorch_global.SetLoggerProvider(provider)
	__gorch_otel_register(provider.Shutdown, "OTEL_EXPORTER_OTLP_LOGS_TIMEOUT")
	return true
}()
//line gorch/aspects/sql/database-sql.yaml:164:13
//go:linkname __gorch_otel_sql_setHook database/sql.__gorch_setSQLHook
func __gorch_otel_sql_setHook(func(__gorch_context.Context, *__gorch_sql.DB, string, string, []any) (__gorch_context.Context, func(error)))

// With OTEL_SDK_DISABLED=true no hook is set.
var _ = func() bool {
	if !__gorch_strings.EqualFold(__gorch_strings.TrimSpace(__gorch_os.Getenv("OTEL_SDK_DISABLED")), "true") {
		__gorch_otel_sql_setHook(__gorch_otel_sql_start)
	}
	return true
}()

var __gorch_otel_sql_tracer = __gorch_otel.Tracer("database/sql")

// The semantic conventions' histogram, with their buckets.
var __gorch_otel_sql_duration, _ = __gorch_otel.Meter("database/sql").Float64Histogram(
	"db.client.operation.duration",
	__gorch_metric.WithUnit("s"),
	__gorch_metric.WithDescription("Duration of database client operations."),
	__gorch_metric.WithExplicitBucketBoundaries(0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10),
)

//go:linkname __gorch_otel_sql_goroutineSpan runtime.__gorch_goroutineSpan
func __gorch_otel_sql_goroutineSpan() __gorch_unsafe.Pointer

// __gorch_otel_sql_start starts the client span of one database
// operation; the function it returns ends it with the
// operation's error.
func __gorch_otel_sql_start(ctx __gorch_context.Context, db *__gorch_sql.DB, operation, query string, args []any) (__gorch_context.Context, func(error)) {
	system, ok := __gorch_otel_sql_system(db.Driver())
	if !ok {
		return ctx, nil
	}
	if !__gorch_trace.SpanContextFromContext(ctx).IsValid() {
		// No span in the operation's context (db.Query): the
		// goroutine's, if any, is the parent (otel-context).
		if span := __gorch_otel_sql_goroutineSpan(); span != nil {
			ctx = __gorch_trace.ContextWithSpan(ctx, *(*__gorch_trace.Span)(span))
		}
	}
	start := __gorch_time.Now()
	attrs := []__gorch_attribute.KeyValue{system}
	measured := []__gorch_attribute.KeyValue{system}
	name, collection := operation, ""
	if query != "" {
		text := query
		if len(args) == 0 {
			text = __gorch_otel_db_sanitize(query)
		}
		attrs = append(attrs, __gorch_semconv.DBQueryText(text))
		operation, collection = __gorch_otel_db_summary(query)
		name = operation
	}
	if operation != "" {
		attrs = append(attrs, __gorch_semconv.DBOperationName(operation))
		measured = append(measured, __gorch_semconv.DBOperationName(operation))
	}
	if collection != "" {
		attrs = append(attrs, __gorch_semconv.DBCollectionName(collection))
		measured = append(measured, __gorch_semconv.DBCollectionName(collection))
		name += " " + collection
	}
	if name == "" {
		name = system.Value.AsString()
	}
	ctx, span := __gorch_otel_sql_tracer.Start(ctx, name, __gorch_trace.WithSpanKind(__gorch_trace.SpanKindClient), __gorch_trace.WithAttributes(attrs...))
	if system == __gorch_semconv.DBSystemNamePostgreSQL {
		// pgx's own hook (otel-pgx-hooks) leaves to this span the
		// operations database/sql sends through pgx's driver.
		ctx = __gorch_context.WithValue(ctx, __gorch_attribute.Key("gorch.database/sql"), span)
	}
	return ctx, func(err error) {
		if err != nil && !__gorch_errors.Is(err, __gorch_driver.ErrSkip) {
			span.RecordError(err)
			span.SetStatus(__gorch_codes.Error, err.Error())
			measured = append(measured, __gorch_semconv.ErrorTypeKey.String(__gorch_reflect.TypeOf(err).String()))
		}
		span.End()
		__gorch_otel_sql_duration.Record(ctx, __gorch_time.Since(start).Seconds(), __gorch_metric.WithAttributes(measured...))
	}
}

// __gorch_otel_sql_system names the database a driver talks to;
// false for a driver that an instrumentation of its own wraps.
func __gorch_otel_sql_system(d __gorch_driver.Driver) (__gorch_attribute.KeyValue, bool) {
	t := __gorch_reflect.TypeOf(d)
	for t != nil && t.Kind() == __gorch_reflect.Pointer {
		t = t.Elem()
	}
	path := ""
	if t != nil {
		path = t.PkgPath()
	}
	switch {
	case __gorch_strings.HasSuffix(path, "/otelsql"), __gorch_strings.Contains(path, "dd-trace-go"):
		return __gorch_attribute.KeyValue{}, false
	case __gorch_strings.HasPrefix(path, "github.com/lib/pq"), __gorch_strings.HasPrefix(path, "github.com/jackc/pgx"):
		return __gorch_semconv.DBSystemNamePostgreSQL, true
	case __gorch_strings.HasPrefix(path, "github.com/go-sql-driver/mysql"):
		return __gorch_semconv.DBSystemNameMySQL, true
	case __gorch_strings.Contains(path, "sqlite"):
		return __gorch_semconv.DBSystemNameSQLite, true
	case __gorch_strings.Contains(path, "mssqldb"):
		return __gorch_semconv.DBSystemNameMicrosoftSQLServer, true
	case __gorch_strings.HasPrefix(path, "github.com/sijms/go-ora"), __gorch_strings.HasPrefix(path, "github.com/godror/godror"):
		return __gorch_semconv.DBSystemNameOracleDB, true
	case __gorch_strings.HasPrefix(path, "github.com/ClickHouse/clickhouse-go"):
		return __gorch_semconv.DBSystemNameClickHouse, true
	}
	return __gorch_semconv.DBSystemNameOtherSQL, true
}
//line gorch/aspects/sql/query-text.yaml:19:13
// __gorch_otel_db_summary reads the operation of a single SQL
// statement, and its table when it names exactly one (without
// its quotes):
// "SELECT", "stock" for SELECT count FROM stock WHERE ...
func __gorch_otel_db_summary(query string) (operation, collection string) {
	query = __gorch_strings.TrimRight(__gorch_strings.TrimSpace(query), "; \t\r\n")
	words := __gorch_strings.Fields(query)
	if len(words) == 0 || __gorch_strings.Contains(query, ";") {
		return "", ""
	}
	operation = __gorch_strings.ToUpper(words[0])
	var before string // the keyword the table follows
	switch operation {
	case "SELECT", "DELETE":
		before = "FROM"
	case "INSERT", "REPLACE", "MERGE":
		before = "INTO"
	case "UPDATE":
		if len(words) > 1 {
			collection = words[1]
		}
	case "CREATE", "ALTER", "DROP", "TRUNCATE", "WITH", "CALL", "EXEC", "EXECUTE", "SHOW", "EXPLAIN",
		"SET", "PRAGMA", "VACUUM", "ANALYZE", "UPSERT", "COPY", "GRANT", "REVOKE", "LOCK", "USE",
		"BEGIN", "START", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE":
		return operation, ""
	default:
		return "", ""
	}
	for i := 1; i < len(words); i++ {
		switch word := __gorch_strings.ToUpper(words[i]); {
		case word == "JOIN" || word == "UNION" || word == "SELECT":
			return operation, "" // more than one table
		case word == before:
			if collection != "" || i+1 == len(words) {
				return operation, ""
			}
			collection = words[i+1]
		}
	}
	if __gorch_strings.ContainsAny(collection, "(),'") {
		return operation, ""
	}
	// The table's name, not its quoting: `orders`, "orders" and
	// [orders] are orders.
	return operation, __gorch_strings.NewReplacer("`", "", "\"", "", "[", "", "]", "").Replace(collection)
}

// __gorch_otel_db_sanitize replaces the literals of a query
// that has no parameters with "?", as the semantic conventions
// ask of query text that is not parameterized.
func __gorch_otel_db_sanitize(query string) string {
	var b __gorch_strings.Builder
	for i := 0; i < len(query); i++ {
		c := query[i]
		switch {
		case c == '\'':
			for i++; i < len(query); i++ {
				if query[i] == '\'' {
					if i+1 < len(query) && query[i+1] == '\'' {
						i++
						continue
					}
					break
				}
			}
			b.WriteByte('?')
		case c >= '0' && c <= '9' && (i == 0 || !__gorch_otel_db_word(query[i-1])):
			for i+1 < len(query) && (__gorch_otel_db_word(query[i+1]) || query[i+1] == '.') {
				i++
			}
			b.WriteByte('?')
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func __gorch_otel_db_word(c byte) bool {
	return c == '_' || c == '$' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
