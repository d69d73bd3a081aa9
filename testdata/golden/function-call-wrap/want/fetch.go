//line fetch.go:1:1
package fetch

/*line gorch.yaml:10:22*/import __gorch_log "log"

/*line gorch.yaml:10:22*/import __gorch_http "net/http"/*line fetch.go:1:14*/

import (
	"net/http"
)

func Fetch(url string) (int, error) {
	resp, err := /*line gorch.yaml:10:22*/func() (*__gorch_http.Response, error) { __gorch_log.Print("GET"); return /*line fetch.go:8:15*/http.Get(url)/*line gorch.yaml:10:96*/ }()/*line fetch.go:8:28*/
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}
