// Package store keeps orders and their lines in Postgres.
package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"

	"example.com/shop/internal/carts"
	"example.com/shop/internal/orders"
	"example.com/shop/internal/platform/apperr"
	"example.com/shop/internal/platform/database"
	"example.com/shop/internal/platform/money"
	"example.com/shop/internal/platform/pagination"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Migrations returns the orders' schema migrations (after the carts').
func Migrations() fs.FS {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		panic(err)
	}
	return sub
}

type Store struct {
	db *sql.DB
}

func New(db *sql.DB) *Store { return &Store{db: db} }

// Create stores a new order and checks its cart out, atomically: a cart
// gives at most one order.
func (s *Store) Create(ctx context.Context, o orders.Order) error {
	return database.WithTx(ctx, s.db, func(tx *sql.Tx) error {
		if err := carts.CheckOut(ctx, tx, o.CartID, o.CreatedAt); err != nil {
			return err
		}
		t := o.Totals
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO orders (id, customer_id, cart_id, status, currency, subtotal_minor, shipping_minor,
			                    tax_minor, total_minor, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)`,
			o.ID, o.CustomerID, o.CartID, o.Status, t.Total.Currency, t.Subtotal.Minor, t.Shipping.Minor,
			t.Tax.Minor, t.Total.Minor, o.CreatedAt); err != nil {
			return fmt.Errorf("insert order: %w", err)
		}
		for i, l := range o.Lines {
			if _, err := tx.ExecContext(ctx, `
				INSERT INTO order_lines (order_id, position, product_id, sku, name, unit_price_minor, quantity)
				VALUES ($1, $2, $3, $4, $5, $6, $7)`,
				o.ID, i, l.ProductID, l.SKU, l.Name, l.UnitPrice.Minor, l.Quantity); err != nil {
				return fmt.Errorf("insert order line: %w", err)
			}
		}
		return nil
	})
}

const orderColumns = `id, customer_id, cart_id, status, currency, subtotal_minor, shipping_minor, tax_minor,
	total_minor, COALESCE(reservation_id, ''), COALESCE(payment_id, ''), failure_reason, created_at, updated_at`

func scanOrder(row interface{ Scan(...any) error }) (orders.Order, error) {
	var (
		o        orders.Order
		currency string
	)
	t := &o.Totals
	err := row.Scan(&o.ID, &o.CustomerID, &o.CartID, &o.Status, &currency, &t.Subtotal.Minor, &t.Shipping.Minor,
		&t.Tax.Minor, &t.Total.Minor, &o.ReservationID, &o.PaymentID, &o.FailureReason, &o.CreatedAt, &o.UpdatedAt)
	t.Subtotal.Currency, t.Shipping.Currency, t.Tax.Currency, t.Total.Currency = currency, currency, currency, currency
	return o, err
}

// Get returns an order with its lines.
func (s *Store) Get(ctx context.Context, id string) (orders.Order, error) {
	o, err := scanOrder(s.db.QueryRowContext(ctx, `SELECT `+orderColumns+` FROM orders WHERE id = $1`, id))
	if err != nil {
		return orders.Order{}, database.NotFound(err, "order", id)
	}
	rows, err := s.db.QueryContext(ctx, `
		SELECT product_id, sku, name, unit_price_minor, quantity
		FROM order_lines WHERE order_id = $1 ORDER BY position`, id)
	if err != nil {
		return orders.Order{}, fmt.Errorf("load order lines: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		l := orders.Line{UnitPrice: money.Zero(o.Totals.Total.Currency)}
		if err := rows.Scan(&l.ProductID, &l.SKU, &l.Name, &l.UnitPrice.Minor, &l.Quantity); err != nil {
			return orders.Order{}, err
		}
		o.Lines = append(o.Lines, l)
	}
	return o, rows.Err()
}

// ByCustomer lists a customer's orders, oldest first, without lines.
func (s *Store) ByCustomer(ctx context.Context, customerID string, after pagination.Key, limit int) ([]orders.Order, error) {
	rows, err := s.db.QueryContext(ctx, `
		SELECT `+orderColumns+` FROM orders
		WHERE customer_id = $1 AND (created_at, id) > ($2, $3)
		ORDER BY created_at, id LIMIT $4`, customerID, after.CreatedAt, after.ID, limit)
	if err != nil {
		return nil, fmt.Errorf("list orders: %w", err)
	}
	defer rows.Close()
	var out []orders.Order
	for rows.Next() {
		o, err := scanOrder(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// Save writes the status and references of o, provided the stored order
// is still in status from; otherwise someone else moved it first.
func (s *Store) Save(ctx context.Context, o orders.Order, from orders.Status) error {
	res, err := s.db.ExecContext(ctx, `
		UPDATE orders
		SET status = $2, reservation_id = $3, payment_id = $4, failure_reason = $5, updated_at = $6
		WHERE id = $1 AND status = $7`,
		o.ID, o.Status, database.NullString(o.ReservationID), database.NullString(o.PaymentID),
		o.FailureReason, o.UpdatedAt, from)
	if err != nil {
		return fmt.Errorf("update order: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return apperr.New(apperr.Aborted, "order %s changed concurrently", o.ID)
	}
	return nil
}
