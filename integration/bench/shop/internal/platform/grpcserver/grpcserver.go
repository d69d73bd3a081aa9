// Package grpcserver runs the services' gRPC servers with the shared
// interceptors (recovery, request ids, logging, error mapping), the
// standard health service and reflection.
package grpcserver

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/keepalive"
	"google.golang.org/grpc/reflection"

	"example.com/shop/internal/platform/config"
	"example.com/shop/internal/platform/telemetry"
)

// Server is a gRPC server with health reporting and graceful shutdown.
type Server struct {
	*grpc.Server
	health *health.Server
	cfg    config.GRPCServer
	logger *slog.Logger
}

// New returns a server configured by cfg; register services on it, then
// call Run.
func New(cfg config.GRPCServer, logger *slog.Logger) *Server {
	opts := []grpc.ServerOption{
		grpc.ChainUnaryInterceptor(
			recoverUnary(logger),
			requestIDUnary(),
			logUnary(logger),
			errorsUnary(),
		),
		grpc.MaxRecvMsgSize(cfg.MaxRecvMsgSize),
		grpc.KeepaliveParams(keepalive.ServerParameters{
			MaxConnectionIdle: 5 * time.Minute,
			Time:              time.Minute,
			Timeout:           20 * time.Second,
		}),
		grpc.KeepaliveEnforcementPolicy(keepalive.EnforcementPolicy{
			MinTime:             15 * time.Second,
			PermitWithoutStream: true,
		}),
	}
	opts = append(opts, telemetry.ServerOptions()...)
	srv := grpc.NewServer(opts...)

	hs := health.NewServer()
	healthpb.RegisterHealthServer(srv, hs)
	reflection.Register(srv)
	return &Server{Server: srv, health: hs, cfg: cfg, logger: logger}
}

// SetServing marks the named service (the empty name is the whole server)
// as serving in the health service.
func (s *Server) SetServing(service string) {
	s.health.SetServingStatus(service, healthpb.HealthCheckResponse_SERVING)
}

// Run serves until ctx ends, then reports NOT_SERVING, lets the calls in
// flight finish for up to the shutdown timeout, and stops.
func (s *Server) Run(ctx context.Context) error {
	lis, err := net.Listen("tcp", s.cfg.Addr)
	if err != nil {
		return fmt.Errorf("grpc server: %w", err)
	}
	for name := range s.GetServiceInfo() {
		s.SetServing(name)
	}
	s.SetServing("")

	errc := make(chan error, 1)
	go func() {
		s.logger.Info("grpc server listening", slog.String("addr", lis.Addr().String()))
		errc <- s.Serve(lis)
	}()
	select {
	case err := <-errc:
		return fmt.Errorf("grpc server: %w", err)
	case <-ctx.Done():
	}

	s.logger.Info("grpc server shutting down")
	s.health.Shutdown()
	stopped := make(chan struct{})
	go func() {
		s.GracefulStop()
		close(stopped)
	}()
	select {
	case <-stopped:
	case <-time.After(s.cfg.ShutdownTimeout):
		s.logger.Warn("grpc calls still running at shutdown timeout; stopping")
		s.Stop()
	}
	return <-errc
}
