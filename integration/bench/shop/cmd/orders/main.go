// Command orders serves customers, carts, checkout and orders over HTTP.
// It calls the catalog (products, inventory) and payments services over
// gRPC.
//
// Configuration (environment):
//
//	ORDERS_DATABASE_URL   Postgres DSN (required)
//	ORDERS_HTTP_ADDR      listen address, default :8081
//	CATALOG_TARGET        catalog gRPC target, default dns:///catalog:9090
//	PAYMENTS_TARGET       payments gRPC target, default dns:///payments:9091
//	TAX_BASIS_POINTS      VAT included in prices, default 1900 (19 %)
//	SHIPPING_MINOR, FREE_SHIPPING_MINOR   shipping fee and the subtotal from which it is waived
package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"time"

	"example.com/shop/internal/carts"
	"example.com/shop/internal/customers"
	"example.com/shop/internal/orders"
	"example.com/shop/internal/orders/httpapi"
	"example.com/shop/internal/orders/service"
	"example.com/shop/internal/orders/store"
	"example.com/shop/internal/orders/upstream"
	"example.com/shop/internal/platform/clock"
	"example.com/shop/internal/platform/config"
	"example.com/shop/internal/platform/database"
	"example.com/shop/internal/platform/grpcclient"
	"example.com/shop/internal/platform/health"
	"example.com/shop/internal/platform/httpserver"
	"example.com/shop/internal/platform/lifecycle"
	"example.com/shop/internal/platform/logging"
	"example.com/shop/internal/platform/migrate"
	"example.com/shop/internal/platform/telemetry"
)

func main() {
	if err := run(); err != nil {
		slog.Error("orders stopped", logging.Err(err))
		os.Exit(1)
	}
}

func run() error {
	defer telemetry.Setup()()

	env := config.FromOS()
	svc := env.Service("orders")
	dbConfig := env.Database("ORDERS_")
	httpConfig := env.HTTPServer("ORDERS_", ":8081")
	catalogUp := env.Upstream("CATALOG_", "dns:///catalog:9090")
	paymentsUp := env.Upstream("PAYMENTS_", "dns:///payments:9091")
	pricing := orders.Pricing{
		TaxBasisPoints:    int64(env.Int("TAX_BASIS_POINTS", 1900)),
		ShippingMinor:     int64(env.Int("SHIPPING_MINOR", 490)),
		FreeShippingMinor: int64(env.Int("FREE_SHIPPING_MINOR", 5000)),
	}
	if err := env.Err(); err != nil {
		return fmt.Errorf("configuration: %w", err)
	}
	logger := logging.New(logging.Options{Service: svc.Name, Level: svc.LogLevel, Format: svc.LogFormat})

	ctx, stop := lifecycle.SignalContext(context.Background())
	defer stop()

	db, err := database.Open(ctx, dbConfig, logger)
	if err != nil {
		return err
	}
	defer db.Close()
	if dbConfig.Migrate {
		for _, m := range []struct {
			component string
			migrate   func() error
		}{
			{"customers", func() error { return migrate.Up(ctx, db, "customers", customers.Migrations(), logger) }},
			{"carts", func() error { return migrate.Up(ctx, db, "carts", carts.Migrations(), logger) }},
			{"orders", func() error { return migrate.Up(ctx, db, "orders", store.Migrations(), logger) }},
		} {
			if err := m.migrate(); err != nil {
				return err
			}
		}
	}

	catalogConn, err := grpcclient.Dial(catalogUp)
	if err != nil {
		return err
	}
	defer catalogConn.Close()
	paymentsConn, err := grpcclient.Dial(paymentsUp)
	if err != nil {
		return err
	}
	defer paymentsConn.Close()

	clk := clock.System{}
	customerService := customers.NewService(db, clk)
	cartService := carts.NewService(db, upstream.NewCatalog(catalogConn), clk)
	orderService := service.New(service.Deps{
		Store:     store.New(db),
		Carts:     cartService,
		Customers: customerService,
		Inventory: upstream.NewInventory(catalogConn),
		Payments:  upstream.NewPayments(paymentsConn),
		Pricing:   pricing,
		Clock:     clk,
	})

	checker := health.New(2 * time.Second)
	checker.Add("database", db.PingContext)
	router := httpserver.NewRouter(logger, checker)
	httpapi.New(customerService, cartService, orderService).Register(router)

	server := httpserver.New(httpConfig, router, logger)
	return lifecycle.Run(ctx, server.Run)
}
