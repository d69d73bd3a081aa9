//line server.go:1:1
package server

import "net/http"

func harden[T any](s T) T { return s }

func Value() http.Server {
	return /*line gorch.yaml:8:22*/harden(/*line server.go:8:9*/http.Server{Addr: ":8080"}/*line gorch.yaml:8:37*/)/*line server.go:8:35*/
}

func Pointer() *http.Server {
	return /*line gorch.yaml:8:22*/harden(/*line server.go:12:9*/&http.Server{
		Addr: ":8081",
	}/*line gorch.yaml:8:37*/)/*line server.go:14:3*/
}

func Other() http.Client {
	return http.Client{}
}
