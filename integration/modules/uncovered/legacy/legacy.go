// Package legacy serves the old API through httprouter, for which gorch has
// no aspect.
package legacy

import (
	"fmt"
	"net/http"

	"github.com/julienschmidt/httprouter"
)

// Router answers the old API's one route.
func Router() *httprouter.Router {
	r := httprouter.New()
	r.GET("/v1/items/:id", func(w http.ResponseWriter, _ *http.Request, p httprouter.Params) {
		fmt.Fprintln(w, "item", p.ByName("id"))
	})
	return r
}
