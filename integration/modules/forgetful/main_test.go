package main

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"sync"
	"testing"
)

// Requests served side by side, each starting goroutines: under -race,
// nothing the build adds may race.
func TestWorkSideBySide(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	handler, err := setup(l.Addr().String(), "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go http.Serve(l, handler)

	const want = "3 items, leaf get, leaf do, SERVING, 3 names, top 3, least 1, sum 6, mean 2.0\n"
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, err := http.Get("http://" + l.Addr().String() + "/work")
			if err != nil {
				errs <- err
				return
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			if string(b) != want {
				errs <- fmt.Errorf("got %q, want %q", b, want)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
