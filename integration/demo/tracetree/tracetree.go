// Package tracetree prints each trace, once its root span ends, as a tree
// of its spans with their durations and a few of their attributes. The
// demo's gorch.yaml hands it to the OpenTelemetry SDK as a span exporter,
// so that the demo shows its traces without a collector; the program
// itself never imports it.
package tracetree

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"go.opentelemetry.io/otel/codes"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"
)

// The attributes shown after a span's name, when it has them.
var shown = []string{"http.route", "http.response.status_code", "url.full"}

// Exporter is a span exporter that prints trees.
type Exporter struct {
	mu     sync.Mutex
	out    io.Writer
	traces map[trace.TraceID][]sdktrace.ReadOnlySpan
}

func New(out io.Writer) *Exporter {
	return &Exporter{out: out, traces: map[trace.TraceID][]sdktrace.ReadOnlySpan{}}
}

// ExportSpans keeps each span with its trace, and prints the trace when
// its root ends.
func (e *Exporter) ExportSpans(_ context.Context, spans []sdktrace.ReadOnlySpan) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, span := range spans {
		id := span.SpanContext().TraceID()
		e.traces[id] = append(e.traces[id], span)
		if !span.Parent().IsValid() {
			e.print(id, span)
			delete(e.traces, id)
		}
	}
	return nil
}

func (e *Exporter) Shutdown(context.Context) error { return nil }

func (e *Exporter) print(id trace.TraceID, root sdktrace.ReadOnlySpan) {
	children := map[trace.SpanID][]sdktrace.ReadOnlySpan{}
	for _, span := range e.traces[id] {
		children[span.Parent().SpanID()] = append(children[span.Parent().SpanID()], span)
	}
	fmt.Fprintf(e.out, "trace %s\n", id)
	var walk func(span sdktrace.ReadOnlySpan, prefix, branch string)
	walk = func(span sdktrace.ReadOnlySpan, prefix, branch string) {
		fmt.Fprintf(e.out, "%s%s%s\n", prefix, branch, describe(span))
		next := prefix
		switch branch {
		case "├─ ":
			next += "│  "
		case "└─ ":
			next += "   "
		}
		kids := children[span.SpanContext().SpanID()]
		for i, kid := range kids {
			if i == len(kids)-1 {
				walk(kid, next, "└─ ")
			} else {
				walk(kid, next, "├─ ")
			}
		}
	}
	walk(root, "  ", "")
}

func describe(span sdktrace.ReadOnlySpan) string {
	parts := []string{span.Name(), strings.ToLower(span.SpanKind().String()), span.EndTime().Sub(span.StartTime()).Round(time.Millisecond).String()}
	for _, key := range shown {
		for _, kv := range span.Attributes() {
			if string(kv.Key) == key {
				parts = append(parts, key+"="+kv.Value.Emit())
			}
		}
	}
	if span.Status().Code == codes.Error {
		parts = append(parts, "error: "+span.Status().Description)
	}
	return strings.Join(parts, "  ")
}
