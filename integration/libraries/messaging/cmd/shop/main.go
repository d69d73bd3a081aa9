// shop is an HTTP service that talks to the warehouse over NATS: each
// request to /ship/{item} publishes an audit message with a header of the
// program's own, then asks the warehouse to ship the item (a request and
// its reply) and answers with the reply. It has no instrumentation of its
// own.
package main

import (
	"log"
	"net/http"
	"os"
	"time"

	"github.com/nats-io/nats.go"
)

func main() {
	nc, err := nats.Connect(os.Getenv("NATS_URL"))
	if err != nil {
		log.Fatal(err)
	}
	http.HandleFunc("GET /ship/{item}", func(w http.ResponseWriter, r *http.Request) {
		item := r.PathValue("item")
		audit := &nats.Msg{Subject: "orders.audit", Header: nats.Header{"Item": {item}}, Data: []byte("ship " + item)}
		if err := nc.PublishMsg(audit); err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		reply, err := nc.Request("orders.ship", []byte(item), 5*time.Second)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		w.Write(append(reply.Data, '\n'))
	})
	log.Fatal(http.ListenAndServe(os.Getenv("LISTEN"), nil))
}
