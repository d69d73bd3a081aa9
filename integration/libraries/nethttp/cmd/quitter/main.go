// Command quitter serves GET /work (which calls its own /ping) and ends
// the way most programs end, chosen by $MODE:
//
//	fatal   GET /quit makes main call log.Fatal: exit status 1
//	signal  main is log.Fatal(http.ListenAndServe(...)); SIGTERM or SIGINT
//	        ends it
//
// It has no tracing code and no signal handling.
package main

import (
	"io"
	"log"
	"net/http"
	"os"
)

func main() {
	addr := os.Getenv("LISTEN")
	quit := make(chan struct{})
	mux := http.NewServeMux()
	mux.HandleFunc("GET /ping", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "pong")
	})
	mux.HandleFunc("GET /work", func(w http.ResponseWriter, r *http.Request) {
		req, _ := http.NewRequestWithContext(r.Context(), http.MethodGet, "http://"+addr+"/ping", nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		io.Copy(w, resp.Body)
	})
	mux.HandleFunc("GET /quit", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "bye")
		close(quit)
	})
	if os.Getenv("MODE") == "signal" {
		log.Fatal(http.ListenAndServe(addr, mux))
	}
	go http.ListenAndServe(addr, mux)
	<-quit
	log.Fatal("quitting")
}
