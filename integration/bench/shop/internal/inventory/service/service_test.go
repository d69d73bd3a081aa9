package service

import (
	"reflect"
	"testing"

	"example.com/shop/internal/inventory/store"
)

func TestMergeLines(t *testing.T) {
	got := MergeLines([]store.Line{
		{SKU: "MUG-BLUE", Quantity: 1},
		{SKU: "TSHIRT-RED-XL", Quantity: 2},
		{SKU: "MUG-BLUE", Quantity: 3},
	})
	want := []store.Line{{SKU: "MUG-BLUE", Quantity: 4}, {SKU: "TSHIRT-RED-XL", Quantity: 2}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("MergeLines = %v, want %v", got, want)
	}
}
