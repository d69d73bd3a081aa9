package serve

import "net/http"

func Serve(mux *http.ServeMux) error {
	go http.ListenAndServeTLS(":8443", "cert.pem", "key.pem", mux)
	return http.ListenAndServe(":8080", mux)
}
