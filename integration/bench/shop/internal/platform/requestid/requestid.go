// Package requestid carries the id of the request being served through a
// context, so that logs and calls to other services can name it.
package requestid

import (
	"context"
	"unicode"

	"example.com/shop/internal/platform/ids"
)

// Header is the HTTP header and gRPC metadata key of the id.
const Header = "X-Request-Id"

type ctxKey struct{}

// New returns a fresh request id.
func New() string { return ids.New(ids.Request) }

// Sanitize returns id when it is a reasonable id received from a client,
// and a fresh one otherwise.
func Sanitize(id string) string {
	if id == "" || len(id) > 64 {
		return New()
	}
	for _, r := range id {
		if r > unicode.MaxASCII || !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_') {
			return New()
		}
	}
	return id
}

// With returns a context carrying id.
func With(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, ctxKey{}, id)
}

// From returns the id in ctx, or "".
func From(ctx context.Context) string {
	id, _ := ctx.Value(ctxKey{}).(string)
	return id
}
