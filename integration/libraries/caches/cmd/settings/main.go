// settings is an HTTP service that keeps its settings in etcd through the
// etcd v3 client. Each request to /setting/{name} writes the setting with
// the request's context, reads it back, and counts the settings from a
// goroutine with no context. It has no instrumentation of its own.
package main

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"os"
	"time"

	clientv3 "go.etcd.io/etcd/client/v3"
)

func main() {
	client, err := clientv3.New(clientv3.Config{
		Endpoints:   []string{os.Getenv("ETCD_ADDR")},
		DialTimeout: 5 * time.Second,
	})
	if err != nil {
		log.Fatal(err)
	}
	defer client.Close()

	http.HandleFunc("GET /setting/{name}", func(w http.ResponseWriter, r *http.Request) {
		key := "settings/" + r.PathValue("name")
		if _, err := client.Put(r.Context(), key, "on"); err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		got, err := client.Get(r.Context(), key)
		if err != nil || len(got.Kvs) != 1 {
			http.Error(w, fmt.Sprint("get: ", err), http.StatusBadGateway)
			return
		}
		counted := make(chan int64)
		go func() {
			all, err := client.Get(context.Background(), "settings/", clientv3.WithPrefix(), clientv3.WithCountOnly())
			if err != nil {
				counted <- -1
				return
			}
			counted <- all.Count
		}()
		fmt.Fprintf(w, "%s = %s, %d settings\n", key, got.Kvs[0].Value, <-counted)
	})
	log.Fatal(http.ListenAndServe(os.Getenv("LISTEN"), nil))
}
