// caches is an HTTP service that counts visits in Redis (go-redis) and
// keeps greetings in memcached (gomemcache). Each request to /visit/{name}
// sends Redis commands with the request's context, from a goroutine with no
// context at all, and in a pipeline, then misses, sets and gets a
// memcached item. It has no instrumentation of its own.
package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"
	"os"
	"sync"
	"time"

	"github.com/bradfitz/gomemcache/memcache"
	"github.com/redis/go-redis/v9"
)

func main() {
	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})
	mc := memcache.New(os.Getenv("MEMCACHED_ADDR"))

	http.HandleFunc("GET /visit/{name}", func(w http.ResponseWriter, r *http.Request) {
		name := r.PathValue("name")
		visits, err := rdb.Incr(r.Context(), "visits:"+name).Result()
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}

		// Work handed to a goroutine, with no context to carry the request.
		var previous string
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			ctx := context.Background()
			previous, _ = rdb.Get(ctx, "last").Result()
			rdb.Set(ctx, "last", name, time.Hour)
		}()
		wg.Wait()

		var total *redis.IntCmd
		if _, err := rdb.Pipelined(r.Context(), func(p redis.Pipeliner) error {
			total = p.Incr(r.Context(), "total")
			p.Expire(r.Context(), "total", time.Hour)
			return nil
		}); err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}

		key := "greeting:" + name
		_, err = mc.Get(key)
		missed := errors.Is(err, memcache.ErrCacheMiss)
		if err := mc.Set(&memcache.Item{Key: key, Value: []byte("hello " + name)}); err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		item, err := mc.Get(key)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		fmt.Fprintf(w, "%s: visit %d of %d, after %q, memcached missed %v\n", item.Value, visits, total.Val(), previous, missed)
	})
	log.Fatal(http.ListenAndServe(os.Getenv("LISTEN"), nil))
}
