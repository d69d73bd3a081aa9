// Command load drives an HTTP service on loopback for the run-time
// benchmark: CONNS keep-alive connections send GET requests back to back
// for DURATION, then it prints requests per second and the p50 and p99
// latencies in microseconds: "rps=... p50=... p99=... errors=...".
package main

import (
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"sort"
	"sync"
	"time"
)

func main() {
	url := flag.String("url", "http://127.0.0.1:8080/hello/bench", "URL to GET")
	conns := flag.Int("conns", 8, "concurrent connections")
	duration := flag.Duration("duration", 5*time.Second, "how long to send requests")
	flag.Parse()

	transport := &http.Transport{MaxIdleConnsPerHost: *conns, MaxConnsPerHost: *conns}
	client := &http.Client{Transport: transport, Timeout: 10 * time.Second}
	deadline := time.Now().Add(*duration)
	var mu sync.Mutex
	var latencies []time.Duration
	errors := 0
	var wg sync.WaitGroup
	for range *conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			failed := 0
			for time.Now().Before(deadline) {
				start := time.Now()
				resp, err := client.Get(*url)
				if err != nil {
					failed++
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					failed++
					continue
				}
				mine = append(mine, time.Since(start))
			}
			mu.Lock()
			latencies = append(latencies, mine...)
			errors += failed
			mu.Unlock()
		}()
	}
	wg.Wait()
	if len(latencies) == 0 {
		fmt.Println("rps=0 p50=0 p99=0 errors=", errors)
		os.Exit(1)
	}
	sort.Slice(latencies, func(i, j int) bool { return latencies[i] < latencies[j] })
	at := func(q float64) int64 { return latencies[int(q*float64(len(latencies)-1))].Microseconds() }
	fmt.Printf("rps=%.0f p50=%d p99=%d errors=%d\n", float64(len(latencies))/duration.Seconds(), at(0.50), at(0.99), errors)
}
