// Command catalog serves the product catalog and the inventory over gRPC
// (shop.catalog.v1 and shop.inventory.v1), and releases stock
// reservations that were never settled.
//
// Configuration (environment):
//
//	CATALOG_DATABASE_URL         Postgres DSN (required)
//	CATALOG_GRPC_ADDR            listen address, default :9090
//	RESERVATION_SWEEP_INTERVAL   how often lapsed reservations are released, default 1m
package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"time"

	catalogapi "example.com/shop/internal/catalog/grpcapi"
	catalogservice "example.com/shop/internal/catalog/service"
	catalogstore "example.com/shop/internal/catalog/store"
	inventoryapi "example.com/shop/internal/inventory/grpcapi"
	inventoryservice "example.com/shop/internal/inventory/service"
	inventorystore "example.com/shop/internal/inventory/store"
	"example.com/shop/internal/platform/clock"
	"example.com/shop/internal/platform/config"
	"example.com/shop/internal/platform/database"
	"example.com/shop/internal/platform/grpcserver"
	"example.com/shop/internal/platform/lifecycle"
	"example.com/shop/internal/platform/logging"
	"example.com/shop/internal/platform/migrate"
	"example.com/shop/internal/platform/telemetry"
)

func main() {
	if err := run(); err != nil {
		slog.Error("catalog stopped", logging.Err(err))
		os.Exit(1)
	}
}

func run() error {
	defer telemetry.Setup()()

	env := config.FromOS()
	service := env.Service("catalog")
	dbConfig := env.Database("CATALOG_")
	grpcConfig := env.GRPCServer("CATALOG_", ":9090")
	sweepEvery := env.Duration("RESERVATION_SWEEP_INTERVAL", time.Minute)
	if err := env.Err(); err != nil {
		return fmt.Errorf("configuration: %w", err)
	}
	logger := logging.New(logging.Options{Service: service.Name, Level: service.LogLevel, Format: service.LogFormat})

	ctx, stop := lifecycle.SignalContext(context.Background())
	defer stop()

	db, err := database.Open(ctx, dbConfig, logger)
	if err != nil {
		return err
	}
	defer db.Close()
	if dbConfig.Migrate {
		if err := migrate.Up(ctx, db, "catalog", catalogstore.Migrations(), logger); err != nil {
			return err
		}
		if err := migrate.Up(ctx, db, "inventory", inventorystore.Migrations(), logger); err != nil {
			return err
		}
	}

	clk := clock.System{}
	catalog := catalogservice.New(catalogstore.New(db), clk)
	inventory := inventoryservice.New(inventorystore.New(db), clk, logger)

	server := grpcserver.New(grpcConfig, logger)
	catalogapi.Register(server, catalog)
	inventoryapi.Register(server, inventory)

	sweeper := lifecycle.Every(lifecycle.Interval(sweepEvery), inventory.ReleaseExpired, func(err error) {
		logger.Error("releasing expired reservations", logging.Err(err))
	})
	return lifecycle.Run(ctx, server.Run, sweeper)
}
