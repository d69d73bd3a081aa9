//line get.go:1:1
package get

import "net/http"

func Get(u string) (*http.Response, error) {
	return /*line gorch.yaml:17:22*/quiet(/*line get.go:6:9*/http.Get(u)/*line gorch.yaml:17:36*/)/*line get.go:6:20*/
}
