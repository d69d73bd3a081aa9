// ledger reads the bills topic from its start through segmentio/kafka-go
// and prints each bill with its own headers. It listens on LISTEN (and
// serves nothing) once its reader is made, so that whoever started it knows
// it is up. It has no instrumentation of its own.
package main

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"os"
	"time"

	"github.com/segmentio/kafka-go"
)

func main() {
	reader := kafka.NewReader(kafka.ReaderConfig{Brokers: []string{os.Getenv("KAFKA_ADDR")}, Topic: "bills", MaxWait: 100 * time.Millisecond})
	go func() { log.Fatal(http.ListenAndServe(os.Getenv("LISTEN"), nil)) }()
	for {
		bill, err := reader.ReadMessage(context.Background())
		if err != nil {
			log.Fatal(err)
		}
		var own []string
		for _, h := range bill.Headers {
			if h.Key != "traceparent" && h.Key != "tracestate" {
				own = append(own, h.Key+"="+string(h.Value))
			}
		}
		fmt.Printf("ledger %s %v at offset %d\n", bill.Value, own, bill.Offset)
	}
}
