//go:build profile

package main

import (
	"fmt"
	"os"
	"runtime/pprof"
	"strconv"
	"testing"
	"time"
)

// TestProfile writes default.pgo, a CPU profile of formatting work, so
// that a build of this package is profile-guided (`go test -tags profile
// -run TestProfile .`).
func TestProfile(t *testing.T) {
	f, err := os.Create("default.pgo")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := pprof.StartCPUProfile(f); err != nil {
		t.Fatal(err)
	}
	s := ""
	for start := time.Now(); time.Since(start) < 2*time.Second; {
		for i := 0; i < 1000; i++ {
			s = fmt.Sprintf("%d-%s", i, strconv.Quote(s[:min(len(s), 10)]))
		}
	}
	pprof.StopCPUProfile()
}
