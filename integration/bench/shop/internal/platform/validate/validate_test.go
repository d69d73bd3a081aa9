package validate

import (
	"testing"

	"example.com/shop/internal/platform/apperr"
)

func TestValidatorCollectsEveryViolation(t *testing.T) {
	var v Validator
	v.Required("name", "  ")
	v.Email("email", "Jane <jane@example.com>")
	v.Matches("sku", "tshirt", SKU, "a SKU")
	v.Positive("quantity", 0)
	v.Range("page_size", 10, 1, 100)
	err := v.Err()
	if err == nil {
		t.Fatal("expected an error")
	}
	if got := apperr.KindOf(err); got != apperr.InvalidArgument {
		t.Fatalf("kind = %v", got)
	}
	fields := apperr.Fields(err)
	want := []string{"name", "email", "sku", "quantity"}
	if len(fields) != len(want) {
		t.Fatalf("fields = %+v", fields)
	}
	for i, f := range fields {
		if f.Field != want[i] {
			t.Errorf("field %d = %q, want %q", i, f.Field, want[i])
		}
	}
}

func TestValidatorAcceptsValidInput(t *testing.T) {
	var v Validator
	v.Required("name", "Jane")
	v.Email("email", "jane@example.com")
	v.Matches("sku", "TSHIRT-RED-XL", SKU, "a SKU")
	v.Matches("slug", "garden-tools", Slug, "a slug")
	v.Length("name", "Jäne", 1, 4)
	v.OneOf("currency", "EUR", "EUR", "USD")
	if err := v.Err(); err != nil {
		t.Fatal(err)
	}
}

func TestSingleViolationMessage(t *testing.T) {
	var v Validator
	v.OneOf("currency", "XXX", "EUR", "USD")
	if got, want := apperr.Message(v.Err()), "invalid currency: must be one of EUR, USD"; got != want {
		t.Fatalf("message = %q, want %q", got, want)
	}
}
