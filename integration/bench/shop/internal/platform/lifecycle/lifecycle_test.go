package lifecycle

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestRunStopsTheOthersWhenOneFails(t *testing.T) {
	boom := errors.New("boom")
	stopped := make(chan struct{})
	err := Run(context.Background(),
		func(ctx context.Context) error { <-ctx.Done(); close(stopped); return ctx.Err() },
		func(ctx context.Context) error { return boom },
	)
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
	select {
	case <-stopped:
	default:
		t.Fatal("the other component was not stopped")
	}
}

func TestEveryCallsOnEachTick(t *testing.T) {
	ticks := make(chan time.Time)
	ticker := func() (<-chan time.Time, func()) { return ticks, func() {} }
	ctx, cancel := context.WithCancel(context.Background())
	calls := make(chan int, 3)
	n := 0
	done := make(chan error)
	go func() {
		done <- Every(ticker, func(context.Context) error { n++; calls <- n; return errors.New("again") }, func(error) {})(ctx)
	}()
	for want := 1; want <= 3; want++ {
		ticks <- time.Now()
		if got := <-calls; got != want {
			t.Fatalf("call %d, want %d", got, want)
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}
