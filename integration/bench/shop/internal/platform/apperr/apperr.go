// Package apperr defines the errors the shop's services pass between
// layers: a kind that each transport maps to its own status codes, a
// message that is safe to show to callers, and optional field violations.
package apperr

import (
	"errors"
	"fmt"
	"net/http"
)

// Kind classifies an error by what the caller can do about it.
type Kind uint8

const (
	Internal Kind = iota
	InvalidArgument
	NotFound
	AlreadyExists
	FailedPrecondition
	Aborted
	Unavailable
	PaymentDeclined
)

var kindNames = [...]string{
	Internal:           "internal",
	InvalidArgument:    "invalid_argument",
	NotFound:           "not_found",
	AlreadyExists:      "already_exists",
	FailedPrecondition: "failed_precondition",
	Aborted:            "aborted",
	Unavailable:        "unavailable",
	PaymentDeclined:    "payment_declined",
}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("kind(%d)", k)
}

// ParseKind is the inverse of Kind.String; unknown names are Internal.
func ParseKind(s string) Kind {
	for k, name := range kindNames {
		if name == s {
			return Kind(k)
		}
	}
	return Internal
}

// FieldViolation names one invalid field of a request.
type FieldViolation struct {
	Field       string `json:"field"`
	Description string `json:"description"`
}

// Error is an error with a kind and a public message.
type Error struct {
	Kind    Kind
	Message string
	Fields  []FieldViolation
	Err     error
}

func (e *Error) Error() string {
	if e.Err != nil {
		return e.Message + ": " + e.Err.Error()
	}
	return e.Message
}

func (e *Error) Unwrap() error { return e.Err }

// New returns an error of the given kind with a formatted message.
func New(kind Kind, format string, args ...any) *Error {
	return &Error{Kind: kind, Message: fmt.Sprintf(format, args...)}
}

// Wrap attaches a kind and a public message to err.
func Wrap(err error, kind Kind, message string) *Error {
	return &Error{Kind: kind, Message: message, Err: err}
}

func NotFoundf(format string, args ...any) *Error { return New(NotFound, format, args...) }

func Invalidf(format string, args ...any) *Error { return New(InvalidArgument, format, args...) }

func Preconditionf(format string, args ...any) *Error {
	return New(FailedPrecondition, format, args...)
}

// KindOf returns the kind of the first *Error in err's chain, Internal when
// there is none.
func KindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return Internal
}

// Is reports whether err has the given kind.
func Is(err error, kind Kind) bool {
	return err != nil && KindOf(err) == kind
}

// Message returns the message of err that may be shown to a caller:
// internal errors are not described.
func Message(err error) string {
	var e *Error
	if errors.As(err, &e) && e.Kind != Internal {
		return e.Message
	}
	return "internal error"
}

// Fields returns the field violations of err, if any.
func Fields(err error) []FieldViolation {
	var e *Error
	if errors.As(err, &e) {
		return e.Fields
	}
	return nil
}

// HTTPStatus maps the kind of err to an HTTP status code.
func HTTPStatus(err error) int {
	switch KindOf(err) {
	case InvalidArgument:
		return http.StatusBadRequest
	case NotFound:
		return http.StatusNotFound
	case AlreadyExists, Aborted:
		return http.StatusConflict
	case FailedPrecondition:
		return http.StatusUnprocessableEntity
	case PaymentDeclined:
		return http.StatusPaymentRequired
	case Unavailable:
		return http.StatusServiceUnavailable
	default:
		return http.StatusInternalServerError
	}
}
