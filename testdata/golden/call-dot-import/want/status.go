//line status.go:1:1
package status

import . "net/http"

func Describe(code int) string {
	return /*line gorch.yaml:7:22*/"[" + /*line status.go:6:9*/StatusText(code)/*line gorch.yaml:7:36*/ + "]"/*line status.go:6:25*/
}

func Local(code int) string {
	StatusText := func(int) string { return "local" }
	return StatusText(code)
}
