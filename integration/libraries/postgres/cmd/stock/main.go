// stock is an HTTP service that keeps a stock count in PostgreSQL, through
// pgx's own API: a pgxpool.Pool for the requests, with a query tracer of the
// program's own (it counts queries, and the count is part of each answer),
// and database/sql over pgx's stdlib driver for the audit log. Each request
// to /take/{item} reads with the request's context, updates from a
// goroutine with no context, sends a batch in a transaction, copies rows
// in, and writes the audit line through database/sql. It has no
// instrumentation of its own.
package main

import (
	"context"
	"database/sql"
	"fmt"
	"log"
	"net/http"
	"os"
	"sync"
	"sync/atomic"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	_ "github.com/jackc/pgx/v5/stdlib"
)

// counting is the program's own tracer: it counts the queries it sees.
type counting struct{ queries atomic.Int64 }

func (c *counting) TraceQueryStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceQueryStartData) context.Context {
	c.queries.Add(1)
	return ctx
}

func (c *counting) TraceQueryEnd(context.Context, *pgx.Conn, pgx.TraceQueryEndData) {}

func main() {
	ctx := context.Background()
	config, err := pgxpool.ParseConfig(os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}
	tracer := &counting{}
	config.ConnConfig.Tracer = tracer
	pool, err := pgxpool.NewWithConfig(ctx, config)
	if err != nil {
		log.Fatal(err)
	}
	db, err := sql.Open("pgx", os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}
	for _, ddl := range []string{
		"CREATE TABLE stock (item text PRIMARY KEY, count integer NOT NULL)",
		"CREATE TABLE moves (item text NOT NULL, delta integer NOT NULL)",
		"CREATE TABLE audit (line text NOT NULL)",
		"INSERT INTO stock VALUES ('apple', 10), ('pear', 5)",
	} {
		if _, err := pool.Exec(ctx, ddl); err != nil {
			log.Fatal(err)
		}
	}
	if pool.Config().ConnConfig.Tracer != tracer {
		log.Fatal("the pool's tracer is not the program's")
	}
	startQueries := tracer.queries.Load()

	http.HandleFunc("GET /take/{item}", func(w http.ResponseWriter, r *http.Request) {
		item := r.PathValue("item")
		var count int
		if err := pool.QueryRow(r.Context(), "SELECT count FROM stock WHERE item = $1", item).Scan(&count); err != nil {
			http.Error(w, err.Error(), http.StatusNotFound)
			return
		}

		// Work handed to a goroutine, with no context to carry the request.
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := pool.Exec(context.Background(), "UPDATE stock SET count = count - 1 WHERE item = $1", item); err != nil {
				log.Print(err)
			}
		}()
		wg.Wait()

		err := pgx.BeginFunc(r.Context(), pool, func(tx pgx.Tx) error {
			batch := &pgx.Batch{}
			batch.Queue("INSERT INTO moves VALUES ($1, -1)", item)
			batch.Queue("SELECT count(*) FROM moves WHERE item = $1", item)
			return tx.SendBatch(r.Context(), batch).Close()
		})
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		copied, err := pool.CopyFrom(r.Context(), pgx.Identifier{"moves"}, []string{"item", "delta"},
			pgx.CopyFromRows([][]any{{item, 0}, {item, 0}}))
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		if _, err := db.ExecContext(r.Context(), "INSERT INTO audit VALUES ($1)", "took "+item); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		fmt.Fprintf(w, "%s: had %d, copied %d, the program's tracer saw %d queries\n",
			item, count, copied, tracer.queries.Load()-startQueries)
	})
	log.Fatal(http.ListenAndServe(os.Getenv("LISTEN"), nil))
}
