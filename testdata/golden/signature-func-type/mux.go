package mux

import "net/http"

func Handle(path string, h func(http.ResponseWriter, *http.Request)) {}
