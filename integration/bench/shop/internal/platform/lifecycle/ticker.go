package lifecycle

import "time"

// Ticker starts a stream of ticks and returns it with its stop function.
type Ticker func() (<-chan time.Time, func())

// Interval ticks every d.
func Interval(d time.Duration) Ticker {
	return func() (<-chan time.Time, func()) {
		t := time.NewTicker(d)
		return t.C, t.Stop
	}
}
