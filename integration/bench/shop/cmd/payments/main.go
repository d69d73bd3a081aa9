// Command payments serves card payments over gRPC (shop.payments.v1),
// against the sandbox processor, with health probes on a separate admin
// port.
//
// Configuration (environment):
//
//	PAYMENTS_DATABASE_URL   Postgres DSN (required)
//	PAYMENTS_GRPC_ADDR      listen address, default :9091
//	ADMIN_ADDR              health probes, default :9464
//	SANDBOX_LIMIT_MINOR     largest amount the sandbox approves, default 500000
//	SANDBOX_LATENCY         simulated processor latency, default 50ms
package main

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"time"

	paymentsapi "example.com/shop/internal/payments/grpcapi"
	paymentsservice "example.com/shop/internal/payments/service"
	paymentsstore "example.com/shop/internal/payments/store"
	"example.com/shop/internal/platform/clock"
	"example.com/shop/internal/platform/config"
	"example.com/shop/internal/platform/database"
	"example.com/shop/internal/platform/grpcserver"
	"example.com/shop/internal/platform/health"
	"example.com/shop/internal/platform/lifecycle"
	"example.com/shop/internal/platform/logging"
	"example.com/shop/internal/platform/migrate"
	"example.com/shop/internal/platform/telemetry"
)

func main() {
	if err := run(); err != nil {
		slog.Error("payments stopped", logging.Err(err))
		os.Exit(1)
	}
}

func run() error {
	defer telemetry.Setup()()

	env := config.FromOS()
	service := env.Service("payments")
	dbConfig := env.Database("PAYMENTS_")
	grpcConfig := env.GRPCServer("PAYMENTS_", ":9091")
	adminAddr := env.String("ADMIN_ADDR", ":9464")
	sandbox := paymentsservice.Sandbox{
		Limit:   int64(env.Int("SANDBOX_LIMIT_MINOR", 500_000)),
		Latency: env.Duration("SANDBOX_LATENCY", 50*time.Millisecond),
	}
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
		if err := migrate.Up(ctx, db, "payments", paymentsstore.Migrations(), logger); err != nil {
			return err
		}
	}

	payments := paymentsservice.New(paymentsstore.New(db), sandbox, clock.System{})
	server := grpcserver.New(grpcConfig, logger)
	paymentsapi.Register(server, payments)

	checker := health.New(2 * time.Second)
	checker.Add("database", db.PingContext)
	admin := func(ctx context.Context) error {
		// Probes only: no graceful shutdown, the process exits under them.
		errc := make(chan error, 1)
		go func() {
			logger.Info("admin server listening", slog.String("addr", adminAddr))
			errc <- http.ListenAndServe(adminAddr, telemetry.Handler(checker.Mux()))
		}()
		select {
		case err := <-errc:
			return fmt.Errorf("admin server: %w", err)
		case <-ctx.Done():
			return nil
		}
	}
	return lifecycle.Run(ctx, server.Run, admin)
}
