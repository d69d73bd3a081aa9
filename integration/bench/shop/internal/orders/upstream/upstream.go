// Package upstream adapts the gRPC APIs of the catalog, inventory and
// payments services to what the orders service needs of them.
package upstream

import (
	"context"

	"google.golang.org/grpc"

	catalogv1 "example.com/shop/api/catalogv1"
	inventoryv1 "example.com/shop/api/inventoryv1"
	paymentsv1 "example.com/shop/api/paymentsv1"
	"example.com/shop/internal/carts"
	"example.com/shop/internal/orders"
	"example.com/shop/internal/platform/money"
)

// Catalog implements carts.Catalog.
type Catalog struct {
	client catalogv1.CatalogServiceClient
}

func NewCatalog(conn grpc.ClientConnInterface) *Catalog {
	return &Catalog{client: catalogv1.NewCatalogServiceClient(conn)}
}

func (c *Catalog) Product(ctx context.Context, id string) (carts.Product, error) {
	p, err := c.client.GetProduct(ctx, &catalogv1.GetProductRequest{Id: id})
	if err != nil {
		return carts.Product{}, err
	}
	return carts.Product{
		ID:     p.GetId(),
		SKU:    p.GetSku(),
		Name:   p.GetName(),
		Price:  money.Amount{Minor: p.GetPriceMinor(), Currency: p.GetCurrency()},
		Active: p.GetActive(),
	}, nil
}

// Inventory reserves and settles stock.
type Inventory struct {
	client inventoryv1.InventoryServiceClient
}

func NewInventory(conn grpc.ClientConnInterface) *Inventory {
	return &Inventory{client: inventoryv1.NewInventoryServiceClient(conn)}
}

// Reserve holds the stock of an order's lines and returns the reservation id.
func (i *Inventory) Reserve(ctx context.Context, o orders.Order) (string, error) {
	req := &inventoryv1.ReserveStockRequest{OrderId: o.ID}
	for _, l := range o.Lines {
		req.Lines = append(req.Lines, &inventoryv1.ReservationLine{Sku: l.SKU, Quantity: int32(l.Quantity)})
	}
	r, err := i.client.ReserveStock(ctx, req)
	if err != nil {
		return "", err
	}
	return r.GetId(), nil
}

func (i *Inventory) Commit(ctx context.Context, reservationID string) error {
	_, err := i.client.CommitReservation(ctx, &inventoryv1.CommitReservationRequest{ReservationId: reservationID})
	return err
}

func (i *Inventory) Release(ctx context.Context, reservationID, reason string) error {
	_, err := i.client.ReleaseReservation(ctx, &inventoryv1.ReleaseReservationRequest{
		ReservationId: reservationID, Reason: reason,
	})
	return err
}

// Payments moves the money of orders.
type Payments struct {
	client paymentsv1.PaymentsServiceClient
}

func NewPayments(conn grpc.ClientConnInterface) *Payments {
	return &Payments{client: paymentsv1.NewPaymentsServiceClient(conn)}
}

// Authorization is the outcome of a card authorization.
type Authorization struct {
	PaymentID     string
	Approved      bool
	DeclineReason string
}

// Authorize places a hold of the order's total on the card; the order id
// is the idempotency key, so a retried checkout cannot charge twice.
func (p *Payments) Authorize(ctx context.Context, o orders.Order, cardToken string) (Authorization, error) {
	pay, err := p.client.AuthorizePayment(ctx, &paymentsv1.AuthorizePaymentRequest{
		OrderId:        o.ID,
		AmountMinor:    o.Totals.Total.Minor,
		Currency:       o.Totals.Total.Currency,
		CardToken:      cardToken,
		IdempotencyKey: "order:" + o.ID,
	})
	if err != nil {
		return Authorization{}, err
	}
	return Authorization{
		PaymentID:     pay.GetId(),
		Approved:      pay.GetStatus() == paymentsv1.PaymentStatus_PAYMENT_STATUS_AUTHORIZED,
		DeclineReason: pay.GetDeclineReason(),
	}, nil
}

func (p *Payments) Capture(ctx context.Context, paymentID string) error {
	_, err := p.client.CapturePayment(ctx, &paymentsv1.CapturePaymentRequest{PaymentId: paymentID})
	return err
}

func (p *Payments) Void(ctx context.Context, paymentID string) error {
	_, err := p.client.VoidPayment(ctx, &paymentsv1.VoidPaymentRequest{PaymentId: paymentID})
	return err
}

func (p *Payments) Refund(ctx context.Context, paymentID, reason string) error {
	_, err := p.client.RefundPayment(ctx, &paymentsv1.RefundPaymentRequest{PaymentId: paymentID, Reason: reason})
	return err
}
