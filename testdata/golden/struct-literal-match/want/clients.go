//line clients.go:1:1
package clients

import "net/http"

var (
	a = /*line gorch.yaml:9:22*/fromPointer(/*line clients.go:6:6*/&http.Client{}/*line gorch.yaml:9:42*/)/*line clients.go:6:20*/
	b = /*line gorch.yaml:17:22*/fromValue(/*line clients.go:7:6*/http.Client{Timeout: 0}/*line gorch.yaml:17:40*/)/*line clients.go:7:29*/
)
