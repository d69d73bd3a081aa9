// Command demo processes a few orders. It has no logging or timing code of
// its own: `gorch go run .` adds both at build time, as gorch.yaml says.
package main

import (
	"errors"
	"fmt"
	"time"
)

type Order struct {
	ID    int
	Items int
}

func main() {
	orders := []Order{{ID: 1, Items: 3}, {ID: 2, Items: 0}, {ID: 3, Items: 5}}
	for _, order := range orders {
		total, err := process(order)
		if err != nil {
			fmt.Printf("order %d failed: %v\n", order.ID, err)
			continue
		}
		fmt.Printf("order %d costs %d\n", order.ID, total)
	}
}

//gorch:trace
func process(order Order) (int, error) {
	if err := validate(order); err != nil {
		return 0, err
	}
	return price(order), nil
}

//gorch:trace
func validate(order Order) error {
	if order.Items == 0 {
		return errors.New("an order needs at least one item")
	}
	return nil
}

//gorch:trace
func price(order Order) int {
	time.Sleep(time.Duration(order.Items) * time.Millisecond)
	return order.Items * 7
}
