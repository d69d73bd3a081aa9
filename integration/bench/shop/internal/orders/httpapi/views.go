package httpapi

import (
	"time"

	"example.com/shop/internal/carts"
	"example.com/shop/internal/customers"
	"example.com/shop/internal/orders"
	"example.com/shop/internal/platform/money"
)

// The JSON shapes of the API.

type moneyJSON struct {
	AmountMinor int64  `json:"amount_minor"`
	Currency    string `json:"currency"`
	Display     string `json:"display"`
}

func moneyView(a money.Amount) moneyJSON {
	return moneyJSON{AmountMinor: a.Minor, Currency: a.Currency, Display: a.String()}
}

type customerJSON struct {
	ID             string    `json:"id"`
	Email          string    `json:"email"`
	Name           string    `json:"name"`
	HasDefaultCard bool      `json:"has_default_card"`
	CreatedAt      time.Time `json:"created_at"`
}

func customerView(c customers.Customer) customerJSON {
	return customerJSON{ID: c.ID, Email: c.Email, Name: c.Name, HasDefaultCard: c.CardToken != "", CreatedAt: c.CreatedAt}
}

type itemJSON struct {
	ProductID string    `json:"product_id"`
	SKU       string    `json:"sku"`
	Name      string    `json:"name"`
	UnitPrice moneyJSON `json:"unit_price"`
	Quantity  int       `json:"quantity"`
	Total     moneyJSON `json:"total"`
}

type cartJSON struct {
	ID         string     `json:"id"`
	CustomerID string     `json:"customer_id"`
	Status     string     `json:"status"`
	Items      []itemJSON `json:"items"`
	Subtotal   moneyJSON  `json:"subtotal"`
	UpdatedAt  time.Time  `json:"updated_at"`
}

func cartView(c carts.Cart) cartJSON {
	out := cartJSON{ID: c.ID, CustomerID: c.CustomerID, Status: c.Status, Items: []itemJSON{}, UpdatedAt: c.UpdatedAt}
	subtotal := money.Zero(c.Currency)
	for _, it := range c.Items {
		total, _ := it.UnitPrice.Mul(int64(it.Quantity))
		subtotal, _ = subtotal.Add(total)
		out.Items = append(out.Items, itemJSON{
			ProductID: it.ProductID, SKU: it.SKU, Name: it.Name,
			UnitPrice: moneyView(it.UnitPrice), Quantity: it.Quantity, Total: moneyView(total),
		})
	}
	out.Subtotal = moneyView(subtotal)
	return out
}

type orderJSON struct {
	ID            string     `json:"id"`
	CustomerID    string     `json:"customer_id"`
	Status        string     `json:"status"`
	Lines         []itemJSON `json:"lines,omitempty"`
	Subtotal      moneyJSON  `json:"subtotal"`
	Shipping      moneyJSON  `json:"shipping"`
	Tax           moneyJSON  `json:"tax"`
	Total         moneyJSON  `json:"total"`
	PaymentID     string     `json:"payment_id,omitempty"`
	FailureReason string     `json:"failure_reason,omitempty"`
	CreatedAt     time.Time  `json:"created_at"`
	UpdatedAt     time.Time  `json:"updated_at"`
}

func orderView(o orders.Order) orderJSON {
	out := orderJSON{
		ID: o.ID, CustomerID: o.CustomerID, Status: string(o.Status),
		Subtotal: moneyView(o.Totals.Subtotal), Shipping: moneyView(o.Totals.Shipping),
		Tax: moneyView(o.Totals.Tax), Total: moneyView(o.Totals.Total),
		PaymentID: o.PaymentID, FailureReason: o.FailureReason, CreatedAt: o.CreatedAt, UpdatedAt: o.UpdatedAt,
	}
	for _, l := range o.Lines {
		total, _ := l.Total()
		out.Lines = append(out.Lines, itemJSON{
			ProductID: l.ProductID, SKU: l.SKU, Name: l.Name,
			UnitPrice: moneyView(l.UnitPrice), Quantity: l.Quantity, Total: moneyView(total),
		})
	}
	return out
}
