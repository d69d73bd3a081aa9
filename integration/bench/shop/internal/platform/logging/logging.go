// Package logging sets up the services' structured logs (log/slog) and
// carries a logger with request-scoped attributes through contexts.
package logging

import (
	"context"
	"io"
	"log/slog"
	"os"
	"strings"

	"example.com/shop/internal/platform/requestid"
)

// Options configures New.
type Options struct {
	Service string
	Level   string // debug, info, warn or error
	Format  string // json or text
	Output  io.Writer
}

// New returns a logger that tags every record with the service name, and
// makes it the default logger.
func New(opts Options) *slog.Logger {
	out := opts.Output
	if out == nil {
		out = os.Stderr
	}
	hopts := &slog.HandlerOptions{Level: ParseLevel(opts.Level)}
	var h slog.Handler
	if strings.EqualFold(opts.Format, "text") {
		h = slog.NewTextHandler(out, hopts)
	} else {
		h = slog.NewJSONHandler(out, hopts)
	}
	logger := slog.New(contextHandler{h}).With(slog.String("service", opts.Service))
	slog.SetDefault(logger)
	return logger
}

// ParseLevel reads a level name; unknown names are info.
func ParseLevel(s string) slog.Level {
	var l slog.Level
	if err := l.UnmarshalText([]byte(s)); err != nil {
		return slog.LevelInfo
	}
	return l
}

// Err is the attribute of an error.
func Err(err error) slog.Attr { return slog.Any("error", err) }

type loggerKey struct{}

// With returns a context whose logger has args added.
func With(ctx context.Context, args ...any) context.Context {
	return context.WithValue(ctx, loggerKey{}, FromContext(ctx).With(args...))
}

// FromContext returns the logger of ctx, or the default logger.
func FromContext(ctx context.Context) *slog.Logger {
	if l, ok := ctx.Value(loggerKey{}).(*slog.Logger); ok {
		return l
	}
	return slog.Default()
}

// contextHandler adds the request id of the record's context.
type contextHandler struct{ slog.Handler }

func (h contextHandler) Handle(ctx context.Context, r slog.Record) error {
	if id := requestid.From(ctx); id != "" {
		r.AddAttrs(slog.String("request_id", id))
	}
	return h.Handler.Handle(ctx, r)
}

func (h contextHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return contextHandler{h.Handler.WithAttrs(attrs)}
}

func (h contextHandler) WithGroup(name string) slog.Handler {
	return contextHandler{h.Handler.WithGroup(name)}
}
