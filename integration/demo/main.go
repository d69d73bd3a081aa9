// Command demo prices a few orders through a small HTTP service it runs
// itself. It has no logging, timing or tracing code of its own:
// `gorch go run .` adds all three at build time, as gorch.yaml says.
package main

import (
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"strconv"
	"time"
)

type Order struct {
	ID    int
	Items int
}

func main() {
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /price/{items}", func(w http.ResponseWriter, r *http.Request) {
		items, err := strconv.Atoi(r.PathValue("items"))
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		fmt.Fprint(w, price(items))
	})
	go http.Serve(listener, mux)
	service := "http://" + listener.Addr().String()

	orders := []Order{{ID: 1, Items: 3}, {ID: 2, Items: 0}, {ID: 3, Items: 5}}
	for _, order := range orders {
		total, err := process(order, service)
		if err != nil {
			fmt.Printf("order %d failed: %v\n", order.ID, err)
			continue
		}
		fmt.Printf("order %d costs %d\n", order.ID, total)
	}
}

//gorch:trace
func process(order Order, service string) (int, error) {
	if err := validate(order); err != nil {
		return 0, err
	}
	return quote(service, order)
}

//gorch:trace
func validate(order Order) error {
	if order.Items == 0 {
		return errors.New("an order needs at least one item")
	}
	return nil
}

// quote asks the price service what an order costs.
//
//gorch:span order.quote
func quote(service string, order Order) (int, error) {
	resp, err := http.Get(fmt.Sprintf("%s/price/%d", service, order.Items))
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return 0, err
	}
	return strconv.Atoi(string(body))
}

//gorch:span price.compute
func price(items int) int {
	time.Sleep(time.Duration(items) * time.Millisecond)
	return items * 7
}
