// Package store keeps stock levels and reservations in Postgres. Stock is
// reserved and released with conditional updates, so concurrent checkouts
// can never reserve more than is on hand.
package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"time"

	"example.com/shop/internal/platform/apperr"
	"example.com/shop/internal/platform/database"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Migrations returns the inventory's schema migrations.
func Migrations() fs.FS {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		panic(err)
	}
	return sub
}

// Stock is the quantity of one SKU.
type Stock struct {
	SKU      string
	OnHand   int
	Reserved int
}

// Available is what can still be reserved.
func (s Stock) Available() int { return s.OnHand - s.Reserved }

// State is where a reservation is in its life.
type State string

const (
	Pending   State = "pending"
	Committed State = "committed"
	Released  State = "released"
)

// Line reserves a quantity of one SKU.
type Line struct {
	SKU      string
	Quantity int
}

// Reservation holds stock for an order.
type Reservation struct {
	ID        string
	OrderID   string
	State     State
	Lines     []Line
	ExpiresAt time.Time
	CreatedAt time.Time
	UpdatedAt time.Time
}

type Store struct {
	db *sql.DB
}

func New(db *sql.DB) *Store { return &Store{db: db} }

// Stock returns the stock of each SKU, in the order asked; unknown SKUs
// have none.
func (s *Store) Stock(ctx context.Context, skus []string) ([]Stock, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT sku, on_hand, reserved FROM stock WHERE sku = ANY($1)`, skus)
	if err != nil {
		return nil, fmt.Errorf("read stock: %w", err)
	}
	defer rows.Close()
	found := make(map[string]Stock, len(skus))
	for rows.Next() {
		var st Stock
		if err := rows.Scan(&st.SKU, &st.OnHand, &st.Reserved); err != nil {
			return nil, fmt.Errorf("read stock: %w", err)
		}
		found[st.SKU] = st
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]Stock, len(skus))
	for i, sku := range skus {
		out[i] = found[sku]
		out[i].SKU = sku
	}
	return out, nil
}

// Adjust adds delta to the quantity on hand of sku and records why.
func (s *Store) Adjust(ctx context.Context, sku string, delta int, reason string, now time.Time) (Stock, error) {
	var st Stock
	err := database.WithTx(ctx, s.db, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `
			INSERT INTO stock (sku, on_hand, updated_at) VALUES ($1, $2, $3)
			ON CONFLICT (sku) DO UPDATE
			SET on_hand = stock.on_hand + EXCLUDED.on_hand, updated_at = EXCLUDED.updated_at
			RETURNING sku, on_hand, reserved`, sku, delta, now).Scan(&st.SKU, &st.OnHand, &st.Reserved)
		if database.IsCheckViolation(err) {
			return apperr.Preconditionf("adjusting %s by %d leaves less than is reserved", sku, delta)
		}
		if err != nil {
			return fmt.Errorf("adjust stock: %w", err)
		}
		_, err = tx.ExecContext(ctx, `
			INSERT INTO stock_movements (sku, delta, reason, created_at) VALUES ($1, $2, $3, $4)`,
			sku, delta, reason, now)
		return err
	})
	return st, err
}

// Reserve holds the stock of r's lines. It is idempotent per order: a
// second reservation for the same order returns the first.
func (s *Store) Reserve(ctx context.Context, r Reservation) (Reservation, error) {
	err := database.WithTx(ctx, s.db, func(tx *sql.Tx) error {
		existing, err := s.byOrder(ctx, tx, r.OrderID)
		if err == nil {
			r = existing
			return nil
		}
		if !apperr.Is(err, apperr.NotFound) {
			return err
		}
		// Lock rows in a fixed order so concurrent reservations cannot deadlock.
		lines := slices.Clone(r.Lines)
		slices.SortFunc(lines, func(a, b Line) int { return strings.Compare(a.SKU, b.SKU) })
		for _, l := range lines {
			res, err := tx.ExecContext(ctx, `
				UPDATE stock SET reserved = reserved + $2, updated_at = $3
				WHERE sku = $1 AND on_hand - reserved >= $2`, l.SKU, l.Quantity, r.CreatedAt)
			if err != nil {
				return fmt.Errorf("reserve %s: %w", l.SKU, err)
			}
			if n, _ := res.RowsAffected(); n == 0 {
				return &apperr.Error{Kind: apperr.FailedPrecondition, Message: "insufficient stock",
					Fields: []apperr.FieldViolation{{Field: l.SKU, Description: fmt.Sprintf("fewer than %d available", l.Quantity)}}}
			}
		}
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO reservations (id, order_id, state, expires_at, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $5)`, r.ID, r.OrderID, r.State, r.ExpiresAt, r.CreatedAt); err != nil {
			return fmt.Errorf("insert reservation: %w", err)
		}
		for _, l := range lines {
			if _, err := tx.ExecContext(ctx, `
				INSERT INTO reservation_lines (reservation_id, sku, quantity) VALUES ($1, $2, $3)`,
				r.ID, l.SKU, l.Quantity); err != nil {
				return fmt.Errorf("insert reservation line: %w", err)
			}
		}
		r.UpdatedAt = r.CreatedAt
		return nil
	})
	return r, err
}

// Reservation returns the reservation with id.
func (s *Store) Reservation(ctx context.Context, id string) (Reservation, error) {
	return s.load(ctx, s.db, `WHERE id = $1`, id)
}

func (s *Store) byOrder(ctx context.Context, q database.Queryer, orderID string) (Reservation, error) {
	return s.load(ctx, q, `WHERE order_id = $1`, orderID)
}

func (s *Store) load(ctx context.Context, q database.Queryer, where string, arg string) (Reservation, error) {
	var r Reservation
	err := q.QueryRowContext(ctx, `
		SELECT id, order_id, state, expires_at, created_at, updated_at
		FROM reservations `+where+` FOR UPDATE`, arg).
		Scan(&r.ID, &r.OrderID, &r.State, &r.ExpiresAt, &r.CreatedAt, &r.UpdatedAt)
	if err != nil {
		return Reservation{}, database.NotFound(err, "reservation", arg)
	}
	rows, err := q.QueryContext(ctx, `
		SELECT sku, quantity FROM reservation_lines WHERE reservation_id = $1 ORDER BY sku`, r.ID)
	if err != nil {
		return Reservation{}, fmt.Errorf("load reservation lines: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var l Line
		if err := rows.Scan(&l.SKU, &l.Quantity); err != nil {
			return Reservation{}, err
		}
		r.Lines = append(r.Lines, l)
	}
	return r, rows.Err()
}

// Settle moves a pending reservation to Committed (the stock leaves the
// warehouse) or Released (the stock is available again). Settling to the
// state it is already in changes nothing.
func (s *Store) Settle(ctx context.Context, id string, to State, now time.Time) (Reservation, error) {
	var r Reservation
	err := database.WithTx(ctx, s.db, func(tx *sql.Tx) error {
		var err error
		if r, err = s.load(ctx, tx, `WHERE id = $1`, id); err != nil {
			return err
		}
		if r.State == to {
			return nil
		}
		if r.State != Pending {
			return apperr.Preconditionf("reservation %s is %s", id, r.State)
		}
		update := `UPDATE stock SET reserved = reserved - $2, updated_at = $3 WHERE sku = $1`
		if to == Committed {
			update = `UPDATE stock SET on_hand = on_hand - $2, reserved = reserved - $2, updated_at = $3 WHERE sku = $1`
		}
		for _, l := range r.Lines {
			if _, err := tx.ExecContext(ctx, update, l.SKU, l.Quantity, now); err != nil {
				return fmt.Errorf("settle %s: %w", l.SKU, err)
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE reservations SET state = $2, updated_at = $3 WHERE id = $1`,
			id, to, now); err != nil {
			return fmt.Errorf("settle reservation: %w", err)
		}
		r.State, r.UpdatedAt = to, now
		return nil
	})
	return r, err
}

// Expired returns up to limit pending reservations that lapsed before now.
func (s *Store) Expired(ctx context.Context, now time.Time, limit int) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `
		SELECT id FROM reservations
		WHERE state = 'pending' AND expires_at < $1
		ORDER BY expires_at LIMIT $2`, now, limit)
	if err != nil {
		return nil, fmt.Errorf("find expired reservations: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}
