package serve

import "net/http"

func Serve(mux *http.ServeMux) {
	go http.ListenAndServe(":8080", nil)
	http.ListenAndServe(":8081", mux)
}
