// Package service holds the catalog's business rules between the gRPC
// API and the store.
package service

import (
	"context"
	"strings"

	"example.com/shop/internal/catalog/store"
	"example.com/shop/internal/platform/apperr"
	"example.com/shop/internal/platform/clock"
	"example.com/shop/internal/platform/ids"
	"example.com/shop/internal/platform/money"
	"example.com/shop/internal/platform/pagination"
	"example.com/shop/internal/platform/validate"
)

// Repository is the part of the store the service uses.
type Repository interface {
	Product(ctx context.Context, id string) (store.Product, error)
	Products(ctx context.Context, f store.ListFilter) ([]store.Product, error)
	CreateProduct(ctx context.Context, p store.Product) error
	Categories(ctx context.Context, parentID string) ([]store.Category, error)
}

type Service struct {
	repo  Repository
	clock clock.Clock
}

func New(repo Repository, c clock.Clock) *Service { return &Service{repo: repo, clock: c} }

// Product returns one product.
func (s *Service) Product(ctx context.Context, id string) (store.Product, error) {
	if !ids.Valid(ids.Product, id) {
		return store.Product{}, apperr.NotFoundf("product %s not found", id)
	}
	return s.repo.Product(ctx, id)
}

// ListParams selects a page of products.
type ListParams struct {
	PageSize        int
	PageToken       string
	CategoryID      string
	IncludeInactive bool
}

// Page is one page of products.
type Page struct {
	Products      []store.Product
	NextPageToken string
}

// List returns a page of products in creation order.
func (s *Service) List(ctx context.Context, p ListParams) (Page, error) {
	after, err := pagination.Decode(p.PageToken)
	if err != nil {
		return Page{}, err
	}
	size := pagination.Size(p.PageSize)
	products, err := s.repo.Products(ctx, store.ListFilter{
		CategoryID:      p.CategoryID,
		IncludeInactive: p.IncludeInactive,
		After:           after,
		Limit:           size + 1,
	})
	if err != nil {
		return Page{}, err
	}
	products, more := pagination.Trim(products, size)
	return Page{Products: products, NextPageToken: pagination.Next(products, more, store.Product.Key)}, nil
}

// NewProduct describes a product to add to the catalog.
type NewProduct struct {
	SKU         string
	Name        string
	Description string
	CategoryID  string
	PriceMinor  int64
	Currency    string
}

func (n *NewProduct) normalize() {
	n.SKU = strings.ToUpper(strings.TrimSpace(n.SKU))
	n.Name = strings.TrimSpace(n.Name)
	n.Description = strings.TrimSpace(n.Description)
	n.Currency = strings.ToUpper(strings.TrimSpace(n.Currency))
}

func (n NewProduct) validate() error {
	var v validate.Validator
	v.Matches("sku", n.SKU, validate.SKU, "a SKU such as TSHIRT-RED-XL")
	v.Length("name", n.Name, 2, 120)
	v.Length("description", n.Description, 0, 4000)
	v.Check(ids.Valid(ids.Category, n.CategoryID), "category_id", "must be a category id")
	v.Range("price_minor", n.PriceMinor, 1, 10_000_000)
	v.OneOf("currency", n.Currency, money.Currencies()...)
	return v.Err()
}

// Create adds a product to the catalog.
func (s *Service) Create(ctx context.Context, n NewProduct) (store.Product, error) {
	n.normalize()
	if err := n.validate(); err != nil {
		return store.Product{}, err
	}
	now := s.clock.Now()
	p := store.Product{
		ID:          ids.NewAt(ids.Product, now),
		SKU:         n.SKU,
		Name:        n.Name,
		Description: n.Description,
		CategoryID:  n.CategoryID,
		Price:       money.Amount{Minor: n.PriceMinor, Currency: n.Currency},
		Active:      true,
		CreatedAt:   now,
		UpdatedAt:   now,
	}
	if err := s.repo.CreateProduct(ctx, p); err != nil {
		return store.Product{}, err
	}
	return p, nil
}

// Categories lists the subcategories of parentID (the roots when empty).
func (s *Service) Categories(ctx context.Context, parentID string) ([]store.Category, error) {
	if parentID != "" && !ids.Valid(ids.Category, parentID) {
		return nil, apperr.Invalidf("invalid parent_id")
	}
	return s.repo.Categories(ctx, parentID)
}
