// Command uncovered routes with chi, which gorch instruments, and keeps its
// orders in Cassandra through gocql, which it does not.
package main

import (
	"fmt"
	"net/http"

	"example.com/uncovered/legacy"
	"github.com/go-chi/chi/v5"
	"github.com/gocql/gocql"
)

func main() {
	var cluster *gocql.ClusterConfig = legacy.Cluster("127.0.0.1")
	r := chi.NewRouter()
	r.Get("/", func(w http.ResponseWriter, r *http.Request) { fmt.Fprintln(w, cluster.Keyspace) })
	fmt.Println("built")
}
