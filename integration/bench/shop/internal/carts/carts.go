// Package carts keeps shopping carts: the products a customer intends to
// buy, with the prices they were shown.
package carts

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"time"

	"example.com/shop/internal/platform/apperr"
	"example.com/shop/internal/platform/clock"
	"example.com/shop/internal/platform/database"
	"example.com/shop/internal/platform/ids"
	"example.com/shop/internal/platform/money"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Migrations returns the carts' schema migrations (after the customers').
func Migrations() fs.FS {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		panic(err)
	}
	return sub
}

const (
	StatusOpen       = "open"
	StatusCheckedOut = "checked_out"
	maxQuantity      = 99
	maxItems         = 50
)

// Cart is a customer's basket.
type Cart struct {
	ID         string
	CustomerID string
	Currency   string
	Status     string
	Items      []Item
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

// Item is a product in a cart.
type Item struct {
	ProductID string
	SKU       string
	Name      string
	UnitPrice money.Amount
	Quantity  int
}

// Product is what the cart needs to know of a catalog product.
type Product struct {
	ID     string
	SKU    string
	Name   string
	Price  money.Amount
	Active bool
}

// Catalog looks products up.
type Catalog interface {
	Product(ctx context.Context, id string) (Product, error)
}

type Service struct {
	db      *sql.DB
	catalog Catalog
	clock   clock.Clock
}

func NewService(db *sql.DB, catalog Catalog, c clock.Clock) *Service {
	return &Service{db: db, catalog: catalog, clock: c}
}

// Create opens an empty cart for a customer.
func (s *Service) Create(ctx context.Context, customerID, currency string) (Cart, error) {
	if !money.KnownCurrency(currency) {
		return Cart{}, apperr.Invalidf("unsupported currency %q", currency)
	}
	now := s.clock.Now()
	c := Cart{ID: ids.NewAt(ids.Cart, now), CustomerID: customerID, Currency: currency, Status: StatusOpen, CreatedAt: now, UpdatedAt: now}
	_, err := s.db.ExecContext(ctx, `
		INSERT INTO carts (id, customer_id, currency, status, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)`,
		c.ID, c.CustomerID, c.Currency, c.Status, now)
	if database.IsForeignKeyViolation(err) {
		return Cart{}, apperr.NotFoundf("customer %s not found", customerID)
	}
	if err != nil {
		return Cart{}, fmt.Errorf("insert cart: %w", err)
	}
	return c, nil
}

// Get returns a cart with its items.
func (s *Service) Get(ctx context.Context, id string) (Cart, error) {
	if !ids.Valid(ids.Cart, id) {
		return Cart{}, apperr.NotFoundf("cart %s not found", id)
	}
	var c Cart
	err := s.db.QueryRowContext(ctx, `
		SELECT id, customer_id, currency, status, created_at, updated_at FROM carts WHERE id = $1`, id).
		Scan(&c.ID, &c.CustomerID, &c.Currency, &c.Status, &c.CreatedAt, &c.UpdatedAt)
	if err != nil {
		return Cart{}, database.NotFound(err, "cart", id)
	}
	rows, err := s.db.QueryContext(ctx, `
		SELECT product_id, sku, name, unit_price_minor, quantity
		FROM cart_items WHERE cart_id = $1 ORDER BY added_at, product_id`, id)
	if err != nil {
		return Cart{}, fmt.Errorf("load cart items: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		it := Item{UnitPrice: money.Zero(c.Currency)}
		if err := rows.Scan(&it.ProductID, &it.SKU, &it.Name, &it.UnitPrice.Minor, &it.Quantity); err != nil {
			return Cart{}, err
		}
		c.Items = append(c.Items, it)
	}
	return c, rows.Err()
}

// SetQuantity puts quantity of a product in an open cart, at the
// product's current price; zero removes the product.
func (s *Service) SetQuantity(ctx context.Context, cartID, productID string, quantity int) (Cart, error) {
	if quantity < 0 || quantity > maxQuantity {
		return Cart{}, apperr.Invalidf("quantity must be between 0 and %d", maxQuantity)
	}
	c, err := s.Get(ctx, cartID)
	if err != nil {
		return Cart{}, err
	}
	if c.Status != StatusOpen {
		return Cart{}, apperr.Preconditionf("cart %s is checked out", cartID)
	}
	now := s.clock.Now()
	if quantity == 0 {
		if _, err := s.db.ExecContext(ctx, `DELETE FROM cart_items WHERE cart_id = $1 AND product_id = $2`, cartID, productID); err != nil {
			return Cart{}, fmt.Errorf("remove cart item: %w", err)
		}
		return s.touch(ctx, cartID, now)
	}
	if len(c.Items) >= maxItems {
		return Cart{}, apperr.Preconditionf("a cart holds at most %d products", maxItems)
	}
	p, err := s.catalog.Product(ctx, productID)
	if err != nil {
		return Cart{}, err
	}
	switch {
	case !p.Active:
		return Cart{}, apperr.Preconditionf("product %s is not for sale", productID)
	case p.Price.Currency != c.Currency:
		return Cart{}, apperr.Preconditionf("product %s is priced in %s, the cart in %s", productID, p.Price.Currency, c.Currency)
	}
	_, err = s.db.ExecContext(ctx, `
		INSERT INTO cart_items (cart_id, product_id, sku, name, unit_price_minor, quantity, added_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7)
		ON CONFLICT (cart_id, product_id) DO UPDATE
		SET quantity = EXCLUDED.quantity, unit_price_minor = EXCLUDED.unit_price_minor, name = EXCLUDED.name`,
		cartID, p.ID, p.SKU, p.Name, p.Price.Minor, quantity, now)
	if err != nil {
		return Cart{}, fmt.Errorf("set cart item: %w", err)
	}
	return s.touch(ctx, cartID, now)
}

func (s *Service) touch(ctx context.Context, cartID string, now time.Time) (Cart, error) {
	if _, err := s.db.ExecContext(ctx, `UPDATE carts SET updated_at = $2 WHERE id = $1`, cartID, now); err != nil {
		return Cart{}, fmt.Errorf("update cart: %w", err)
	}
	return s.Get(ctx, cartID)
}

// CheckOut marks an open cart checked out, inside the transaction that
// creates its order.
func CheckOut(ctx context.Context, tx *sql.Tx, cartID string, now time.Time) error {
	res, err := tx.ExecContext(ctx, `
		UPDATE carts SET status = $2, updated_at = $3 WHERE id = $1 AND status = $4`,
		cartID, StatusCheckedOut, now, StatusOpen)
	if err != nil {
		return fmt.Errorf("check out cart: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return apperr.New(apperr.Aborted, "cart %s was already checked out", cartID)
	}
	return nil
}
