// Package service holds the inventory's rules: what may be reserved, for
// how long, and the sweep that releases reservations nobody settled.
package service

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"example.com/shop/internal/inventory/store"
	"example.com/shop/internal/platform/apperr"
	"example.com/shop/internal/platform/clock"
	"example.com/shop/internal/platform/ids"
	"example.com/shop/internal/platform/logging"
	"example.com/shop/internal/platform/validate"
)

const (
	DefaultTTL  = 15 * time.Minute
	MaxTTL      = 2 * time.Hour
	maxLines    = 50
	maxQuantity = 999
)

type Service struct {
	store  *store.Store
	clock  clock.Clock
	logger *slog.Logger
}

func New(st *store.Store, c clock.Clock, logger *slog.Logger) *Service {
	return &Service{store: st, clock: c, logger: logger}
}

// Stock returns the stock of up to 100 SKUs.
func (s *Service) Stock(ctx context.Context, skus []string) ([]store.Stock, error) {
	var v validate.Validator
	v.Range("skus", int64(len(skus)), 1, 100)
	for i, sku := range skus {
		v.Matches(fmt.Sprintf("skus[%d]", i), sku, validate.SKU, "a SKU")
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	return s.store.Stock(ctx, skus)
}

// Adjust changes the quantity on hand, e.g. after a delivery (positive)
// or a stock take (negative).
func (s *Service) Adjust(ctx context.Context, sku string, delta int, reason string) (store.Stock, error) {
	var v validate.Validator
	v.Matches("sku", sku, validate.SKU, "a SKU")
	v.Check(delta != 0, "delta", "must not be zero")
	v.Range("delta", int64(delta), -100_000, 100_000)
	v.Length("reason", strings.TrimSpace(reason), 3, 200)
	if err := v.Err(); err != nil {
		return store.Stock{}, err
	}
	return s.store.Adjust(ctx, sku, delta, strings.TrimSpace(reason), s.clock.Now())
}

// Reserve holds stock for an order for ttl (DefaultTTL when zero).
func (s *Service) Reserve(ctx context.Context, orderID string, lines []store.Line, ttl time.Duration) (store.Reservation, error) {
	var v validate.Validator
	v.Check(ids.Valid(ids.Order, orderID), "order_id", "must be an order id")
	v.Range("lines", int64(len(lines)), 1, maxLines)
	v.Check(ttl >= 0 && ttl <= MaxTTL, "ttl_seconds", "must be at most %d", int(MaxTTL.Seconds()))
	for i, l := range lines {
		v.Matches(fmt.Sprintf("lines[%d].sku", i), l.SKU, validate.SKU, "a SKU")
		v.Range(fmt.Sprintf("lines[%d].quantity", i), int64(l.Quantity), 1, maxQuantity)
	}
	if err := v.Err(); err != nil {
		return store.Reservation{}, err
	}
	if ttl == 0 {
		ttl = DefaultTTL
	}
	now := s.clock.Now()
	return s.store.Reserve(ctx, store.Reservation{
		ID:        ids.NewAt(ids.Reservation, now),
		OrderID:   orderID,
		State:     store.Pending,
		Lines:     MergeLines(lines),
		ExpiresAt: now.Add(ttl),
		CreatedAt: now,
	})
}

// MergeLines adds up the quantities of lines with the same SKU, keeping
// the order of first appearance.
func MergeLines(lines []store.Line) []store.Line {
	index := make(map[string]int, len(lines))
	var out []store.Line
	for _, l := range lines {
		if i, ok := index[l.SKU]; ok {
			out[i].Quantity += l.Quantity
			continue
		}
		index[l.SKU] = len(out)
		out = append(out, l)
	}
	return out
}

// Commit settles a reservation: the goods are sold.
func (s *Service) Commit(ctx context.Context, id string) (store.Reservation, error) {
	if !ids.Valid(ids.Reservation, id) {
		return store.Reservation{}, apperr.NotFoundf("reservation %s not found", id)
	}
	return s.store.Settle(ctx, id, store.Committed, s.clock.Now())
}

// Release gives the stock of a reservation back.
func (s *Service) Release(ctx context.Context, id, reason string) (store.Reservation, error) {
	if !ids.Valid(ids.Reservation, id) {
		return store.Reservation{}, apperr.NotFoundf("reservation %s not found", id)
	}
	r, err := s.store.Settle(ctx, id, store.Released, s.clock.Now())
	if err == nil {
		logging.FromContext(ctx).InfoContext(ctx, "reservation released",
			slog.String("reservation_id", id), slog.String("order_id", r.OrderID), slog.String("reason", reason))
	}
	return r, err
}

// ReleaseExpired releases the pending reservations whose time ran out.
func (s *Service) ReleaseExpired(ctx context.Context) error {
	expired, err := s.store.Expired(ctx, s.clock.Now(), 100)
	if err != nil {
		return err
	}
	for _, id := range expired {
		if _, err := s.Release(ctx, id, "expired"); err != nil && !apperr.Is(err, apperr.FailedPrecondition) {
			return err
		}
	}
	if len(expired) > 0 {
		s.logger.InfoContext(ctx, "released expired reservations", slog.Int("count", len(expired)))
	}
	return nil
}
