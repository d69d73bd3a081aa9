// app answers /items/{item} and logs each request through zap, logrus and
// zerolog (package logs), once at start outside any request.
package main

import (
	"context"
	"fmt"
	"net/http"
	"os"

	"example.com/libraries/logs/logs"
)

func main() {
	logs.Write(context.Background(), "ready", "none")
	mux := http.NewServeMux()
	mux.HandleFunc("GET /items/{item}", func(w http.ResponseWriter, r *http.Request) {
		logs.Write(r.Context(), "request", r.PathValue("item"))
		fmt.Fprintln(w, "ok")
	})
	if err := http.ListenAndServe(os.Getenv("LISTEN"), mux); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
