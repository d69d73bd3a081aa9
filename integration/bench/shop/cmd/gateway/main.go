// Command gateway serves the shop's public HTTP API. It reads the catalog
// and stock over gRPC and forwards customer, cart and order requests to
// the orders service over HTTP.
//
// Configuration (environment):
//
//	GATEWAY_HTTP_ADDR   listen address, default :8080
//	CATALOG_TARGET      catalog gRPC target, default dns:///catalog:9090
//	ORDERS_TARGET       orders base URL, default http://orders:8081
//	ALLOWED_ORIGINS     comma-separated origins allowed to call the API from browsers
package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"time"

	healthpb "google.golang.org/grpc/health/grpc_health_v1"

	"example.com/shop/internal/gateway/clients"
	"example.com/shop/internal/gateway/handlers"
	"example.com/shop/internal/platform/config"
	"example.com/shop/internal/platform/grpcclient"
	"example.com/shop/internal/platform/health"
	"example.com/shop/internal/platform/httpclient"
	"example.com/shop/internal/platform/httpserver"
	"example.com/shop/internal/platform/lifecycle"
	"example.com/shop/internal/platform/logging"
	"example.com/shop/internal/platform/telemetry"
)

func main() {
	if err := run(); err != nil {
		slog.Error("gateway stopped", logging.Err(err))
		os.Exit(1)
	}
}

func run() error {
	defer telemetry.Setup()()

	env := config.FromOS()
	service := env.Service("gateway")
	httpConfig := env.HTTPServer("GATEWAY_", ":8080")
	catalogUp := env.Upstream("CATALOG_", "dns:///catalog:9090")
	ordersUp := env.Upstream("ORDERS_", "http://orders:8081")
	origins := env.List("ALLOWED_ORIGINS", nil)
	if err := env.Err(); err != nil {
		return fmt.Errorf("configuration: %w", err)
	}
	logger := logging.New(logging.Options{Service: service.Name, Level: service.LogLevel, Format: service.LogFormat})

	ctx, stop := lifecycle.SignalContext(context.Background())
	defer stop()

	catalogConn, err := grpcclient.Dial(catalogUp)
	if err != nil {
		return err
	}
	defer catalogConn.Close()
	ordersHTTP, err := httpclient.New(ordersUp, "shop-gateway/1")
	if err != nil {
		return err
	}

	h := handlers.New(clients.NewCatalog(catalogConn), clients.NewOrders(ordersHTTP),
		healthpb.NewHealthClient(catalogConn), ordersUp.Target)
	router := httpserver.NewRouter(logger, health.New(time.Second))
	h.Register(router, origins)

	server := httpserver.New(httpConfig, router, logger)
	return lifecycle.Run(ctx, server.Run)
}
