//line tail.go:1:1
package tail

import "strings"

func Tail(s string) string {
	return (/*line tail.go:6:9*/strings.TrimSpace(s)/*line gorch.yaml:7:30*/ + "!")/*line tail.go:6:29*/[1:]
}
