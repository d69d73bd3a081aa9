package get

import (
	"net/http"

	_ "example.com/tracing"
)

func Get(u string) (*http.Response, error) {
	return http.Get(u)
}
