// Package cache keeps values in Redis, through go-redis, for which gorch
// has no aspect.
package cache

import "github.com/redis/go-redis/v9"

// New returns a client of the server at addr (it connects on first use).
func New(addr string) *redis.Client {
	return redis.NewClient(&redis.Options{Addr: addr})
}
