package status

import _ "net/http"

type fake struct{}

func (fake) StatusText(int) string { return "fake" }

func mark(s string) string { return "*" + s }

var http = fake{}

func Describe(code int) string {
	return http.StatusText(code)
}
