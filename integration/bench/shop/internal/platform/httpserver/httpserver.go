// Package httpserver runs the services' HTTP servers: a gin router with
// the common middleware and probes, served until the context ends and
// then drained.
package httpserver

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"

	"github.com/gin-gonic/gin"

	"example.com/shop/internal/platform/config"
	"example.com/shop/internal/platform/health"
	"example.com/shop/internal/platform/middleware"
	"example.com/shop/internal/platform/telemetry"
)

// NewRouter returns a gin engine with the shared middleware and the
// /healthz and /readyz probes of checker.
func NewRouter(logger *slog.Logger, checker *health.Checker) *gin.Engine {
	gin.SetMode(gin.ReleaseMode)
	router := gin.New()
	router.ContextWithFallback = true
	router.HandleMethodNotAllowed = true
	router.Use(middleware.RequestID(), middleware.Recovery(logger), middleware.AccessLog(logger), middleware.Errors())
	router.NoRoute(middleware.NotFound)
	router.GET("/healthz", gin.WrapH(checker.LiveHandler()))
	router.GET("/readyz", gin.WrapH(checker.ReadyHandler()))
	return router
}

// Server is an HTTP server with graceful shutdown.
type Server struct {
	srv    *http.Server
	cfg    config.HTTPServer
	logger *slog.Logger
}

// New returns a server for handler configured by cfg.
func New(cfg config.HTTPServer, handler http.Handler, logger *slog.Logger) *Server {
	srv := &http.Server{
		Addr:              cfg.Addr,
		Handler:           telemetry.Handler(handler),
		ReadHeaderTimeout: cfg.ReadHeaderTimeout,
		WriteTimeout:      cfg.WriteTimeout,
		IdleTimeout:       cfg.IdleTimeout,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	return &Server{srv: srv, cfg: cfg, logger: logger}
}

// Run serves until ctx ends, then stops accepting connections and waits
// up to the shutdown timeout for requests in flight.
func (s *Server) Run(ctx context.Context) error {
	s.srv.BaseContext = func(net.Listener) context.Context { return context.WithoutCancel(ctx) }
	errc := make(chan error, 1)
	go func() {
		s.logger.Info("http server listening", slog.String("addr", s.cfg.Addr))
		errc <- s.srv.ListenAndServe()
	}()
	select {
	case err := <-errc:
		return fmt.Errorf("http server: %w", err)
	case <-ctx.Done():
	}
	s.logger.Info("http server shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), s.cfg.ShutdownTimeout)
	defer cancel()
	if err := s.srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("http server shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
