// Package money represents amounts as integers in a currency's minor unit,
// so that prices, totals and refunds never go through floating point.
package money

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

var (
	ErrUnknownCurrency  = errors.New("money: unknown currency")
	ErrCurrencyMismatch = errors.New("money: currencies differ")
	ErrOverflow         = errors.New("money: amount out of range")
	ErrSyntax           = errors.New("money: malformed amount")
)

// exponents lists the currencies the shop sells in and the number of
// decimal places of each.
var exponents = map[string]int{
	"EUR": 2,
	"USD": 2,
	"GBP": 2,
	"CHF": 2,
	"SEK": 2,
	"DKK": 2,
	"PLN": 2,
	"JPY": 0,
}

// Currencies returns the supported currency codes, sorted.
func Currencies() []string {
	codes := make([]string, 0, len(exponents))
	for c := range exponents {
		codes = append(codes, c)
	}
	slices.Sort(codes)
	return codes
}

// KnownCurrency reports whether code is a supported ISO 4217 code.
func KnownCurrency(code string) bool {
	_, ok := exponents[code]
	return ok
}

// Amount is a sum of money: Minor units of Currency.
type Amount struct {
	Minor    int64
	Currency string
}

// New returns minor units of currency.
func New(minor int64, currency string) (Amount, error) {
	if !KnownCurrency(currency) {
		return Amount{}, fmt.Errorf("%w: %q", ErrUnknownCurrency, currency)
	}
	return Amount{Minor: minor, Currency: currency}, nil
}

// Zero returns no money in currency.
func Zero(currency string) Amount { return Amount{Currency: currency} }

// Parse reads a decimal such as "12.5" or "-0.99" in currency.
func Parse(s, currency string) (Amount, error) {
	exp, ok := exponents[currency]
	if !ok {
		return Amount{}, fmt.Errorf("%w: %q", ErrUnknownCurrency, currency)
	}
	s = strings.TrimSpace(s)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, hasDot := strings.Cut(s, ".")
	if whole == "" || (hasDot && (frac == "" || len(frac) > exp)) {
		return Amount{}, fmt.Errorf("%w: %q", ErrSyntax, s)
	}
	frac += strings.Repeat("0", exp-len(frac))
	digits := whole + frac
	for _, r := range digits {
		if r < '0' || r > '9' {
			return Amount{}, fmt.Errorf("%w: %q", ErrSyntax, s)
		}
	}
	minor, err := strconv.ParseInt(digits, 10, 64)
	if err != nil {
		return Amount{}, fmt.Errorf("%w: %q", ErrOverflow, s)
	}
	if neg {
		minor = -minor
	}
	return Amount{Minor: minor, Currency: currency}, nil
}

// MustParse is Parse for constants; it panics on error.
func MustParse(s, currency string) Amount {
	a, err := Parse(s, currency)
	if err != nil {
		panic(err)
	}
	return a
}

func (a Amount) IsZero() bool     { return a.Minor == 0 }
func (a Amount) IsNegative() bool { return a.Minor < 0 }

func (a Amount) check(b Amount) error {
	if a.Currency != b.Currency {
		return fmt.Errorf("%w: %s and %s", ErrCurrencyMismatch, a.Currency, b.Currency)
	}
	return nil
}

// Add returns a+b.
func (a Amount) Add(b Amount) (Amount, error) {
	if err := a.check(b); err != nil {
		return Amount{}, err
	}
	sum := a.Minor + b.Minor
	if (b.Minor > 0 && sum < a.Minor) || (b.Minor < 0 && sum > a.Minor) {
		return Amount{}, ErrOverflow
	}
	return Amount{Minor: sum, Currency: a.Currency}, nil
}

// Sub returns a-b.
func (a Amount) Sub(b Amount) (Amount, error) {
	if b.Minor == math.MinInt64 {
		return Amount{}, ErrOverflow
	}
	return a.Add(Amount{Minor: -b.Minor, Currency: b.Currency})
}

// Mul returns a times n, e.g. a unit price times a quantity.
func (a Amount) Mul(n int64) (Amount, error) {
	if n != 0 && (a.Minor > math.MaxInt64/abs(n) || a.Minor < -math.MaxInt64/abs(n)) {
		return Amount{}, ErrOverflow
	}
	return Amount{Minor: a.Minor * n, Currency: a.Currency}, nil
}

// Percent returns basisPoints/10000 of a, rounded half away from zero:
// Percent(1900) is 19 %.
func (a Amount) Percent(basisPoints int64) Amount {
	p := a.Minor * basisPoints
	q, r := p/10000, p%10000
	if r >= 5000 {
		q++
	} else if r <= -5000 {
		q--
	}
	return Amount{Minor: q, Currency: a.Currency}
}

// Split divides a into n parts that differ by at most one minor unit and
// add up to a; the first parts get the remainder.
func (a Amount) Split(n int) []Amount {
	if n <= 0 {
		return nil
	}
	parts := make([]Amount, n)
	q, r := a.Minor/int64(n), a.Minor%int64(n)
	for i := range parts {
		parts[i] = Amount{Minor: q, Currency: a.Currency}
		if int64(i) < abs(r) {
			if r > 0 {
				parts[i].Minor++
			} else {
				parts[i].Minor--
			}
		}
	}
	return parts
}

// Sum adds amounts that are all in currency.
func Sum(currency string, amounts ...Amount) (Amount, error) {
	total := Zero(currency)
	for _, a := range amounts {
		var err error
		if total, err = total.Add(a); err != nil {
			return Amount{}, err
		}
	}
	return total, nil
}

// Decimal formats the amount without its currency: "12.50".
func (a Amount) Decimal() string {
	exp := exponents[a.Currency]
	sign := ""
	minor := a.Minor
	if minor < 0 {
		sign, minor = "-", -minor
	}
	digits := strconv.FormatUint(uint64(minor), 10)
	if exp == 0 {
		return sign + digits
	}
	if len(digits) <= exp {
		digits = strings.Repeat("0", exp-len(digits)+1) + digits
	}
	return sign + digits[:len(digits)-exp] + "." + digits[len(digits)-exp:]
}

// String formats the amount with its currency: "12.50 EUR".
func (a Amount) String() string { return a.Decimal() + " " + a.Currency }

func abs(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}
