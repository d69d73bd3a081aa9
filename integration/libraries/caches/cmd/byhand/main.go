// byhand instruments its Redis client itself, with redisotel, as a program
// written before gorch would: it runs one job, a span of its own around one
// command, and exits.
package main

import (
	"context"
	"log"
	"os"

	"github.com/redis/go-redis/extra/redisotel/v9"
	"github.com/redis/go-redis/v9"
	"go.opentelemetry.io/otel"
)

func main() {
	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})
	if err := redisotel.InstrumentTracing(rdb); err != nil {
		log.Fatal(err)
	}
	ctx, span := otel.Tracer("byhand").Start(context.Background(), "job")
	if err := rdb.Incr(ctx, "jobs").Err(); err != nil {
		log.Fatal(err)
	}
	span.End()
}
