package server

import "net/http"

func harden[T any](s T) T { return s }

func Value() http.Server {
	return http.Server{Addr: ":8080"}
}

func Pointer() *http.Server {
	return &http.Server{
		Addr: ":8081",
	}
}

func Other() http.Client {
	return http.Client{}
}
