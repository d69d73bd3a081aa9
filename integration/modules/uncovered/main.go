// Command uncovered routes with chi, which gorch instruments, and serves an
// old API through httprouter, which it does not.
package main

import (
	"fmt"
	"net/http"

	"example.com/uncovered/legacy"
	"github.com/go-chi/chi/v5"
	"github.com/julienschmidt/httprouter"
)

func main() {
	var old *httprouter.Router = legacy.Router()
	r := chi.NewRouter()
	r.Mount("/v1", old)
	r.Get("/", func(w http.ResponseWriter, r *http.Request) { fmt.Fprintln(w, "new") })
	fmt.Println("built")
}
