// fulfil consumes the orders topic from its start: for each record it
// acknowledges the order to the orders service over HTTP, with the
// record's context, and prints the record, its own headers and the answer.
// It listens on LISTEN (and serves nothing) once its client is made, so
// that whoever started it knows it is up. It has no instrumentation of its
// own.
package main

import (
	"context"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"strings"

	"github.com/twmb/franz-go/pkg/kgo"
)

func main() {
	client, err := kgo.NewClient(
		kgo.SeedBrokers(os.Getenv("KAFKA_ADDR")),
		kgo.ConsumeTopics("orders"),
		kgo.ConsumeResetOffset(kgo.NewOffset().AtStart()),
	)
	if err != nil {
		log.Fatal(err)
	}
	go func() { log.Fatal(http.ListenAndServe(os.Getenv("LISTEN"), nil)) }()
	for {
		fetches := client.PollFetches(context.Background())
		if err := fetches.Err0(); err != nil {
			log.Fatal(err)
		}
		fetches.EachRecord(func(record *kgo.Record) {
			var own []string
			for _, h := range record.Headers {
				if h.Key != "traceparent" && h.Key != "tracestate" {
					own = append(own, h.Key+"="+string(h.Value))
				}
			}
			ctx := record.Context // set by the client's hooks, if any
			if ctx == nil {
				ctx = context.Background()
			}
			req, err := http.NewRequestWithContext(ctx, "GET", os.Getenv("ORDERS_URL")+"/ack/"+string(record.Value), nil)
			if err != nil {
				log.Fatal(err)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				log.Fatal(err)
			}
			answer, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			fmt.Printf("fulfil %s %v: %s\n", record.Value, own, strings.TrimSpace(string(answer)))
		})
	}
}
