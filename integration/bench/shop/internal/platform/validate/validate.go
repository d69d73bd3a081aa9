// Package validate collects the field violations of a request so that a
// caller learns about every invalid field at once.
package validate

import (
	"fmt"
	"net/mail"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"example.com/shop/internal/platform/apperr"
)

// SKU matches stock keeping units such as "TSHIRT-RED-XL".
var SKU = regexp.MustCompile(`^[A-Z0-9]{2,16}(-[A-Z0-9]{1,8}){0,4}$`)

// Slug matches URL path segments such as "garden-tools".
var Slug = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Validator accumulates violations; the zero value is ready to use.
type Validator struct {
	violations []apperr.FieldViolation
}

// Check records a violation of field when ok is false.
func (v *Validator) Check(ok bool, field, format string, args ...any) {
	if !ok {
		v.violations = append(v.violations, apperr.FieldViolation{
			Field:       field,
			Description: fmt.Sprintf(format, args...),
		})
	}
}

// Required checks that value has non-space characters.
func (v *Validator) Required(field, value string) {
	v.Check(strings.TrimSpace(value) != "", field, "must not be empty")
}

// Length checks that value has between min and max characters.
func (v *Validator) Length(field, value string, min, max int) {
	n := utf8.RuneCountInString(value)
	v.Check(n >= min && n <= max, field, "must have between %d and %d characters", min, max)
}

// Email checks that value is a bare e-mail address.
func (v *Validator) Email(field, value string) {
	addr, err := mail.ParseAddress(value)
	v.Check(err == nil && addr.Address == value && addr.Name == "", field, "must be an e-mail address")
}

// Matches checks value against re; what describes the expected form.
func (v *Validator) Matches(field, value string, re *regexp.Regexp, what string) {
	v.Check(re.MatchString(value), field, "must be %s", what)
}

// Range checks that n lies in [min, max].
func (v *Validator) Range(field string, n, min, max int64) {
	v.Check(n >= min && n <= max, field, "must be between %d and %d", min, max)
}

// Positive checks that n is greater than zero.
func (v *Validator) Positive(field string, n int64) {
	v.Check(n > 0, field, "must be positive")
}

// OneOf checks that value is one of allowed.
func (v *Validator) OneOf(field, value string, allowed ...string) {
	v.Check(slices.Contains(allowed, value), field, "must be one of %s", strings.Join(allowed, ", "))
}

// Valid reports whether no violation was recorded.
func (v *Validator) Valid() bool { return len(v.violations) == 0 }

// Violations returns the violations recorded so far.
func (v *Validator) Violations() []apperr.FieldViolation { return v.violations }

// Err returns nil when valid, otherwise an InvalidArgument error listing
// every violation.
func (v *Validator) Err() error {
	if v.Valid() {
		return nil
	}
	msg := "invalid request"
	if len(v.violations) == 1 {
		msg = fmt.Sprintf("invalid %s: %s", v.violations[0].Field, v.violations[0].Description)
	}
	return &apperr.Error{Kind: apperr.InvalidArgument, Message: msg, Fields: slices.Clone(v.violations)}
}
