// billing is an HTTP service that writes a bill to Kafka through
// segmentio/kafka-go for each request to /bill/{item}, with a header of its
// own, and answers with the header it still holds (the program's message is
// its own). It has no instrumentation of its own.
package main

import (
	"fmt"
	"log"
	"net/http"
	"os"

	"github.com/segmentio/kafka-go"
)

func main() {
	writer := &kafka.Writer{Addr: kafka.TCP(os.Getenv("KAFKA_ADDR")), Topic: "bills", BatchSize: 1}
	http.HandleFunc("GET /bill/{item}", func(w http.ResponseWriter, r *http.Request) {
		bill := kafka.Message{Value: []byte(r.PathValue("item")), Headers: []kafka.Header{{Key: "currency", Value: []byte("EUR")}}}
		if err := writer.WriteMessages(r.Context(), bill); err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		fmt.Fprintf(w, "billed %s with %d header(s)\n", bill.Value, len(bill.Headers))
	})
	log.Fatal(http.ListenAndServe(os.Getenv("LISTEN"), nil))
}
