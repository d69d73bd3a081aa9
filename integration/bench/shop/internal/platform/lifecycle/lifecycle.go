// Package lifecycle runs the long-lived parts of a process (servers,
// background workers) together and stops them all on SIGINT or SIGTERM,
// or when one of them fails.
package lifecycle

import (
	"context"
	"errors"
	"os"
	"os/signal"
	"sync"
	"syscall"
)

// Component runs until ctx ends or it fails; it returns nil after a clean
// stop.
type Component func(ctx context.Context) error

// SignalContext returns a context that ends at SIGINT or SIGTERM.
func SignalContext(parent context.Context) (context.Context, context.CancelFunc) {
	return signal.NotifyContext(parent, os.Interrupt, syscall.SIGTERM)
}

// Run runs the components until ctx ends or the first of them fails, then
// stops the others and waits for them. It returns the errors of the
// components, without context.Canceled.
func Run(ctx context.Context, components ...Component) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		errs []error
	)
	for _, c := range components {
		wg.Go(func() {
			err := c(ctx)
			if err != nil && !errors.Is(err, context.Canceled) {
				mu.Lock()
				errs = append(errs, err)
				mu.Unlock()
			}
			cancel()
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}

// Every returns a component that calls fn at each tick of interval until
// ctx ends; an error from fn is reported to onError and does not stop it.
func Every(interval Ticker, fn func(ctx context.Context) error, onError func(error)) Component {
	return func(ctx context.Context) error {
		ticks, stop := interval()
		defer stop()
		for {
			select {
			case <-ctx.Done():
				return nil
			case <-ticks:
				if err := fn(ctx); err != nil && ctx.Err() == nil {
					onError(err)
				}
			}
		}
	}
}
