package orders

import (
	"testing"

	"example.com/shop/internal/platform/money"
)

func TestTransitions(t *testing.T) {
	for _, tc := range []struct {
		from, to Status
		ok       bool
	}{
		{Pending, Reserved, true},
		{Reserved, Paid, true},
		{Paid, Refunded, true},
		{Pending, Paid, false},
		{Paid, Cancelled, false},
		{Failed, Pending, false},
	} {
		if got := tc.from.CanBecome(tc.to); got != tc.ok {
			t.Errorf("%s -> %s = %v", tc.from, tc.to, got)
		}
	}
	if !Failed.Final() || Reserved.Final() {
		t.Error("Final")
	}
}

func TestCompute(t *testing.T) {
	pricing := Pricing{TaxBasisPoints: 1900, ShippingMinor: 490, FreeShippingMinor: 5000}
	lines := []Line{
		{SKU: "MUG-BLUE", UnitPrice: money.MustParse("9.90", "EUR"), Quantity: 2},
		{SKU: "PEN-BLACK", UnitPrice: money.MustParse("1.50", "EUR"), Quantity: 1},
	}
	got, err := pricing.Compute(lines, "EUR")
	if err != nil {
		t.Fatal(err)
	}
	if got.Subtotal.Decimal() != "21.30" || got.Shipping.Decimal() != "4.90" ||
		got.Total.Decimal() != "26.20" || got.Tax.Decimal() != "4.18" {
		t.Fatalf("totals = %+v", got)
	}
	lines[0].Quantity = 10
	got, _ = pricing.Compute(lines, "EUR")
	if !got.Shipping.IsZero() || got.Total.Decimal() != "100.50" {
		t.Fatalf("free shipping: %+v", got)
	}
	if _, err := pricing.Compute(lines, "USD"); err == nil {
		t.Fatal("lines in EUR totalled in USD")
	}
}
