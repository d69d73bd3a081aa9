package service

import (
	"context"
	"errors"
	"testing"

	"example.com/shop/internal/platform/money"
)

func TestSandboxOutcomes(t *testing.T) {
	sbx := Sandbox{Limit: 50_000}
	eur := func(minor int64) money.Amount { return money.Amount{Minor: minor, Currency: "EUR"} }
	ctx := context.Background()

	auth, err := sbx.Authorize(ctx, "tok_visa_4242", eur(1999))
	if err != nil || auth.Last4 != "4242" || auth.Ref == "" {
		t.Fatalf("approved card: %+v, %v", auth, err)
	}
	if err := sbx.Capture(ctx, auth.Ref, eur(1999)); err != nil {
		t.Fatal(err)
	}
	for token, code := range map[string]string{
		"tok_visa_0002":       "card_declined",
		"tok_mastercard_9995": "insufficient_funds",
		"garbage":             "invalid_card",
	} {
		var d *Decline
		if _, err := sbx.Authorize(ctx, token, eur(100)); !errors.As(err, &d) || d.Code != code {
			t.Errorf("%s: error = %v, want decline %s", token, err, code)
		}
	}
	var d *Decline
	if _, err := sbx.Authorize(ctx, "tok_visa_4242", eur(50_001)); !errors.As(err, &d) || d.Code != "amount_limit_exceeded" {
		t.Errorf("over the limit: %v", err)
	}
	if _, err := sbx.Authorize(ctx, "tok_visa_0119", eur(100)); !errors.Is(err, ErrProcessorUnavailable) {
		t.Errorf("unavailable: %v", err)
	}
}
