package server

import "net/http"

func New(mux *http.ServeMux) *http.Server {
	return &http.Server{
		Addr:    ":8080",
		Handler: mux,
	}
}

func Default() *http.Server {
	return &http.Server{Addr: ":9090", Handler: http.NotFoundHandler()}
}

func Plain(h http.Handler) http.Server {
	return http.Server{Handler: h, ErrorLog: nil}
}
