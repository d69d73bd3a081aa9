// Package orders defines an order, the states it goes through and how its
// totals are computed.
package orders

import (
	"slices"
	"time"

	"example.com/shop/internal/platform/money"
	"example.com/shop/internal/platform/pagination"
)

// Status is where an order is in checkout and after.
type Status string

const (
	Pending   Status = "pending"   // created from a cart
	Reserved  Status = "reserved"  // stock held
	Paid      Status = "paid"      // payment captured, stock committed
	Failed    Status = "failed"    // stock or payment refused
	Cancelled Status = "cancelled" // cancelled before payment
	Refunded  Status = "refunded"  // cancelled after payment
)

var transitions = map[Status][]Status{
	Pending:  {Reserved, Failed, Cancelled},
	Reserved: {Paid, Failed, Cancelled},
	Paid:     {Refunded},
}

// CanBecome reports whether an order in status s may move to next.
func (s Status) CanBecome(next Status) bool { return slices.Contains(transitions[s], next) }

// Final reports whether no transition leaves s.
func (s Status) Final() bool { return len(transitions[s]) == 0 }

// Line is a product bought in some quantity, at the price of checkout.
type Line struct {
	ProductID string
	SKU       string
	Name      string
	UnitPrice money.Amount
	Quantity  int
}

// Total is the line's price.
func (l Line) Total() (money.Amount, error) { return l.UnitPrice.Mul(int64(l.Quantity)) }

// Totals are the sums an order is charged.
type Totals struct {
	Subtotal money.Amount
	Shipping money.Amount
	Tax      money.Amount
	Total    money.Amount
}

// Pricing holds the rules for shipping and tax.
type Pricing struct {
	TaxBasisPoints    int64 // VAT included in prices, e.g. 1900 for 19 %
	ShippingMinor     int64 // flat shipping fee
	FreeShippingMinor int64 // subtotal from which shipping is free
}

// Compute returns the totals of lines in currency. Prices include tax; Tax
// is the share of the total that is tax.
func (p Pricing) Compute(lines []Line, currency string) (Totals, error) {
	t := Totals{Subtotal: money.Zero(currency), Shipping: money.Zero(currency)}
	for _, l := range lines {
		lt, err := l.Total()
		if err != nil {
			return Totals{}, err
		}
		if t.Subtotal, err = t.Subtotal.Add(lt); err != nil {
			return Totals{}, err
		}
	}
	if t.Subtotal.Minor < p.FreeShippingMinor {
		t.Shipping.Minor = p.ShippingMinor
	}
	var err error
	if t.Total, err = t.Subtotal.Add(t.Shipping); err != nil {
		return Totals{}, err
	}
	// total = net * (1 + rate), so tax = total * rate / (1 + rate).
	t.Tax = money.Amount{Minor: t.Total.Minor * p.TaxBasisPoints / (10_000 + p.TaxBasisPoints), Currency: currency}
	return t, nil
}

// Order is a customer's purchase.
type Order struct {
	ID            string
	CustomerID    string
	CartID        string
	Status        Status
	Lines         []Line
	Totals        Totals
	ReservationID string
	PaymentID     string
	FailureReason string
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// Key is the order's position in listings.
func (o Order) Key() pagination.Key { return pagination.Key{CreatedAt: o.CreatedAt, ID: o.ID} }
