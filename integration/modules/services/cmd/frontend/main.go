// Command frontend serves GET /checkout/{item}: it asks the inventory
// service over HTTP how many of the item are in stock, and checks the
// inventory's health over gRPC, logging each checkout as JSON through
// log/slog. It has no tracing code.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
)

func main() {
	slog.SetDefault(slog.New(slog.NewJSONHandler(os.Stdout, nil)))
	inventory := os.Getenv("INVENTORY_URL")
	conn, err := grpc.NewClient(os.Getenv("INVENTORY_GRPC"), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
	health := healthpb.NewHealthClient(conn)

	mux := http.NewServeMux()
	mux.HandleFunc("GET /checkout/{item}", func(w http.ResponseWriter, r *http.Request) {
		slog.Info("checkout", "item", r.PathValue("item"))
		req, err := http.NewRequestWithContext(r.Context(), http.MethodGet, inventory+"/stock/"+r.PathValue("item"), nil)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		stock, _ := io.ReadAll(resp.Body)
		status, err := health.Check(r.Context(), &healthpb.HealthCheckRequest{Service: "inventory"})
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		fmt.Fprintf(w, "%s in stock: %s (inventory %s)\n", r.PathValue("item"), stock, status.GetStatus())
	})

	server := &http.Server{Addr: os.Getenv("LISTEN"), Handler: mux}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		server.Shutdown(context.Background())
	}()
	if err := server.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Fatal(err)
	}
}
