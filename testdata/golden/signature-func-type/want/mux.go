//line mux.go:1:1
package mux

import "net/http"

func Handle(path string, h func(http.ResponseWriter, *http.Request)) {
	/*line gorch.yaml:11:13*/println(path)
/*line mux.go:5:71*/}
