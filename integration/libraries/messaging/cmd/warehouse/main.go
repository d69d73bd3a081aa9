// warehouse answers the shop's requests over NATS: it ships what it is
// asked to (a reply per request) and prints every audit message it gets,
// with the header the shop set. Once subscribed it listens on LISTEN, so
// that whoever started it knows it is ready. It has no instrumentation of
// its own.
package main

import (
	"fmt"
	"log"
	"net/http"
	"os"
	"sort"
	"strings"

	"github.com/nats-io/nats.go"
)

func main() {
	nc, err := nats.Connect(os.Getenv("NATS_URL"))
	if err != nil {
		log.Fatal(err)
	}
	shipped := 0
	if _, err := nc.Subscribe("orders.ship", func(m *nats.Msg) {
		shipped++
		if err := m.Respond([]byte(fmt.Sprintf("shipped %s (%d so far)", m.Data, shipped))); err != nil {
			log.Print(err)
		}
	}); err != nil {
		log.Fatal(err)
	}
	if _, err := nc.Subscribe("orders.audit", func(m *nats.Msg) {
		// The program's own headers, as it set them.
		var own []string
		for key, values := range m.Header {
			if !strings.EqualFold(key, "traceparent") && !strings.EqualFold(key, "tracestate") {
				own = append(own, key+"="+strings.Join(values, ","))
			}
		}
		sort.Strings(own)
		fmt.Printf("audit: %s %v\n", m.Data, own)
	}); err != nil {
		log.Fatal(err)
	}
	if err := nc.Flush(); err != nil {
		log.Fatal(err)
	}
	log.Fatal(http.ListenAndServe(os.Getenv("LISTEN"), nil))
}
