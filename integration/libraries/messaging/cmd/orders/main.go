// orders is an HTTP service that produces an order record to Kafka for
// each request to /order/{item} (with a header of its own), and takes the
// fulfilment service's acknowledgements on /ack/{item}. It has no
// instrumentation of its own.
package main

import (
	"fmt"
	"log"
	"net/http"
	"os"
	"sync/atomic"

	"github.com/twmb/franz-go/pkg/kgo"
)

func main() {
	client, err := kgo.NewClient(kgo.SeedBrokers(os.Getenv("KAFKA_ADDR")))
	if err != nil {
		log.Fatal(err)
	}
	var acks atomic.Int64
	http.HandleFunc("GET /order/{item}", func(w http.ResponseWriter, r *http.Request) {
		record := &kgo.Record{
			Topic:   "orders",
			Value:   []byte(r.PathValue("item")),
			Headers: []kgo.RecordHeader{{Key: "source", Value: []byte("web")}},
		}
		if err := client.ProduceSync(r.Context(), record).FirstErr(); err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		fmt.Fprintf(w, "order %s at offset %d\n", record.Value, record.Offset)
	})
	http.HandleFunc("GET /ack/{item}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "ack %d for %s\n", acks.Add(1), r.PathValue("item"))
	})
	log.Fatal(http.ListenAndServe(os.Getenv("LISTEN"), nil))
}
