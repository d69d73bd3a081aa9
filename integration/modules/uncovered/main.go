// Command uncovered routes with chi, which gorch instruments, and caches
// in Redis through go-redis, which it does not.
package main

import (
	"fmt"
	"net/http"

	"example.com/uncovered/cache"
	"github.com/go-chi/chi/v5"
	"github.com/redis/go-redis/v9"
)

func main() {
	var client *redis.Client = cache.New("127.0.0.1:6379")
	r := chi.NewRouter()
	r.Get("/", func(w http.ResponseWriter, r *http.Request) { fmt.Fprintln(w, client.Options().Addr) })
	fmt.Println("built")
}
