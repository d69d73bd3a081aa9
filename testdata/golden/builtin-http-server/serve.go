package web

import (
	"net"
	"net/http"
)

func Run(mux *http.ServeMux, l net.Listener) error {
	go http.ListenAndServe(":8080", nil)
	go http.ListenAndServeTLS(":8443", "cert.pem", "key.pem", mux)
	go http.Serve(l, mux)
	api := &http.Server{Addr: ":9090", Handler: mux}
	go api.ListenAndServe()
	admin := &http.Server{Addr: ":9091"}
	return admin.ListenAndServe()
}
