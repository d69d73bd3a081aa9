// Package store keeps the catalog's products and categories in Postgres.
package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"strings"
	"time"

	"example.com/shop/internal/platform/apperr"
	"example.com/shop/internal/platform/database"
	"example.com/shop/internal/platform/money"
	"example.com/shop/internal/platform/pagination"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Migrations returns the catalog's schema migrations.
func Migrations() fs.FS {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		panic(err)
	}
	return sub
}

// Product is a sellable item.
type Product struct {
	ID          string
	SKU         string
	Name        string
	Description string
	CategoryID  string
	Price       money.Amount
	Active      bool
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// Key is the product's position in listings.
func (p Product) Key() pagination.Key { return pagination.Key{CreatedAt: p.CreatedAt, ID: p.ID} }

// Category groups products; categories form a tree.
type Category struct {
	ID       string
	Slug     string
	Name     string
	ParentID string
}

// Store reads and writes the catalog tables.
type Store struct {
	db *sql.DB
}

func New(db *sql.DB) *Store { return &Store{db: db} }

const productColumns = `id, sku, name, description, category_id, price_minor, currency, active, created_at, updated_at`

func scanProduct(row interface{ Scan(...any) error }) (Product, error) {
	var p Product
	err := row.Scan(&p.ID, &p.SKU, &p.Name, &p.Description, &p.CategoryID,
		&p.Price.Minor, &p.Price.Currency, &p.Active, &p.CreatedAt, &p.UpdatedAt)
	return p, err
}

// Product returns the product with id.
func (s *Store) Product(ctx context.Context, id string) (Product, error) {
	row := s.db.QueryRowContext(ctx, `SELECT `+productColumns+` FROM products WHERE id = $1`, id)
	p, err := scanProduct(row)
	if err != nil {
		return Product{}, database.NotFound(err, "product", id)
	}
	return p, nil
}

// ListFilter selects a page of products.
type ListFilter struct {
	CategoryID      string
	IncludeInactive bool
	After           pagination.Key
	Limit           int
}

// Products lists products in creation order.
func (s *Store) Products(ctx context.Context, f ListFilter) ([]Product, error) {
	var (
		where []string
		args  []any
	)
	arg := func(v any) string {
		args = append(args, v)
		return fmt.Sprintf("$%d", len(args))
	}
	if !f.IncludeInactive {
		where = append(where, "active")
	}
	if f.CategoryID != "" {
		where = append(where, "category_id = "+arg(f.CategoryID))
	}
	if !f.After.IsZero() {
		where = append(where, fmt.Sprintf("(created_at, id) > (%s, %s)", arg(f.After.CreatedAt), arg(f.After.ID)))
	}
	query := `SELECT ` + productColumns + ` FROM products`
	if len(where) > 0 {
		query += ` WHERE ` + strings.Join(where, " AND ")
	}
	query += ` ORDER BY created_at, id LIMIT ` + arg(f.Limit)

	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("list products: %w", err)
	}
	defer rows.Close()
	var products []Product
	for rows.Next() {
		p, err := scanProduct(rows)
		if err != nil {
			return nil, fmt.Errorf("list products: %w", err)
		}
		products = append(products, p)
	}
	return products, rows.Err()
}

// CreateProduct inserts p.
func (s *Store) CreateProduct(ctx context.Context, p Product) error {
	_, err := s.db.ExecContext(ctx, `
		INSERT INTO products (`+productColumns+`)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
		p.ID, p.SKU, p.Name, p.Description, p.CategoryID,
		p.Price.Minor, p.Price.Currency, p.Active, p.CreatedAt, p.UpdatedAt)
	switch {
	case database.IsUniqueViolation(err, "products_sku_key"):
		return apperr.New(apperr.AlreadyExists, "a product with SKU %s exists", p.SKU)
	case database.IsForeignKeyViolation(err):
		return &apperr.Error{Kind: apperr.InvalidArgument, Message: "unknown category",
			Fields: []apperr.FieldViolation{{Field: "category_id", Description: "no such category"}}}
	case err != nil:
		return fmt.Errorf("insert product: %w", err)
	}
	return nil
}

// Categories lists the children of parentID, or the root categories when
// parentID is empty.
func (s *Store) Categories(ctx context.Context, parentID string) ([]Category, error) {
	rows, err := s.db.QueryContext(ctx, `
		SELECT id, slug, name, COALESCE(parent_id, '')
		FROM categories
		WHERE parent_id IS NOT DISTINCT FROM $1
		ORDER BY name`, database.NullString(parentID))
	if err != nil {
		return nil, fmt.Errorf("list categories: %w", err)
	}
	defer rows.Close()
	var categories []Category
	for rows.Next() {
		var c Category
		if err := rows.Scan(&c.ID, &c.Slug, &c.Name, &c.ParentID); err != nil {
			return nil, fmt.Errorf("list categories: %w", err)
		}
		categories = append(categories, c)
	}
	return categories, rows.Err()
}
