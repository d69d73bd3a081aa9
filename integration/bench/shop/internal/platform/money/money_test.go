package money

import (
	"errors"
	"testing"
)

func TestParseAndFormat(t *testing.T) {
	for _, tc := range []struct {
		in, currency, want string
		minor              int64
	}{
		{"12.5", "EUR", "12.50 EUR", 1250},
		{"0.07", "USD", "0.07 USD", 7},
		{"-3", "GBP", "-3.00 GBP", -300},
		{"1500", "JPY", "1500 JPY", 1500},
	} {
		a, err := Parse(tc.in, tc.currency)
		if err != nil {
			t.Fatalf("Parse(%q): %v", tc.in, err)
		}
		if a.Minor != tc.minor || a.String() != tc.want {
			t.Errorf("Parse(%q) = %d, %q; want %d, %q", tc.in, a.Minor, a.String(), tc.minor, tc.want)
		}
	}
}

func TestParseRejectsMalformed(t *testing.T) {
	for _, in := range []string{"", "1.234", "1.", "abc", "1,50", ".5"} {
		if _, err := Parse(in, "EUR"); !errors.Is(err, ErrSyntax) {
			t.Errorf("Parse(%q) error = %v, want ErrSyntax", in, err)
		}
	}
	if _, err := Parse("1", "XYZ"); !errors.Is(err, ErrUnknownCurrency) {
		t.Errorf("unknown currency: %v", err)
	}
}

func TestArithmetic(t *testing.T) {
	price := MustParse("19.99", "EUR")
	line, err := price.Mul(3)
	if err != nil || line.Minor != 5997 {
		t.Fatalf("Mul = %v, %v", line, err)
	}
	total, err := Sum("EUR", line, MustParse("4.90", "EUR"))
	if err != nil || total.Decimal() != "64.87" {
		t.Fatalf("Sum = %v, %v", total, err)
	}
	if _, err := total.Add(MustParse("1", "USD")); !errors.Is(err, ErrCurrencyMismatch) {
		t.Fatalf("Add across currencies: %v", err)
	}
	if _, err := (Amount{Minor: 1 << 62, Currency: "EUR"}).Mul(4); !errors.Is(err, ErrOverflow) {
		t.Fatalf("Mul overflow: %v", err)
	}
}

func TestPercentRoundsHalfAwayFromZero(t *testing.T) {
	for _, tc := range []struct{ minor, bp, want int64 }{
		{1000, 1900, 190},
		{1250, 700, 88}, // 87.5
		{1249, 700, 87}, // 87.43
		{-1250, 700, -88},
	} {
		if got := (Amount{Minor: tc.minor, Currency: "EUR"}).Percent(tc.bp).Minor; got != tc.want {
			t.Errorf("%d at %d bp = %d, want %d", tc.minor, tc.bp, got, tc.want)
		}
	}
}

func TestSplitKeepsTheTotal(t *testing.T) {
	parts := MustParse("10.00", "EUR").Split(3)
	want := []int64{334, 333, 333}
	var sum int64
	for i, p := range parts {
		if p.Minor != want[i] {
			t.Errorf("part %d = %d, want %d", i, p.Minor, want[i])
		}
		sum += p.Minor
	}
	if sum != 1000 {
		t.Fatalf("sum = %d", sum)
	}
}
