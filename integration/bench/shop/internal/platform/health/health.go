// Package health answers liveness and readiness probes. A process is live
// while it serves at all, and ready when every registered dependency
// check passes.
package health

import (
	"context"
	"encoding/json"
	"net/http"
	"sort"
	"sync"
	"time"
)

// Check reports whether a dependency is usable.
type Check func(ctx context.Context) error

// Checker runs named checks concurrently, each bounded by a timeout.
type Checker struct {
	timeout time.Duration
	mu      sync.RWMutex
	checks  map[string]Check
	started time.Time
}

// New returns a checker whose checks time out after timeout.
func New(timeout time.Duration) *Checker {
	return &Checker{timeout: timeout, checks: make(map[string]Check), started: time.Now()}
}

// Add registers a check under name.
func (c *Checker) Add(name string, check Check) {
	c.mu.Lock()
	c.checks[name] = check
	c.mu.Unlock()
}

// Report is the result of running every check.
type Report struct {
	Status string            `json:"status"`
	Uptime string            `json:"uptime"`
	Checks map[string]string `json:"checks,omitempty"`
}

// OK reports whether every check passed.
func (r Report) OK() bool { return r.Status == "ok" }

// Run runs the checks.
func (c *Checker) Run(ctx context.Context) Report {
	c.mu.RLock()
	names := make([]string, 0, len(c.checks))
	for name := range c.checks {
		names = append(names, name)
	}
	sort.Strings(names)
	checks := make([]Check, len(names))
	for i, name := range names {
		checks[i] = c.checks[name]
	}
	c.mu.RUnlock()

	results := make([]error, len(names))
	var wg sync.WaitGroup
	for i, check := range checks {
		wg.Go(func() {
			ctx, cancel := context.WithTimeout(ctx, c.timeout)
			defer cancel()
			results[i] = check(ctx)
		})
	}
	wg.Wait()

	r := Report{Status: "ok", Uptime: time.Since(c.started).Round(time.Second).String(), Checks: make(map[string]string)}
	for i, name := range names {
		if results[i] != nil {
			r.Status = "unavailable"
			r.Checks[name] = results[i].Error()
		} else {
			r.Checks[name] = "ok"
		}
	}
	return r
}

// LiveHandler answers 200 while the process serves.
func (c *Checker) LiveHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, Report{Status: "ok", Uptime: time.Since(c.started).Round(time.Second).String()})
	})
}

// ReadyHandler answers 200 when every check passes and 503 otherwise.
func (c *Checker) ReadyHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		report := c.Run(r.Context())
		status := http.StatusOK
		if !report.OK() {
			status = http.StatusServiceUnavailable
		}
		writeJSON(w, status, report)
	})
}

// Mux returns a mux serving /healthz and /readyz.
func (c *Checker) Mux() *http.ServeMux {
	mux := http.NewServeMux()
	mux.Handle("GET /healthz", c.LiveHandler())
	mux.Handle("GET /readyz", c.ReadyHandler())
	return mux
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
