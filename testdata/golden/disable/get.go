package get

import "net/http"

func Get(u string) (*http.Response, error) {
	return http.Get(u)
}
