//line layers.go:1:1
package layers

import "strings"

func first(s string) string  { return "1" + s }
func second(s string) string { return "2" + s }
func third(s string) string  { return "3" + s }

func Clean(s string) string {
	return /*line gorch.yaml:15:22*/third(/*line gorch.yaml:9:22*/second(/*line gorch.yaml:7:22*/first(/*line layers.go:10:9*/strings.TrimSpace(s)/*line gorch.yaml:7:36*/)/*line gorch.yaml:9:37*/)/*line gorch.yaml:15:36*/)/*line layers.go:10:29*/
}
