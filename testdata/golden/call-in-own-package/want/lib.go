//line lib.go:1:1
package lib

/*line gorch.yaml:9:22*/import __gorch_strings "strings"/*line lib.go:1:12*/

import "strings"

func normalize(s string) string {
	return strings.ToLower(s)
}

func Key(s string) string {
	return /*line gorch.yaml:9:22*/__gorch_strings.TrimSpace(/*line lib.go:10:9*/normalize(s)/*line gorch.yaml:9:52*/)/*line lib.go:10:21*/ + ":"
}
