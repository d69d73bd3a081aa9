// Package service runs checkout: it turns a cart into an order, reserves
// the stock, takes the payment, and undoes what it did when a step fails.
package service

import (
	"context"
	"log/slog"

	"example.com/shop/internal/carts"
	"example.com/shop/internal/customers"
	"example.com/shop/internal/orders"
	"example.com/shop/internal/orders/store"
	"example.com/shop/internal/orders/upstream"
	"example.com/shop/internal/platform/apperr"
	"example.com/shop/internal/platform/clock"
	"example.com/shop/internal/platform/ids"
	"example.com/shop/internal/platform/logging"
	"example.com/shop/internal/platform/pagination"
)

// Inventory holds and settles stock for orders.
type Inventory interface {
	Reserve(ctx context.Context, o orders.Order) (reservationID string, err error)
	Commit(ctx context.Context, reservationID string) error
	Release(ctx context.Context, reservationID, reason string) error
}

// Payments charges orders.
type Payments interface {
	Authorize(ctx context.Context, o orders.Order, cardToken string) (upstream.Authorization, error)
	Capture(ctx context.Context, paymentID string) error
	Void(ctx context.Context, paymentID string) error
	Refund(ctx context.Context, paymentID, reason string) error
}

// Deps are the service's collaborators.
type Deps struct {
	Store     *store.Store
	Carts     *carts.Service
	Customers *customers.Service
	Inventory Inventory
	Payments  Payments
	Pricing   orders.Pricing
	Clock     clock.Clock
}

type Service struct {
	Deps
}

func New(d Deps) *Service { return &Service{Deps: d} }

// Get returns an order.
func (s *Service) Get(ctx context.Context, id string) (orders.Order, error) {
	if !ids.Valid(ids.Order, id) {
		return orders.Order{}, apperr.NotFoundf("order %s not found", id)
	}
	return s.Store.Get(ctx, id)
}

// List returns a page of a customer's orders.
func (s *Service) List(ctx context.Context, customerID string, pageSize int, pageToken string) ([]orders.Order, string, error) {
	after, err := pagination.Decode(pageToken)
	if err != nil {
		return nil, "", err
	}
	if _, err := s.Customers.Get(ctx, customerID); err != nil {
		return nil, "", err
	}
	size := pagination.Size(pageSize)
	list, err := s.Store.ByCustomer(ctx, customerID, after, size+1)
	if err != nil {
		return nil, "", err
	}
	list, more := pagination.Trim(list, size)
	return list, pagination.Next(list, more, orders.Order.Key), nil
}

// Checkout places the order for a cart and pays it with the card (the
// customer's default card when cardToken is empty). A refused step leaves
// a failed order behind and returns an error saying why.
func (s *Service) Checkout(ctx context.Context, cartID, cardToken string) (orders.Order, error) {
	cart, err := s.Carts.Get(ctx, cartID)
	if err != nil {
		return orders.Order{}, err
	}
	switch {
	case cart.Status != carts.StatusOpen:
		return orders.Order{}, apperr.Preconditionf("cart %s is checked out", cartID)
	case len(cart.Items) == 0:
		return orders.Order{}, apperr.Preconditionf("cart %s is empty", cartID)
	}
	customer, err := s.Customers.Get(ctx, cart.CustomerID)
	if err != nil {
		return orders.Order{}, err
	}
	if cardToken == "" {
		cardToken = customer.CardToken
	}
	if cardToken == "" {
		return orders.Order{}, apperr.Invalidf("a card_token is required: the customer has no default card")
	}

	o, err := s.newOrder(cart)
	if err != nil {
		return orders.Order{}, err
	}
	if err := s.Store.Create(ctx, o); err != nil {
		return orders.Order{}, err
	}
	ctx = logging.With(ctx, slog.String("order_id", o.ID))
	// Undoing must finish even when the client goes away.
	undo := context.WithoutCancel(ctx)

	reservationID, err := s.Inventory.Reserve(ctx, o)
	if err != nil {
		return s.fail(undo, o, "stock unavailable", err)
	}
	if o, err = s.advance(ctx, o, orders.Reserved, func(o *orders.Order) { o.ReservationID = reservationID }); err != nil {
		s.release(undo, reservationID)
		return o, err
	}

	auth, err := s.Payments.Authorize(ctx, o, cardToken)
	if err == nil && !auth.Approved {
		o.PaymentID = auth.PaymentID
		err = apperr.New(apperr.PaymentDeclined, "card declined: %s", auth.DeclineReason)
	}
	if err != nil {
		s.release(undo, reservationID)
		return s.fail(undo, o, "payment refused", err)
	}
	o.PaymentID = auth.PaymentID

	if err := s.Payments.Capture(ctx, auth.PaymentID); err != nil {
		s.compensate(undo, "void", func() error { return s.Payments.Void(undo, auth.PaymentID) })
		s.release(undo, reservationID)
		return s.fail(undo, o, "payment capture failed", err)
	}
	if err := s.Inventory.Commit(ctx, reservationID); err != nil {
		s.compensate(undo, "refund", func() error { return s.Payments.Refund(undo, auth.PaymentID, "stock lost") })
		s.release(undo, reservationID)
		return s.fail(undo, o, "stock could not be committed", err)
	}
	return s.advance(undo, o, orders.Paid, nil)
}

func (s *Service) newOrder(cart carts.Cart) (orders.Order, error) {
	now := s.Clock.Now()
	o := orders.Order{
		ID:         ids.NewAt(ids.Order, now),
		CustomerID: cart.CustomerID,
		CartID:     cart.ID,
		Status:     orders.Pending,
		CreatedAt:  now,
		UpdatedAt:  now,
	}
	for _, it := range cart.Items {
		o.Lines = append(o.Lines, orders.Line{
			ProductID: it.ProductID, SKU: it.SKU, Name: it.Name, UnitPrice: it.UnitPrice, Quantity: it.Quantity,
		})
	}
	var err error
	o.Totals, err = s.Pricing.Compute(o.Lines, cart.Currency)
	return o, err
}

// advance moves o to status next, after applying change.
func (s *Service) advance(ctx context.Context, o orders.Order, next orders.Status, change func(*orders.Order)) (orders.Order, error) {
	if !o.Status.CanBecome(next) {
		return o, apperr.Preconditionf("order %s is %s", o.ID, o.Status)
	}
	from := o.Status
	if change != nil {
		change(&o)
	}
	o.Status, o.UpdatedAt = next, s.Clock.Now()
	if err := s.Store.Save(ctx, o, from); err != nil {
		return o, err
	}
	return o, nil
}

// fail marks o failed and returns the error of the step that failed.
func (s *Service) fail(ctx context.Context, o orders.Order, reason string, cause error) (orders.Order, error) {
	o, err := s.advance(ctx, o, orders.Failed, func(o *orders.Order) { o.FailureReason = reason + ": " + apperr.Message(cause) })
	if err != nil {
		logging.FromContext(ctx).ErrorContext(ctx, "could not mark order failed", logging.Err(err))
	}
	kind := apperr.KindOf(cause)
	if kind == apperr.Internal {
		kind = apperr.Unavailable
	}
	return o, &apperr.Error{Kind: kind, Message: "checkout failed: " + o.FailureReason, Fields: apperr.Fields(cause), Err: cause}
}

func (s *Service) release(ctx context.Context, reservationID string) {
	s.compensate(ctx, "release", func() error { return s.Inventory.Release(ctx, reservationID, "checkout failed") })
}

// compensate runs an undo step; one that fails is logged for an operator
// (the inventory also releases lapsed reservations by itself).
func (s *Service) compensate(ctx context.Context, step string, undo func() error) {
	if err := undo(); err != nil {
		logging.FromContext(ctx).ErrorContext(ctx, "compensation failed", slog.String("step", step), logging.Err(err))
	}
}

// Cancel cancels an order: before payment the stock is released, after
// it the payment is refunded.
func (s *Service) Cancel(ctx context.Context, id string) (orders.Order, error) {
	o, err := s.Get(ctx, id)
	if err != nil {
		return orders.Order{}, err
	}
	switch o.Status {
	case orders.Pending, orders.Reserved:
		if o.ReservationID != "" {
			if err := s.Inventory.Release(ctx, o.ReservationID, "order cancelled"); err != nil {
				return o, err
			}
		}
		return s.advance(ctx, o, orders.Cancelled, nil)
	case orders.Paid:
		if err := s.Payments.Refund(ctx, o.PaymentID, "order cancelled"); err != nil {
			return o, err
		}
		return s.advance(ctx, o, orders.Refunded, nil)
	default:
		return o, apperr.Preconditionf("a %s order cannot be cancelled", o.Status)
	}
}
