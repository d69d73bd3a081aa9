package pagination

import (
	"testing"
	"time"

	"example.com/shop/internal/platform/apperr"
)

func TestSize(t *testing.T) {
	for requested, want := range map[int]int{-1: DefaultPageSize, 0: DefaultPageSize, 1: 1, 50: 50, 1000: MaxPageSize} {
		if got := Size(requested); got != want {
			t.Errorf("Size(%d) = %d, want %d", requested, got, want)
		}
	}
}

func TestTokenRoundTrip(t *testing.T) {
	k := Key{CreatedAt: time.Date(2025, 3, 14, 15, 9, 26, 535000000, time.UTC), ID: "ord_01abc"}
	got, err := Decode(Encode(k))
	if err != nil {
		t.Fatal(err)
	}
	if !got.CreatedAt.Equal(k.CreatedAt) || got.ID != k.ID {
		t.Fatalf("round trip = %+v, want %+v", got, k)
	}
	if Encode(Key{}) != "" {
		t.Fatal("zero key has a token")
	}
	if k, err := Decode(""); err != nil || !k.IsZero() {
		t.Fatalf("Decode(\"\") = %+v, %v", k, err)
	}
}

func TestDecodeRejectsGarbage(t *testing.T) {
	for _, token := range []string{"%%%", "bm90IGpzb24", "e30"} {
		if _, err := Decode(token); !apperr.Is(err, apperr.InvalidArgument) {
			t.Errorf("Decode(%q) error = %v", token, err)
		}
	}
}

func TestTrimAndNext(t *testing.T) {
	items := []string{"a", "b", "c"}
	key := func(s string) Key { return Key{ID: s} }
	page, more := Trim(items, 2)
	if len(page) != 2 || !more {
		t.Fatalf("Trim = %v, %v", page, more)
	}
	next, _ := Decode(Next(page, more, key))
	if next.ID != "b" {
		t.Fatalf("next = %+v", next)
	}
	page, more = Trim(items, 3)
	if len(page) != 3 || more || Next(page, more, key) != "" {
		t.Fatalf("last page: %v, %v", page, more)
	}
}
