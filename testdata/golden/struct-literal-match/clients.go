package clients

import "net/http"

var (
	a = &http.Client{}
	b = http.Client{Timeout: 0}
)
