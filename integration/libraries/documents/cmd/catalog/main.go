// catalog is an HTTP service on MongoDB through the v2 driver. Each request
// to /item/{name} inserts the item with the request's context, finds it
// again, and counts the items from a goroutine with no context. Its own
// command monitor counts the commands that succeeded, and the answer says
// how many: a monitor the program set must keep seeing every command. It
// has no instrumentation of its own.
package main

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"os"
	"sync/atomic"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/event"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

func main() {
	var succeeded atomic.Int64
	monitor := &event.CommandMonitor{
		Succeeded: func(context.Context, *event.CommandSucceededEvent) { succeeded.Add(1) },
	}
	client, err := mongo.Connect(options.Client().ApplyURI("mongodb://" + os.Getenv("MONGODB_ADDR")).SetMonitor(monitor))
	if err != nil {
		log.Fatal(err)
	}
	items := client.Database("shop").Collection("items")

	http.HandleFunc("GET /item/{name}", func(w http.ResponseWriter, r *http.Request) {
		name := r.PathValue("name")
		if _, err := items.InsertOne(r.Context(), bson.D{{Key: "name", Value: name}}); err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		var found struct{ Name string }
		if err := items.FindOne(r.Context(), bson.D{{Key: "name", Value: name}}).Decode(&found); err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		counted := make(chan int64)
		go func() {
			n, err := items.CountDocuments(context.Background(), bson.D{})
			if err != nil {
				n = -1
			}
			counted <- n
		}()
		n := <-counted
		fmt.Fprintf(w, "%s found, %d items, %d commands seen\n", found.Name, n, succeeded.Load())
	})
	log.Fatal(http.ListenAndServe(os.Getenv("LISTEN"), nil))
}
