package ids

import (
	"testing"
	"time"
)

func TestNewIsValidAndUnique(t *testing.T) {
	seen := make(map[string]bool)
	for range 1000 {
		id := New(Order)
		if !Valid(Order, id) {
			t.Fatalf("invalid id %q", id)
		}
		if Valid(Cart, id) {
			t.Fatalf("%q valid with another prefix", id)
		}
		if seen[id] {
			t.Fatalf("duplicate id %q", id)
		}
		seen[id] = true
	}
}

func TestIDsSortByTime(t *testing.T) {
	base := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	prev := NewAt(Payment, base)
	for i := 1; i < 100; i++ {
		next := NewAt(Payment, base.Add(time.Duration(i)*time.Millisecond))
		if next <= prev {
			t.Fatalf("%q sorts before %q", next, prev)
		}
		prev = next
	}
}

func TestValidRejects(t *testing.T) {
	for _, id := range []string{"", "ord_", "ord_0123", "ord-01jabcdefghjkmnpqrstvwxyz", "ord_01JABCDEFGHJKMNPQRSTVWXY", "ord_91jabcdefghjkmnpqrstvwx"} {
		if Valid(Order, id) {
			t.Errorf("Valid(%q)", id)
		}
	}
}
