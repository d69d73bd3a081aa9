package service

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"example.com/shop/internal/platform/money"
)

// Processor is the card network gateway that moves the money.
type Processor interface {
	Authorize(ctx context.Context, cardToken string, amount money.Amount) (Authorization, error)
	Capture(ctx context.Context, ref string, amount money.Amount) error
	Void(ctx context.Context, ref string) error
	Refund(ctx context.Context, ref string, amount money.Amount) error
}

// Authorization is an approved hold on a card.
type Authorization struct {
	Ref   string
	Last4 string
}

// Decline is a processor's refusal of a card; it is not a failure of the
// service.
type Decline struct {
	Code string
}

func (d *Decline) Error() string { return "card declined: " + d.Code }

// ErrProcessorUnavailable is returned when the processor cannot be reached.
var ErrProcessorUnavailable = errors.New("payment processor unavailable")

// Sandbox is a processor for development and tests. Tokens look like
// tok_<brand>_<last4>; the card number's last four digits pick the
// outcome, as with the real processors' test cards:
//
//	0002  declined (card_declined)
//	9995  declined (insufficient_funds)
//	0119  processor unavailable
//
// Amounts above Limit minor units are declined (amount_limit_exceeded).
type Sandbox struct {
	Limit   int64
	Latency time.Duration
}

func (s Sandbox) wait(ctx context.Context) error {
	if s.Latency <= 0 {
		return nil
	}
	select {
	case <-time.After(s.Latency):
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// ParseToken splits a sandbox card token into brand and last four digits.
func ParseToken(token string) (brand, last4 string, err error) {
	parts := strings.Split(token, "_")
	if len(parts) != 3 || parts[0] != "tok" || parts[1] == "" || len(parts[2]) != 4 {
		return "", "", fmt.Errorf("malformed card token %q", token)
	}
	for _, r := range parts[2] {
		if r < '0' || r > '9' {
			return "", "", fmt.Errorf("malformed card token %q", token)
		}
	}
	return parts[1], parts[2], nil
}

func (s Sandbox) Authorize(ctx context.Context, cardToken string, amount money.Amount) (Authorization, error) {
	if err := s.wait(ctx); err != nil {
		return Authorization{}, err
	}
	_, last4, err := ParseToken(cardToken)
	if err != nil {
		return Authorization{}, &Decline{Code: "invalid_card"}
	}
	switch {
	case last4 == "0119":
		return Authorization{}, ErrProcessorUnavailable
	case last4 == "0002":
		return Authorization{}, &Decline{Code: "card_declined"}
	case last4 == "9995":
		return Authorization{}, &Decline{Code: "insufficient_funds"}
	case s.Limit > 0 && amount.Minor > s.Limit:
		return Authorization{}, &Decline{Code: "amount_limit_exceeded"}
	}
	var ref [12]byte
	_, _ = rand.Read(ref[:])
	return Authorization{Ref: "sbx_" + hex.EncodeToString(ref[:]), Last4: last4}, nil
}

func (s Sandbox) Capture(ctx context.Context, ref string, amount money.Amount) error {
	return s.check(ctx, ref)
}

func (s Sandbox) Void(ctx context.Context, ref string) error { return s.check(ctx, ref) }

func (s Sandbox) Refund(ctx context.Context, ref string, amount money.Amount) error {
	return s.check(ctx, ref)
}

func (s Sandbox) check(ctx context.Context, ref string) error {
	if err := s.wait(ctx); err != nil {
		return err
	}
	if !strings.HasPrefix(ref, "sbx_") {
		return fmt.Errorf("unknown processor reference %q", ref)
	}
	return nil
}
