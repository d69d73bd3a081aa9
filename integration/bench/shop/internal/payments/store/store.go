// Package store keeps payments and their refunds in Postgres.
package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"time"

	"example.com/shop/internal/platform/apperr"
	"example.com/shop/internal/platform/database"
	"example.com/shop/internal/platform/money"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Migrations returns the payments' schema migrations.
func Migrations() fs.FS {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		panic(err)
	}
	return sub
}

// Status is where a payment is in its life.
type Status string

const (
	Authorized        Status = "authorized"
	Declined          Status = "declined"
	Captured          Status = "captured"
	Voided            Status = "voided"
	Refunded          Status = "refunded"
	PartiallyRefunded Status = "partially_refunded"
)

// Payment is a card payment for an order.
type Payment struct {
	ID             string
	OrderID        string
	IdempotencyKey string
	Status         Status
	Amount         money.Amount
	RefundedMinor  int64
	DeclineReason  string
	CardLast4      string
	ProcessorRef   string
	CreatedAt      time.Time
	UpdatedAt      time.Time
}

// Refund gives back part or all of a captured payment.
type Refund struct {
	ID          string
	PaymentID   string
	AmountMinor int64
	Reason      string
	CreatedAt   time.Time
}

type Store struct {
	db *sql.DB
}

func New(db *sql.DB) *Store { return &Store{db: db} }

const columns = `id, order_id, idempotency_key, status, amount_minor, currency, refunded_minor,
	decline_reason, card_last4, processor_ref, created_at, updated_at`

func scan(row interface{ Scan(...any) error }) (Payment, error) {
	var p Payment
	err := row.Scan(&p.ID, &p.OrderID, &p.IdempotencyKey, &p.Status, &p.Amount.Minor, &p.Amount.Currency,
		&p.RefundedMinor, &p.DeclineReason, &p.CardLast4, &p.ProcessorRef, &p.CreatedAt, &p.UpdatedAt)
	return p, err
}

// Insert stores a new payment; a payment with the same idempotency key
// makes it fail with AlreadyExists.
func (s *Store) Insert(ctx context.Context, p Payment) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO payments (`+columns+`)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
		p.ID, p.OrderID, p.IdempotencyKey, p.Status, p.Amount.Minor, p.Amount.Currency, p.RefundedMinor,
		p.DeclineReason, p.CardLast4, p.ProcessorRef, p.CreatedAt, p.UpdatedAt)
	if database.IsUniqueViolation(err, "payments_idempotency_key") {
		return apperr.New(apperr.AlreadyExists, "payment with idempotency key %s exists", p.IdempotencyKey)
	}
	if err != nil {
		return fmt.Errorf("insert payment: %w", err)
	}
	return nil
}

// Get returns the payment with id.
func (s *Store) Get(ctx context.Context, id string) (Payment, error) {
	p, err := scan(s.db.QueryRowContext(ctx, `SELECT `+columns+` FROM payments WHERE id = $1`, id))
	if err != nil {
		return Payment{}, database.NotFound(err, "payment", id)
	}
	return p, nil
}

// ByIdempotencyKey returns the payment made with key.
func (s *Store) ByIdempotencyKey(ctx context.Context, key string) (Payment, error) {
	p, err := scan(s.db.QueryRowContext(ctx, `SELECT `+columns+` FROM payments WHERE idempotency_key = $1`, key))
	if err != nil {
		return Payment{}, database.NotFound(err, "payment with idempotency key", key)
	}
	return p, nil
}

// Update locks the payment with id, lets change modify it, and saves it
// together with the refund change returns, if any. Nothing is saved when
// change fails.
func (s *Store) Update(ctx context.Context, id string, change func(p *Payment) (*Refund, error)) (Payment, error) {
	var p Payment
	err := database.WithTx(ctx, s.db, func(tx *sql.Tx) error {
		var err error
		p, err = scan(tx.QueryRowContext(ctx, `SELECT `+columns+` FROM payments WHERE id = $1 FOR UPDATE`, id))
		if err != nil {
			return database.NotFound(err, "payment", id)
		}
		refund, err := change(&p)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `
			UPDATE payments SET status = $2, refunded_minor = $3, processor_ref = $4, updated_at = $5
			WHERE id = $1`, p.ID, p.Status, p.RefundedMinor, p.ProcessorRef, p.UpdatedAt); err != nil {
			return fmt.Errorf("update payment: %w", err)
		}
		if refund != nil {
			if _, err := tx.ExecContext(ctx, `
				INSERT INTO refunds (id, payment_id, amount_minor, reason, created_at)
				VALUES ($1, $2, $3, $4, $5)`,
				refund.ID, refund.PaymentID, refund.AmountMinor, refund.Reason, refund.CreatedAt); err != nil {
				return fmt.Errorf("insert refund: %w", err)
			}
		}
		return nil
	})
	return p, err
}
