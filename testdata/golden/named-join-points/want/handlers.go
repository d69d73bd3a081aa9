//line handlers.go:1:1
package handlers

/*line gorch.yaml:20:22*/import __gorch_metrics "example.com/metrics"/*line handlers.go:1:17*/

import "net/http"

func Hello(w http.ResponseWriter, r *http.Request) {
	/*line gorch.yaml:32:22*/defer __gorch_metrics.Time("Hello")()
	/*line gorch.yaml:20:22*/__gorch_metrics.Count("Hello")/*line handlers.go:5:53*/
	w.Write([]byte("hello"))
}

//app:internal
func Health(w http.ResponseWriter, r *http.Request) {
	/*line gorch.yaml:20:22*/__gorch_metrics.Count("Health")/*line handlers.go:10:54*/
	w.WriteHeader(http.StatusOK)
}

func helper(n int) int { return n }
