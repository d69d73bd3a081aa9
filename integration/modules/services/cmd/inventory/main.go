// Command inventory serves GET /stock/:item with gin from a SQLite
// database, and the standard gRPC health service. It has no tracing code.
package main

import (
	"context"
	"database/sql"
	"log"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"

	"github.com/gin-gonic/gin"
	"google.golang.org/grpc"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	_ "modernc.org/sqlite"
)

func main() {
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		log.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	if _, err := db.Exec("CREATE TABLE stock (item TEXT PRIMARY KEY, count INTEGER); INSERT INTO stock VALUES ('tea', 42)"); err != nil {
		log.Fatal(err)
	}

	gin.SetMode(gin.ReleaseMode)
	router := gin.New()
	router.GET("/stock/:item", func(c *gin.Context) {
		count, err := lookup(c.Request.Context(), db, c.Param("item"))
		if err != nil {
			c.String(http.StatusNotFound, "0")
			return
		}
		c.String(http.StatusOK, "%d", count)
	})
	go func() {
		if err := router.Run(os.Getenv("LISTEN")); err != nil {
			log.Fatal(err)
		}
	}()

	lis, err := net.Listen("tcp", os.Getenv("LISTEN_GRPC"))
	if err != nil {
		log.Fatal(err)
	}
	status := health.NewServer()
	status.SetServingStatus("inventory", healthpb.HealthCheckResponse_SERVING)
	server := grpc.NewServer()
	healthpb.RegisterHealthServer(server, status)
	go server.Serve(lis)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
	server.GracefulStop()
}

// lookup counts an item in stock.
//
//gorch:span stock.lookup
func lookup(ctx context.Context, db *sql.DB, item string) (int, error) {
	var count int
	err := db.QueryRowContext(ctx, "SELECT count FROM stock WHERE item = ?", item).Scan(&count)
	slog.InfoContext(ctx, "lookup", "item", item, "count", count)
	return count, err
}
