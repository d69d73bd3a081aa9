// Package clients gives the gateway typed access to the services behind
// it: the catalog and inventory over gRPC, orders over HTTP.
package clients

import (
	"context"

	"google.golang.org/grpc"

	catalogv1 "example.com/shop/api/catalogv1"
	inventoryv1 "example.com/shop/api/inventoryv1"
	"example.com/shop/internal/platform/money"
)

// Money is an amount as the public API shows it.
type Money struct {
	AmountMinor int64  `json:"amount_minor"`
	Currency    string `json:"currency"`
	Display     string `json:"display"`
}

func toMoney(minor int64, currency string) Money {
	return Money{AmountMinor: minor, Currency: currency, Display: money.Amount{Minor: minor, Currency: currency}.String()}
}

// Product is a catalog product with its availability.
type Product struct {
	ID          string `json:"id"`
	SKU         string `json:"sku"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	CategoryID  string `json:"category_id"`
	Price       Money  `json:"price"`
	Available   int    `json:"available"`
	InStock     bool   `json:"in_stock"`
}

// Category is a node of the category tree.
type Category struct {
	ID       string `json:"id"`
	Slug     string `json:"slug"`
	Name     string `json:"name"`
	ParentID string `json:"parent_id,omitempty"`
}

// Catalog reads products, categories and stock; the catalog process
// serves both gRPC services on one connection.
type Catalog struct {
	catalog   catalogv1.CatalogServiceClient
	inventory inventoryv1.InventoryServiceClient
}

func NewCatalog(conn grpc.ClientConnInterface) *Catalog {
	return &Catalog{
		catalog:   catalogv1.NewCatalogServiceClient(conn),
		inventory: inventoryv1.NewInventoryServiceClient(conn),
	}
}

// Products returns a page of active products with their stock.
func (c *Catalog) Products(ctx context.Context, categoryID string, pageSize int, pageToken string) ([]Product, string, error) {
	resp, err := c.catalog.ListProducts(ctx, &catalogv1.ListProductsRequest{
		PageSize: int32(pageSize), PageToken: pageToken, CategoryId: categoryID,
	})
	if err != nil {
		return nil, "", err
	}
	products := make([]Product, len(resp.GetProducts()))
	skus := make([]string, len(products))
	for i, p := range resp.GetProducts() {
		products[i] = toProduct(p)
		skus[i] = p.GetSku()
	}
	if len(skus) > 0 {
		stock, err := c.inventory.BatchGetStock(ctx, &inventoryv1.BatchGetStockRequest{Skus: skus})
		if err != nil {
			return nil, "", err
		}
		for i, st := range stock.GetStock() {
			if i < len(products) && st.GetSku() == products[i].SKU {
				products[i].Available = int(st.GetAvailable())
				products[i].InStock = st.GetAvailable() > 0
			}
		}
	}
	return products, resp.GetNextPageToken(), nil
}

// Product returns one product with its stock.
func (c *Catalog) Product(ctx context.Context, id string) (Product, error) {
	p, err := c.catalog.GetProduct(ctx, &catalogv1.GetProductRequest{Id: id})
	if err != nil {
		return Product{}, err
	}
	out := toProduct(p)
	st, err := c.inventory.GetStock(ctx, &inventoryv1.GetStockRequest{Sku: p.GetSku()})
	if err != nil {
		return Product{}, err
	}
	out.Available, out.InStock = int(st.GetAvailable()), st.GetAvailable() > 0
	return out, nil
}

// Categories lists the children of parentID, the roots when empty.
func (c *Catalog) Categories(ctx context.Context, parentID string) ([]Category, error) {
	resp, err := c.catalog.ListCategories(ctx, &catalogv1.ListCategoriesRequest{ParentId: parentID})
	if err != nil {
		return nil, err
	}
	out := make([]Category, 0, len(resp.GetCategories()))
	for _, cat := range resp.GetCategories() {
		out = append(out, Category{ID: cat.GetId(), Slug: cat.GetSlug(), Name: cat.GetName(), ParentID: cat.GetParentId()})
	}
	return out, nil
}

func toProduct(p *catalogv1.Product) Product {
	return Product{
		ID: p.GetId(), SKU: p.GetSku(), Name: p.GetName(), Description: p.GetDescription(),
		CategoryID: p.GetCategoryId(), Price: toMoney(p.GetPriceMinor(), p.GetCurrency()),
	}
}
