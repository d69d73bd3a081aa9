package service

import (
	"context"
	"testing"
	"time"

	"example.com/shop/internal/catalog/store"
	"example.com/shop/internal/platform/apperr"
	"example.com/shop/internal/platform/clock"
	"example.com/shop/internal/platform/ids"
)

type memRepo struct {
	products []store.Product
}

func (m *memRepo) Product(_ context.Context, id string) (store.Product, error) {
	for _, p := range m.products {
		if p.ID == id {
			return p, nil
		}
	}
	return store.Product{}, apperr.NotFoundf("product %s not found", id)
}

func (m *memRepo) Products(_ context.Context, f store.ListFilter) ([]store.Product, error) {
	var out []store.Product
	for _, p := range m.products {
		if p.ID > f.After.ID && len(out) < f.Limit {
			out = append(out, p)
		}
	}
	return out, nil
}

func (m *memRepo) CreateProduct(_ context.Context, p store.Product) error {
	m.products = append(m.products, p)
	return nil
}

func (m *memRepo) Categories(context.Context, string) ([]store.Category, error) { return nil, nil }

func TestCreateNormalizesAndValidates(t *testing.T) {
	repo := &memRepo{}
	svc := New(repo, clock.NewManual(time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)))
	category := ids.New(ids.Category)

	p, err := svc.Create(context.Background(), NewProduct{
		SKU: " tshirt-red-xl ", Name: "Red T-shirt", CategoryID: category, PriceMinor: 1999, Currency: "eur",
	})
	if err != nil {
		t.Fatal(err)
	}
	if p.SKU != "TSHIRT-RED-XL" || p.Price.String() != "19.99 EUR" || !ids.Valid(ids.Product, p.ID) {
		t.Fatalf("product = %+v", p)
	}

	_, err = svc.Create(context.Background(), NewProduct{SKU: "?", Name: "x", CategoryID: "nope", Currency: "XXX"})
	if got := len(apperr.Fields(err)); got != 5 {
		t.Fatalf("violations = %d (%v)", got, err)
	}
}

func TestListPages(t *testing.T) {
	repo := &memRepo{}
	svc := New(repo, clock.System{})
	for range 5 {
		if _, err := svc.Create(context.Background(), NewProduct{
			SKU: "MUG-" + ids.New("x")[2:8], Name: "Mug", CategoryID: ids.New(ids.Category), PriceMinor: 900, Currency: "EUR",
		}); err != nil {
			t.Fatal(err)
		}
		time.Sleep(2 * time.Millisecond)
	}
	var seen int
	token := ""
	for pages := 1; ; pages++ {
		page, err := svc.List(context.Background(), ListParams{PageSize: 2, PageToken: token})
		if err != nil {
			t.Fatal(err)
		}
		seen += len(page.Products)
		if token = page.NextPageToken; token == "" {
			if pages != 3 || seen != 5 {
				t.Fatalf("%d pages, %d products", pages, seen)
			}
			return
		}
	}
}
