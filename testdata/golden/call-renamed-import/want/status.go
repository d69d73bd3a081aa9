//line status.go:1:1
package status

/*line gorch.yaml:9:22*/import __gorch_strings "strings"/*line status.go:1:15*/

import (
	"strings"

	web "net/http"
)

func Describe(code int) string {
	return strings.TrimSpace(/*line gorch.yaml:9:22*/__gorch_strings.ToLower(/*line status.go:10:27*/web.StatusText(code)/*line gorch.yaml:9:50*/)/*line status.go:10:47*/)
}

func Upper(code int) string {
	return strings.ToUpper(/*line gorch.yaml:9:22*/__gorch_strings.ToLower(/*line status.go:14:25*/web.StatusText(code)/*line gorch.yaml:9:50*/)/*line status.go:14:45*/ + "!")
}
