// Command routers serves the same two routes through chi, gorilla/mux,
// gin, echo and httprouter. It has no tracing code.
//
// On $LISTEN, a ServeMux hands each router the paths under its name:
//
//	GET /mux/items/{id}          gorilla/mux
//	GET /mux/api/users/{name}    a gorilla/mux subrouter
//	GET /gin/items/:id           gin
//	GET /gin/api/users/:name     a gin group
//	GET /echo/items/:id          echo
//	GET /echo/api/users/:name    an echo group
//	GET /hr/items/:id            httprouter
//	GET /hr/files/*filepath      an httprouter catch-all route
//
// On $LISTEN_CHI, chi is the server's handler itself:
//
//	GET /chi/items/{id}          chi
//	GET /chi/api/users/{name}    a router mounted on chi
package main

import (
	"fmt"
	"log"
	"net/http"
	"os"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/gorilla/mux"
	"github.com/julienschmidt/httprouter"
	"github.com/labstack/echo/v4"
)

func main() {
	top := http.NewServeMux()
	top.Handle("/mux/", gorillaMux())
	top.Handle("/gin/", ginEngine())
	top.Handle("/echo/", echoServer())
	top.Handle("/hr/", httpRouter())
	go func() { log.Fatal(http.ListenAndServe(os.Getenv("LISTEN_CHI"), chiRouter())) }()
	log.Fatal(http.ListenAndServe(os.Getenv("LISTEN"), top))
}

func chiRouter() http.Handler {
	r := chi.NewRouter()
	r.Get("/chi/items/{id}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "chi item %s\n", chi.URLParam(r, "id"))
	})
	api := chi.NewRouter()
	api.Get("/users/{name}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "chi user %s\n", chi.URLParam(r, "name"))
	})
	r.Mount("/chi/api", api)
	return r
}

func gorillaMux() http.Handler {
	r := mux.NewRouter()
	r.HandleFunc("/mux/items/{id}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "mux item %s\n", mux.Vars(r)["id"])
	}).Methods(http.MethodGet)
	api := r.PathPrefix("/mux/api").Subrouter()
	api.HandleFunc("/users/{name}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "mux user %s\n", mux.Vars(r)["name"])
	}).Methods(http.MethodGet)
	return r
}

func ginEngine() http.Handler {
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	r.GET("/gin/items/:id", func(c *gin.Context) {
		c.String(http.StatusOK, "gin item %s\n", c.Param("id"))
	})
	api := r.Group("/gin/api")
	api.GET("/users/:name", func(c *gin.Context) {
		c.String(http.StatusOK, "gin user %s\n", c.Param("name"))
	})
	return r
}

func echoServer() http.Handler {
	e := echo.New()
	e.HideBanner = true
	e.GET("/echo/items/:id", func(c echo.Context) error {
		return c.String(http.StatusOK, fmt.Sprintf("echo item %s\n", c.Param("id")))
	})
	api := e.Group("/echo/api")
	api.GET("/users/:name", func(c echo.Context) error {
		return c.String(http.StatusOK, fmt.Sprintf("echo user %s\n", c.Param("name")))
	})
	return e
}

func httpRouter() http.Handler {
	r := httprouter.New()
	r.GET("/hr/items/:id", func(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
		fmt.Fprintf(w, "httprouter item %s\n", ps.ByName("id"))
	})
	r.HandlerFunc(http.MethodGet, "/hr/files/*filepath", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "httprouter file %s\n", httprouter.ParamsFromContext(r.Context()).ByName("filepath"))
	})
	return r
}
