// Package customers registers the shop's customers and keeps them in
// Postgres.
package customers

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"strings"
	"time"

	"example.com/shop/internal/platform/apperr"
	"example.com/shop/internal/platform/clock"
	"example.com/shop/internal/platform/database"
	"example.com/shop/internal/platform/ids"
	"example.com/shop/internal/platform/validate"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Migrations returns the customers' schema migrations.
func Migrations() fs.FS {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		panic(err)
	}
	return sub
}

// Customer is someone who buys.
type Customer struct {
	ID        string
	Email     string
	Name      string
	CardToken string // default card, from the card vault
	CreatedAt time.Time
}

// Service registers and looks up customers.
type Service struct {
	db    *sql.DB
	clock clock.Clock
}

func NewService(db *sql.DB, c clock.Clock) *Service { return &Service{db: db, clock: c} }

// Registration is what a new customer tells the shop.
type Registration struct {
	Email     string
	Name      string
	CardToken string
}

// Register adds a customer; e-mail addresses are unique, ignoring case.
func (s *Service) Register(ctx context.Context, r Registration) (Customer, error) {
	r.Email = strings.TrimSpace(r.Email)
	r.Name = strings.Join(strings.Fields(r.Name), " ")
	var v validate.Validator
	v.Email("email", r.Email)
	v.Length("email", r.Email, 3, 254)
	v.Length("name", r.Name, 1, 100)
	v.Check(r.CardToken == "" || strings.HasPrefix(r.CardToken, "tok_"), "card_token", "must be a card token")
	if err := v.Err(); err != nil {
		return Customer{}, err
	}
	now := s.clock.Now()
	c := Customer{ID: ids.NewAt(ids.Customer, now), Email: r.Email, Name: r.Name, CardToken: r.CardToken, CreatedAt: now}
	_, err := s.db.ExecContext(ctx, `
		INSERT INTO customers (id, email, name, card_token, created_at) VALUES ($1, $2, $3, $4, $5)`,
		c.ID, c.Email, c.Name, c.CardToken, c.CreatedAt)
	if database.IsUniqueViolation(err, "customers_email_key") {
		return Customer{}, apperr.New(apperr.AlreadyExists, "a customer with e-mail %s exists", r.Email)
	}
	if err != nil {
		return Customer{}, fmt.Errorf("insert customer: %w", err)
	}
	return c, nil
}

// Get returns the customer with id.
func (s *Service) Get(ctx context.Context, id string) (Customer, error) {
	if !ids.Valid(ids.Customer, id) {
		return Customer{}, apperr.NotFoundf("customer %s not found", id)
	}
	var c Customer
	err := s.db.QueryRowContext(ctx, `
		SELECT id, email, name, card_token, created_at FROM customers WHERE id = $1`, id).
		Scan(&c.ID, &c.Email, &c.Name, &c.CardToken, &c.CreatedAt)
	if err != nil {
		return Customer{}, database.NotFound(err, "customer", id)
	}
	return c, nil
}
