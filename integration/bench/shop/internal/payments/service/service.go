// Package service authorizes, captures, voids and refunds payments,
// enforcing the payment state machine and idempotent authorization.
package service

import (
	"context"
	"errors"
	"log/slog"
	"strings"

	"example.com/shop/internal/payments/store"
	"example.com/shop/internal/platform/apperr"
	"example.com/shop/internal/platform/clock"
	"example.com/shop/internal/platform/ids"
	"example.com/shop/internal/platform/logging"
	"example.com/shop/internal/platform/money"
	"example.com/shop/internal/platform/validate"
)

type Service struct {
	store     *store.Store
	processor Processor
	clock     clock.Clock
}

func New(st *store.Store, p Processor, c clock.Clock) *Service {
	return &Service{store: st, processor: p, clock: c}
}

// AuthorizeParams asks for a hold on a card for an order.
type AuthorizeParams struct {
	OrderID        string
	Amount         money.Amount
	CardToken      string
	IdempotencyKey string
}

func (p AuthorizeParams) validate() error {
	var v validate.Validator
	v.Check(ids.Valid(ids.Order, p.OrderID), "order_id", "must be an order id")
	v.Range("amount_minor", p.Amount.Minor, 1, 100_000_000)
	v.OneOf("currency", p.Amount.Currency, money.Currencies()...)
	v.Required("card_token", p.CardToken)
	v.Length("idempotency_key", p.IdempotencyKey, 8, 100)
	return v.Err()
}

// Authorize places a hold on the card. A declined card gives a payment in
// status Declined, not an error. Repeating a request with the same
// idempotency key returns the first payment.
func (s *Service) Authorize(ctx context.Context, p AuthorizeParams) (store.Payment, error) {
	p.CardToken = strings.TrimSpace(p.CardToken)
	if err := p.validate(); err != nil {
		return store.Payment{}, err
	}
	if prev, err := s.store.ByIdempotencyKey(ctx, p.IdempotencyKey); err == nil {
		return s.replay(prev, p)
	} else if !apperr.Is(err, apperr.NotFound) {
		return store.Payment{}, err
	}

	now := s.clock.Now()
	pay := store.Payment{
		ID:             ids.NewAt(ids.Payment, now),
		OrderID:        p.OrderID,
		IdempotencyKey: p.IdempotencyKey,
		Amount:         p.Amount,
		CreatedAt:      now,
		UpdatedAt:      now,
	}
	auth, err := s.processor.Authorize(ctx, p.CardToken, p.Amount)
	var decline *Decline
	switch {
	case errors.As(err, &decline):
		pay.Status, pay.DeclineReason = store.Declined, decline.Code
	case err != nil:
		return store.Payment{}, apperr.Wrap(err, apperr.Unavailable, "payment processor unavailable")
	default:
		pay.Status, pay.ProcessorRef, pay.CardLast4 = store.Authorized, auth.Ref, auth.Last4
	}
	if err := s.store.Insert(ctx, pay); err != nil {
		if apperr.Is(err, apperr.AlreadyExists) {
			// A concurrent retry won; answer as it did.
			if prev, gerr := s.store.ByIdempotencyKey(ctx, p.IdempotencyKey); gerr == nil {
				return s.replay(prev, p)
			}
		}
		return store.Payment{}, err
	}
	logging.FromContext(ctx).InfoContext(ctx, "payment authorized",
		slog.String("payment_id", pay.ID), slog.String("order_id", pay.OrderID),
		slog.String("status", string(pay.Status)), slog.String("amount", pay.Amount.String()))
	return pay, nil
}

func (s *Service) replay(prev store.Payment, p AuthorizeParams) (store.Payment, error) {
	if prev.OrderID != p.OrderID || prev.Amount != p.Amount {
		return store.Payment{}, apperr.New(apperr.AlreadyExists, "idempotency key %s was used for another payment", p.IdempotencyKey)
	}
	return prev, nil
}

// Get returns a payment.
func (s *Service) Get(ctx context.Context, id string) (store.Payment, error) {
	if !ids.Valid(ids.Payment, id) {
		return store.Payment{}, apperr.NotFoundf("payment %s not found", id)
	}
	return s.store.Get(ctx, id)
}

// Capture takes the authorized money.
func (s *Service) Capture(ctx context.Context, id string) (store.Payment, error) {
	return s.transition(ctx, id, func(p *store.Payment) (*store.Refund, error) {
		switch p.Status {
		case store.Captured:
			return nil, nil
		case store.Authorized:
		default:
			return nil, apperr.Preconditionf("cannot capture a %s payment", p.Status)
		}
		if err := s.processor.Capture(ctx, p.ProcessorRef, p.Amount); err != nil {
			return nil, apperr.Wrap(err, apperr.Unavailable, "capture failed")
		}
		p.Status = store.Captured
		return nil, nil
	})
}

// Void lifts the hold of an authorized payment.
func (s *Service) Void(ctx context.Context, id string) (store.Payment, error) {
	return s.transition(ctx, id, func(p *store.Payment) (*store.Refund, error) {
		switch p.Status {
		case store.Voided, store.Declined:
			return nil, nil
		case store.Authorized:
		default:
			return nil, apperr.Preconditionf("cannot void a %s payment", p.Status)
		}
		if err := s.processor.Void(ctx, p.ProcessorRef); err != nil {
			return nil, apperr.Wrap(err, apperr.Unavailable, "void failed")
		}
		p.Status = store.Voided
		return nil, nil
	})
}

// Refund gives back amountMinor of a captured payment (all that remains
// when zero).
func (s *Service) Refund(ctx context.Context, id string, amountMinor int64, reason string) (store.Payment, error) {
	return s.transition(ctx, id, func(p *store.Payment) (*store.Refund, error) {
		if p.Status != store.Captured && p.Status != store.PartiallyRefunded {
			return nil, apperr.Preconditionf("cannot refund a %s payment", p.Status)
		}
		remaining := p.Amount.Minor - p.RefundedMinor
		if amountMinor == 0 {
			amountMinor = remaining
		}
		if amountMinor < 0 || amountMinor > remaining {
			return nil, apperr.Invalidf("refund must be between 1 and %d", remaining)
		}
		amount := money.Amount{Minor: amountMinor, Currency: p.Amount.Currency}
		if err := s.processor.Refund(ctx, p.ProcessorRef, amount); err != nil {
			return nil, apperr.Wrap(err, apperr.Unavailable, "refund failed")
		}
		p.RefundedMinor += amountMinor
		p.Status = store.PartiallyRefunded
		if p.RefundedMinor == p.Amount.Minor {
			p.Status = store.Refunded
		}
		return &store.Refund{
			ID: ids.New(ids.Refund), PaymentID: p.ID, AmountMinor: amountMinor,
			Reason: strings.TrimSpace(reason), CreatedAt: p.UpdatedAt,
		}, nil
	})
}

func (s *Service) transition(ctx context.Context, id string, change func(p *store.Payment) (*store.Refund, error)) (store.Payment, error) {
	if !ids.Valid(ids.Payment, id) {
		return store.Payment{}, apperr.NotFoundf("payment %s not found", id)
	}
	now := s.clock.Now()
	return s.store.Update(ctx, id, func(p *store.Payment) (*store.Refund, error) {
		p.UpdatedAt = now
		return change(p)
	})
}
