// Command bridges uses every library gorch's built-in aspects hook inside
// (net/http's server and transport, database/sql, os/signal, os.Exit)
// with no instrumentation of its own: its gorch.yaml sets each hook to a
// function that prints what it saw, so a build on each Go release shows
// that the hooks compile and reach the program there.
package main

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "hello")
	}))
	resp, err := http.Get(server.URL + "/page")
	if err != nil {
		panic(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	server.Close()
	fmt.Println("got", string(body))

	db, err := sql.Open("rows", "")
	if err != nil {
		panic(err)
	}
	var n int
	if err := db.QueryRowContext(context.Background(), "SELECT n FROM numbers").Scan(&n); err != nil {
		panic(err)
	}
	fmt.Println("n =", n)

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGTERM)
	os.Exit(3)
}
