package fetch

import (
	"net/http"
	"time"
)

var (
	short  = &http.Client{Timeout: time.Second}
	custom = http.Client{Transport: &http.Transport{MaxIdleConns: 4}}
)

func Get(url string) (*http.Response, error) {
	return short.Get(url)
}
